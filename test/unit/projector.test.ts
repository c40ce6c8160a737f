import {test} from 'node:test';
import assert from 'node:assert/strict';
import {EVENT_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import type {RowChange, TableRow} from '../../src/cluster/types.js';
import {rendererFor} from '../../src/state/kind-profile.js';
import {createProjector} from '../../src/state/projector.js';
import type {ProjectorInput} from '../../src/state/projector.js';
import type {RowFilter, SortOrder} from '../../src/state/row-projection.js';
import {applyChanges, applySnapshot, emptyTableData} from '../../src/state/table-data.js';
import {podColumns} from '../fixtures/table-rows.js';

const NOW = Date.parse('2026-12-02T04:00:00Z');
const STATUSES = ['Running', 'Running', 'Pending', 'CrashLoopBackOff', 'Completed'];

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function pod(index: number, next: () => number): TableRow {
  // The name and namespace of an object never change; everything else may between two versions.
  const name = `${['web', 'api', 'db'][index % 3]}-${index}${'x'.repeat((index * 7) % 12)}`;
  const namespace = `ns-${index % 5}`;
  return {
    cells: [
      name,
      next() < 0.8 ? '1/1' : '0/1',
      STATUSES[Math.floor(next() * STATUSES.length)],
      Math.floor(next() * 20),
      '5m',
      '10.0.0.1',
      'node-a',
      '<none>',
      '<none>',
    ],
    object: {
      kind: 'PartialObjectMetadata',
      metadata: {
        name,
        namespace,
        uid: `uid-${index}`,
        creationTimestamp: new Date(NOW - Math.floor(next() * 50) * 60_000).toISOString(),
      },
    },
  };
}

function event(index: number, next: () => number): TableRow {
  const seen = new Date(NOW - Math.floor(next() * 30) * 1000).toISOString();
  return {
    cells: [],
    object: {
      kind: 'Event',
      metadata: {name: `event-${index}`, namespace: `ns-${index % 3}`, uid: `event-uid-${index}`},
      type: next() < 0.3 ? 'Warning' : 'Normal',
      reason: next() < 0.5 ? 'BackOff' : 'Pulled',
      message: `message ${Math.floor(next() * 9)}`,
      involvedObject: {kind: 'Pod', name: `web-${index % 11}`},
      lastTimestamp: seen,
      firstTimestamp: seen,
      count: 1,
    },
  };
}

const cases: Array<{
  name: string;
  kind: typeof POD_KIND;
  make: typeof pod;
  filter?: RowFilter;
  sort?: SortOrder;
  faultsOnly?: boolean;
}> = [
  {name: 'server order', kind: POD_KIND, make: pod},
  {name: 'a filter', kind: POD_KIND, make: pod, filter: {pattern: 'web|Pending', inverse: false}},
  {name: 'an inverse filter', kind: POD_KIND, make: pod, filter: {pattern: 'x{3}', inverse: true}},
  {name: 'faults only', kind: POD_KIND, make: pod, faultsOnly: true},
  {name: 'sorted by STATUS', kind: POD_KIND, make: pod, sort: {column: 'STATUS', descending: false}},
  {name: 'sorted by RESTARTS, descending', kind: POD_KIND, make: pod, sort: {column: 'RESTARTS', descending: true}},
  {
    name: 'sorted by AGE, with a filter',
    kind: POD_KIND,
    make: pod,
    sort: {column: 'AGE', descending: true},
    filter: {pattern: 'api', inverse: false},
  },
  {name: 'events, newest first', kind: EVENT_KIND, make: event},
];

for (const scenario of cases) {
  test(`${scenario.name}: the projection kept between random batches equals one made from scratch`, () => {
    const next = random(scenario.name.length * 31);
    const renderer = rendererFor(scenario.kind, podColumns, {wide: true, withNamespace: true});
    let table = applySnapshot(
      emptyTableData,
      podColumns,
      Array.from({length: 400}, (_, index) => scenario.make(index, next)),
    );
    const kept = createProjector();
    const input = (): ProjectorInput => ({
      table,
      renderer,
      renderedAt: NOW,
      filter: scenario.filter,
      sort: scenario.sort,
      faultsOnly: scenario.faultsOnly ?? false,
      kind: scenario.kind,
    });
    let previous = kept(input());
    let unchangedKept = 0;
    for (let batch = 0; batch < 150; batch++) {
      const changes: RowChange[] = Array.from({length: 1 + Math.floor(next() * 10)}, () => {
        const index = Math.floor(next() * 700);
        const roll = next();
        return {type: roll < 0.2 ? 'DELETED' : roll < 0.5 ? 'ADDED' : 'MODIFIED', row: scenario.make(index, next)};
      });
      table = applyChanges(table, changes);
      // Now and then two batches reach the view between two renders.
      if (next() < 0.15)
        table = applyChanges(table, [{type: 'MODIFIED', row: scenario.make(Math.floor(next() * 700), next)}]);
      const incremental = kept(input());
      const scratch = createProjector()(input());
      assert.deepEqual(incremental.keys, scratch.keys, `batch ${batch}: the keys`);
      assert.deepEqual(incremental.widths, scratch.widths, `batch ${batch}: the widths`);
      for (const key of scratch.keys) assert.deepEqual(incremental.cellsOf(key), scratch.cellsOf(key));
      if (incremental.keys === previous.keys) unchangedKept += 1;
      previous = incremental;
    }
    assert.ok(scenario.filter || scenario.faultsOnly || unchangedKept < 150, 'batches changed the keys');
  });
}

test('a batch that changes nothing shown hands back the same keys array (no new frame for the cursor)', () => {
  const next = random(3);
  const renderer = rendererFor(POD_KIND, podColumns, {wide: false, withNamespace: true});
  let table = applySnapshot(
    emptyTableData,
    podColumns,
    Array.from({length: 50}, (_, index) => pod(index, next)),
  );
  const project = createProjector();
  const input = () => ({table, renderer, renderedAt: NOW, faultsOnly: false, kind: POD_KIND});
  const first = project(input());
  const same = table.rows.get('uid-7');
  assert.ok(same);
  table = applyChanges(table, [{type: 'MODIFIED', row: {...same, cells: [...same.cells]}}]);
  assert.equal(project(input()).keys, first.keys);
});
