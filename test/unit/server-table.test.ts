import {test} from 'node:test';
import assert from 'node:assert/strict';
import {columnLayout, formatCell, renderRow, rowKey} from '../../src/resources/server-table.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';

const now = Date.parse('2026-11-22T09:00:00Z');

test('normal columns are the priority-0 ones, upper-cased, NAMESPACE first with -A', () => {
  const layout = columnLayout(podColumns, {wide: false, withNamespace: true});
  assert.deepEqual(layout.headers, ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE']);
});

test('wide adds the priority-1 columns in server order', () => {
  const layout = columnLayout(podColumns, {wide: true, withNamespace: false});
  assert.deepEqual(layout.headers, [
    'NAME',
    'READY',
    'STATUS',
    'RESTARTS',
    'AGE',
    'IP',
    'NODE',
    'NOMINATED NODE',
    'READINESS GATES',
  ]);
});

test("AGE is recomputed from creationTimestamp so it ticks; the other cells are the server's", () => {
  const layout = columnLayout(podColumns, {wide: true, withNamespace: true});
  const cells = renderRow(podRow('demo', 'web-1'), layout, now);
  assert.deepEqual(cells, ['demo', 'web-1', '1/1', 'Running', '0', '60m', '10.0.0.1', 'localhost', '<none>', '<none>']);
});

test('AGE falls back to the server cell when the row carries no metadata', () => {
  const layout = columnLayout(podColumns, {wide: false, withNamespace: false});
  const row = {cells: ['x', '0/1', 'Pending', 0, '7s']};
  assert.deepEqual(renderRow(row, layout, now), ['x', '0/1', 'Pending', '0', '7s']);
});

test('cells print like Go fmt.Fprint: nil empty, numbers plain, hostile text inert', () => {
  assert.equal(formatCell(null), '');
  assert.equal(formatCell(3), '3');
  assert.equal(formatCell(0.5), '0.5');
  assert.equal(formatCell(true), 'true');
  assert.equal(formatCell('evil\u001b[2Jname'), 'evilname');
});

test('rows are keyed by uid, falling back to namespace/name', () => {
  assert.equal(rowKey(podRow('a', 'b', 'Running', {uid: 'u1'})), 'u1');
  assert.equal(rowKey({cells: ['n'], object: {metadata: {namespace: 'ns', name: 'n'}}}), 'ns/n');
});
