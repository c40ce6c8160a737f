import {test} from 'node:test';
import assert from 'node:assert/strict';
import {nodeExtraCells, nodeUsageCells} from '../../src/resources/node-extras.js';

const node = {kind: 'Node', status: {allocatable: {cpu: '4', memory: '8Gi'}}};

test('kubectl top nodes cells: millicores, MiB and shares of allocatable', () => {
  assert.deepEqual(nodeUsageCells(node, {cpu: '250m', memory: '2097152Ki'}), ['250m', '6%', '2048Mi', '25%']);
  assert.deepEqual(nodeUsageCells(node, {cpu: '1500000000n', memory: '1Gi'}), ['1500m', '37%', '1024Mi', '12%']);
});

test('a node metrics-server has no numbers for prints <unknown>, as kubectl top does', () => {
  assert.deepEqual(nodeUsageCells(node, undefined), ['<unknown>', '<unknown>', '<unknown>', '<unknown>']);
});

test('PODS says it is still counting, instead of n/a (which means the user may not list pods)', () => {
  const node = {metadata: {name: 'worker-1'}, spec: {taints: [{key: 'a', effect: 'NoSchedule'}]}};
  assert.deepEqual(nodeExtraCells(node, 'worker-1', 'counting'), ['…', '1']);
  assert.deepEqual(nodeExtraCells(node, 'worker-1', undefined), ['n/a', '1']);
  assert.deepEqual(nodeExtraCells(node, 'worker-1', new Map([['worker-1', 42]])), ['42', '1']);
  assert.deepEqual(nodeExtraCells(node, 'worker-1', new Map([['worker-2', 42]])), ['0', '1']);
});
