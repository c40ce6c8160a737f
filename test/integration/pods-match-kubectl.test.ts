import {test} from 'node:test';
import assert from 'node:assert/strict';
import {columnLayout, renderRow} from '../../src/resources/server-table.js';
import {applyChanges, applySnapshot, emptyTableData} from '../../src/state/table-data.js';
import type {TableData} from '../../src/state/table-data.js';
import {eventually, kubectl, parseColumns, session} from './local-cluster.js';

function withoutAge(headers: string[], rows: string[][]): string[][] {
  const age = headers.indexOf('AGE');
  return rows.map((row) => row.filter((_, index) => index !== age));
}

// kview's live table and a kubectl run at the same moment must agree row for row (AGE aside, it drifts).
// The demo's crash-looping pod changes state every few seconds, so a mismatch only fails the test when the watch
// has nothing more to deliver: a pod that changed between the two reads gets another try.
async function compareWithKubectl(options: {wide: boolean; namespace?: string; pageSize?: number}) {
  const cluster = session('kview-admin', undefined, {pageSize: options.pageSize});
  let data: TableData = emptyTableData;
  const watch = cluster.watchPods(options.namespace, {
    snapshot: (columns, rows) => {
      data = applySnapshot(data, columns, rows);
    },
    changes: (changes) => {
      data = applyChanges(data, changes);
    },
    state: () => undefined,
  });
  try {
    await eventually('the first snapshot', () => data.loaded);
    const layout = columnLayout(data.columns, {wide: options.wide, withNamespace: options.namespace === undefined});
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const printed = kubectl('get', 'pods', ...(options.namespace ? ['-n', options.namespace] : ['-A']),
        ...(options.wide ? ['-o', 'wide'] : []));
      const expected = parseColumns(printed);
      const before = data.version;
      const ours = data.order.map((key) => renderRow(data.rows.get(key)!, layout, Date.now()));
      try {
        assert.deepEqual(layout.headers, expected.headers);
        assert.deepEqual(withoutAge(layout.headers, ours), withoutAge(expected.headers, expected.rows));
        return ours.length;
      } catch (mismatch) {
        // A change kubectl already saw may still be on its way to the watch: wait for the watch to move.
        const moved = await eventually('a watch event', () => data.version !== before, 2000).catch(() => false);
        if (!moved || attempts >= 8) throw mismatch;
      }
    }
  } finally {
    watch.stop();
  }
}

test('every pod row kview shows with -A -o wide equals kubectl get pods -A -o wide', async () => {
  const count = await compareWithKubectl({wide: true});
  assert.ok(count >= 10, `the demo workload has pods (saw ${count})`);
});

test('normal columns for one namespace equal kubectl get pods -n demo, read in pages of 3', async () => {
  await compareWithKubectl({wide: false, namespace: 'demo', pageSize: 3});
});

test('the demo shows the states an operator meets', () => {
  const statuses = parseColumns(kubectl('get', 'pods', '-A')).rows.map((row) => row[3]);
  for (const wanted of ['Running', 'Completed', 'Pending']) assert.ok(statuses.includes(wanted), wanted);
  assert.ok(statuses.some((status) => status === 'Init:1/2'), 'a pod stuck in its init containers');
  assert.ok(statuses.some((status) => status === 'CrashLoopBackOff' || status === 'Error'), 'a crashing pod');
});
