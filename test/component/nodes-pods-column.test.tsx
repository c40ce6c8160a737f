import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NODE_KIND} from '../../src/cluster/resource-kind.js';
import type {TableRow} from '../../src/cluster/types.js';
import {countByNodeCell} from '../../src/cluster/pod-counts.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';

const {render} = await import('ink-testing-library');
const {App} = await import('../../src/ui/App.js');

const nodeColumns = ['Name', 'Status', 'Roles', 'Age', 'Version'].map((name) => ({name, type: 'string', priority: 0}));
const nodeRow = (name: string): TableRow => ({
  cells: [name, 'Ready', '<none>', '5m', 'v1.20.2'],
  object: {kind: 'Node', metadata: {name, uid: `node-${name}`, creationTimestamp: '2026-11-22T08:00:00Z'}},
});
const podOn = (name: string, node: string): TableRow => {
  const row = podRow('shop', name);
  const cells = [...row.cells];
  cells[6] = node;
  return {...row, cells};
};

test('PODS: the watch cache count at once, then the exact pods watch replaces it and follows its changes', async (context) => {
  const world = scriptedWorld({podCounts: new Map([['worker-1', 7]])});
  const app = render(<App world={world} first={{type: 'table', kind: NODE_KIND, namespace: undefined}} />);
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const podsCell = () => /^worker-1\s+Ready\s+<none>\s+\S+\s+v1\.20\.2\s+(\S+)/m.exec(frame())?.[1];
  await waitForFrame(frame, () => world.watches.some((watch) => watch.plural === 'nodes'));
  world.sink('nodes').snapshot(nodeColumns, [nodeRow('worker-1')]);
  await waitForFrame(frame, () => podsCell() === '7');
  world.sink('pods').snapshot(podColumns, [podOn('a', 'worker-1'), podOn('b', 'worker-1'), podOn('c', '<none>')]);
  await waitForFrame(frame, () => podsCell() === '2');
  world.sink('pods').changes([
    {type: 'MODIFIED', row: podOn('c', 'worker-1')},
    {type: 'DELETED', row: podOn('a', 'worker-1')},
  ]);
  await waitForFrame(frame, () => podsCell() === '2' && frame().includes('worker-1'));
  world.sink('pods').changes([{type: 'ADDED', row: podOn('d', 'worker-1')}]);
  await waitForFrame(frame, () => podsCell() === '3');
});

test('PODS: without the quick count the column says … (counting), never n/a, until the watch has read the pods', async (context) => {
  const world = scriptedWorld({});
  const app = render(<App world={world} first={{type: 'table', kind: NODE_KIND, namespace: undefined}} />);
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  await waitForFrame(frame, () => world.watches.some((watch) => watch.plural === 'nodes'));
  world.sink('nodes').snapshot(nodeColumns, [nodeRow('worker-1')]);
  await waitForFrame(frame, () => /^worker-1\s.*\s…\s/m.test(frame()));
  assert.doesNotMatch(frame(), /n\/a/);
});

test('the quick count reads the Node cell of a Table without objects, leaving out unscheduled pods', () => {
  const counts = countByNodeCell({
    columnDefinitions: podColumns,
    rows: [podOn('a', 'n1'), podOn('b', 'n1'), podOn('c', 'n2'), podOn('d', '<none>')].map((row) => ({
      cells: row.cells,
    })),
  });
  assert.deepEqual(
    [...counts],
    [
      ['n1', 2],
      ['n2', 1],
    ],
  );
});
