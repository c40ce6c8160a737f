import assert from 'node:assert/strict';
import type {WatchRequest} from '../../src/cluster/cluster-session.js';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import type {ConnectionState} from '../../src/cluster/types.js';
import type {TableWatchSink} from '../../src/cluster/table-watch.js';
import {rendererFor} from '../../src/state/kind-profile.js';
import type {RendererOptions} from '../../src/resources/table-renderer.js';
import {applyChanges, applySnapshot, emptyTableData} from '../../src/state/table-data.js';
import type {TableData} from '../../src/state/table-data.js';
import {eventually, kubectl, parseColumns, session} from './local-cluster.js';

export interface LiveTable {
  data: () => TableData;
  states: ConnectionState[];
  stop: () => void;
}

// A sink that keeps what a watch delivers in kview's own store, and every connection state it reports.
export function liveSink(): {sink: TableWatchSink; data: () => TableData; states: ConnectionState[]} {
  let data: TableData = emptyTableData;
  const states: ConnectionState[] = [];
  return {
    sink: {
      snapshot: (columns, rows) => {
        data = applySnapshot(data, columns, rows);
      },
      changes: (changes) => {
        data = applyChanges(data, changes);
      },
      state: (state) => {
        states.push(state);
      },
    },
    data: () => data,
    states,
  };
}

// A kind watched exactly as kview's views watch it, kept in the same store.
export function watchLive(
  kind: ResourceKind,
  request: WatchRequest,
  context = 'kview-admin',
  pageSize?: number,
): LiveTable {
  const live = liveSink();
  const watch = session(context, undefined, {pageSize, retryDelaysMs: [200, 500, 1000]}).watchTable(
    kind,
    request,
    live.sink,
  );
  return {data: live.data, states: live.states, stop: () => watch.stop()};
}

export interface OracleComparison {
  kind: ResourceKind;
  live: LiveTable;
  renderer: Omit<RendererOptions, 'podsPerNode'> & {podsPerNode?: ReadonlyMap<string, number>};
  kubectlArgs: string[];
  // Columns that drift with time (AGE, LAST SEEN): compared through this function instead of verbatim.
  normalize?: (header: string, cell: string) => string;
  // Cells kview adds after kubectl's own (PODS, TAINTS) are left out of the comparison.
  onlyKubectlColumns?: boolean;
  sortRows?: boolean;
}

// kview's rows against a kubectl run at the same moment. A mismatch fails only when the watch has nothing more
// to deliver: an object that changed between the two reads gets another try.
export async function compareWithKubectl(comparison: OracleComparison): Promise<number> {
  const {live, kind} = comparison;
  await eventually('the first snapshot', () => live.data().loaded);
  const normalize = comparison.normalize ?? ((header: string, cell: string) => (header === 'AGE' ? '' : cell));
  for (let attempt = 1; ; attempt++) {
    const expected = parseColumns(kubectl(...comparison.kubectlArgs));
    const data = live.data();
    const renderer = rendererFor(kind, data.columns, comparison.renderer);
    const headers = comparison.onlyKubectlColumns
      ? renderer.headers.slice(0, expected.headers.length)
      : renderer.headers;
    const ours = data.order.map((key) => renderer.render(data.rows.get(key)!, Date.now()).slice(0, headers.length));
    const shape = (rows: string[][], names: string[]) => {
      const shaped = rows.map((row) => row.map((cell, index) => normalize(names[index] ?? '', cell)).join(' | '));
      return comparison.sortRows ? shaped.sort() : shaped;
    };
    try {
      assert.deepEqual(headers, expected.headers);
      assert.deepEqual(shape(ours, headers), shape(expected.rows, expected.headers));
      return ours.length;
    } catch (mismatch) {
      const before = data.version;
      const moved = await eventually('a watch event', () => live.data().version !== before, 2000).catch(() => false);
      if (!moved || attempt >= 8) throw mismatch;
    }
  }
}
