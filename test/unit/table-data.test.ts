import {test} from 'node:test';
import assert from 'node:assert/strict';
import {applyChanges, applySnapshot, emptyTableData} from '../../src/state/table-data.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';

const names = (data: ReturnType<typeof applySnapshot>) =>
  data.order.map((key) => data.rows.get(key)?.object?.metadata?.name);

test('a snapshot is ordered by namespace then name in byte order, as the API server lists', () => {
  const data = applySnapshot(emptyTableData, podColumns, [
    podRow('shop', 'cart'),
    podRow('demo', 'web-b'),
    podRow('demo', 'Web-a'),
    podRow('demo', 'web-a'),
  ]);
  assert.deepEqual(names(data), ['Web-a', 'web-a', 'web-b', 'cart']);
  assert.equal(data.loaded, true);
});

test('ADDED inserts in order, MODIFIED replaces in place, DELETED removes', () => {
  let data = applySnapshot(emptyTableData, podColumns, [podRow('demo', 'a'), podRow('demo', 'c')]);
  data = applyChanges(data, [
    {type: 'ADDED', row: podRow('demo', 'b')},
    {type: 'MODIFIED', row: podRow('demo', 'a', 'CrashLoopBackOff')},
    {type: 'DELETED', row: podRow('demo', 'c')},
  ]);
  assert.deepEqual(names(data), ['a', 'b']);
  assert.equal(data.rows.get('demo-a-uid')?.cells[2], 'CrashLoopBackOff');
});

test('a new snapshot drops rows that were deleted while disconnected', () => {
  let data = applySnapshot(emptyTableData, podColumns, [podRow('demo', 'a'), podRow('demo', 'gone')]);
  data = applySnapshot(data, podColumns, [podRow('demo', 'a')]);
  assert.deepEqual(names(data), ['a']);
});

test('an empty batch changes nothing, not even the version', () => {
  const data = applySnapshot(emptyTableData, podColumns, [podRow('demo', 'a')]);
  assert.equal(applyChanges(data, []), data);
});

test('deleting an unknown row is harmless', () => {
  const data = applySnapshot(emptyTableData, podColumns, [podRow('demo', 'a')]);
  const after = applyChanges(data, [{type: 'DELETED', row: podRow('demo', 'never-seen')}]);
  assert.deepEqual(names(after), ['a']);
});

test('after random batches the order equals a fresh snapshot of the same rows, and `changed` names every key touched', () => {
  let seed = 11;
  const next = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  let data = applySnapshot(
    emptyTableData,
    podColumns,
    Array.from({length: 300}, (_, index) => podRow(`ns-${index % 7}`, `pod-${index}`)),
  );
  for (let batch = 0; batch < 200; batch++) {
    const changes = Array.from({length: 1 + Math.floor(next() * 12)}, () => {
      const index = Math.floor(next() * 600);
      const roll = next();
      const row = podRow(`ns-${index % 7}`, `pod-${index}`, roll < 0.5 ? 'Running' : 'Pending');
      return {type: roll < 0.25 ? ('DELETED' as const) : roll < 0.6 ? ('ADDED' as const) : ('MODIFIED' as const), row};
    });
    const before = data;
    data = applyChanges(data, changes);
    assert.deepEqual(data.order, applySnapshot(emptyTableData, podColumns, [...data.rows.values()]).order);
    assert.equal(data.changed?.since, before.version);
    assert.deepEqual(new Set(data.changed?.keys), new Set(changes.map((change) => change.row.object?.metadata?.uid)));
  }
});
