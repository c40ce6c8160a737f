import {test} from 'node:test';
import assert from 'node:assert/strict';
import {EVENT_KIND, NODE_KIND} from '../../src/cluster/resource-kind.js';
import {rendererFor} from '../../src/state/kind-profile.js';
import {compareWithKubectl, watchLive} from './table-oracle.js';
import {eventually, kubectl, session} from './local-cluster.js';

test('every node row equals kubectl get nodes -o wide, with PODS and TAINTS appended', async (context) => {
  const live = watchLive(NODE_KIND, {includeObject: 'Object'});
  context.after(() => live.stop());
  const count = await compareWithKubectl({
    kind: NODE_KIND,
    live,
    renderer: {wide: true, withNamespace: false},
    kubectlArgs: ['get', 'nodes', '-o', 'wide'],
    onlyKubectlColumns: true,
  });
  // Every node kubectl lists was compared: the real kubelets (localhost, systemd-node) and the API-only ones.
  const names = kubectl('get', 'nodes', '-o', 'name').split('\n').filter(Boolean);
  assert.equal(count, names.length);
  assert.ok(names.includes('node/systemd-node') && names.includes('node/localhost'), names.join(' '));
  const statuses = kubectl('get', 'nodes', '--no-headers')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(/\s+/).slice(0, 2).join(' '));
  assert.ok(statuses.includes('worker-notready NotReady'));
  assert.ok(statuses.includes('worker-cordoned Ready,SchedulingDisabled'));
});

test('the PODS and TAINTS cells count what kubectl lists', async (context) => {
  const live = watchLive(NODE_KIND, {includeObject: 'Object'});
  context.after(() => live.stop());
  await eventually('nodes', () => live.data().loaded);
  const podsOnLocalhost = kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=localhost', '--no-headers')
    .split('\n')
    .filter(Boolean).length;
  const data = live.data();
  const renderer = rendererFor(NODE_KIND, data.columns, {
    wide: false,
    withNamespace: false,
    podsPerNode: new Map([['localhost', podsOnLocalhost]]),
  });
  const rows = data.order.map((key) => renderer.render(data.rows.get(key)!, Date.now()));
  const localhost = rows.find((row) => row[0] === 'localhost');
  const controlPlane = rows.find((row) => row[0] === 'control-plane-1');
  assert.equal(localhost?.at(-2), String(podsOnLocalhost));
  const taints = JSON.parse(kubectl('get', 'node', 'control-plane-1', '-o', 'jsonpath={.spec.taints}')) as unknown[];
  assert.equal(controlPlane?.at(-1), String(taints.length));
});

// `kubectl events -A` (client-side in kubectl 1.32) against kview's events view, rows compared as a set since
// kubectl lists oldest first and kview newest first; ages drift, repeat counts must not.
test('every event row equals kubectl events -A (ages aside)', async (context) => {
  const live = watchLive(EVENT_KIND, {includeObject: 'Object'});
  context.after(() => live.stop());
  const count = await compareWithKubectl({
    kind: EVENT_KIND,
    live,
    renderer: {wide: false, withNamespace: true},
    kubectlArgs: ['events', '-A'],
    sortRows: true,
    normalize: (header, cell) =>
      header === 'LAST SEEN' ? cell.replace(/^\S+/, '').replace(/over \S+\)/, 'over)') : cell,
  });
  assert.ok(count > 5, `events exist (saw ${count})`);
});

test('without metrics-server the usage columns are silently absent', async () => {
  const cluster = session();
  assert.equal(await cluster.nodeUsage(), undefined);
  const data = rendererFor(NODE_KIND, [{name: 'Name', type: 'string', priority: 0}], {
    wide: false,
    withNamespace: false,
    nodeUsage: undefined,
  });
  assert.ok(!data.headers.includes('CPU(cores)'));
});

test("the nodes view's quick PODS count from the watch cache equals kubectl's pods per node", async () => {
  const fromKubectl = () => {
    const counts = new Map<string, number>();
    const nodes = kubectl('get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.spec.nodeName}{"\\n"}{end}');
    for (const node of nodes.split('\n').filter(Boolean)) counts.set(node, (counts.get(node) ?? 0) + 1);
    return counts;
  };
  // The watch cache may trail etcd by a moment while other tests change pods: compared until the two agree.
  const agreed = await eventually('the quick count and kubectl agreeing', async () => {
    const quick = await session().quickPodCounts();
    const expected = fromKubectl();
    return JSON.stringify([...quick].sort()) === JSON.stringify([...expected].sort()) ? quick : undefined;
  });
  assert.ok((agreed.get('localhost') ?? 0) > 0 && (agreed.get('systemd-node') ?? 0) > 0, JSON.stringify([...agreed]));
});
