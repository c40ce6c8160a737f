import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {TableRow} from '../../src/cluster/types.js';
import {createMirrorTracker} from '../../src/state/mirror-pods.js';
import {applyChanges, applySnapshot, emptyTableData} from '../../src/state/table-data.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';

const mirror = (name: string): TableRow => {
  const row = podRow('kube-system', name);
  return {
    ...row,
    object: {...row.object, metadata: {...row.object?.metadata, annotations: {'kubernetes.io/config.mirror': 'x'}}},
  };
};

test('static pods are tracked from the keys each batch changed, and from scratch after a snapshot', () => {
  const seen = createMirrorTracker();
  let table = applySnapshot(emptyTableData, podColumns, [podRow('demo', 'a'), podRow('demo', 'b')]);
  assert.equal(seen(table), false);
  table = applyChanges(table, [{type: 'ADDED', row: mirror('etcd-node')}]);
  assert.equal(seen(table), true);
  table = applyChanges(table, [{type: 'MODIFIED', row: podRow('demo', 'a')}]);
  assert.equal(seen(table), true);
  table = applyChanges(table, [{type: 'DELETED', row: mirror('etcd-node')}]);
  assert.equal(seen(table), false);
  // Two batches between looks: the rows are looked through again.
  table = applyChanges(applyChanges(table, [{type: 'ADDED', row: mirror('api')}]), [
    {type: 'ADDED', row: podRow('demo', 'c')},
  ]);
  assert.equal(seen(table), true);
  table = applySnapshot(table, podColumns, [podRow('demo', 'a')]);
  assert.equal(seen(table), false);
});
