import {test} from 'node:test';
import assert from 'node:assert/strict';
import {POD_KIND} from '../../src/cluster/resource-kind.js';
import {compareWithKubectl, watchLive} from './table-oracle.js';
import {eventually, kubectl, parseColumns} from './local-cluster.js';
import {isMirrorPod} from '../../src/resources/table-renderer.js';
import {rendererFor} from '../../src/state/kind-profile.js';

test('every pod row kview shows with -A -o wide equals kubectl get pods -A -o wide', async (context) => {
  const live = watchLive(POD_KIND, {namespace: undefined});
  context.after(() => live.stop());
  const count = await compareWithKubectl({
    kind: POD_KIND,
    live,
    renderer: {wide: true, withNamespace: true},
    kubectlArgs: ['get', 'pods', '-A', '-o', 'wide'],
    onlyKubectlColumns: true,
  });
  assert.ok(count >= 10, `the demo workload has pods (saw ${count})`);
});

test('normal columns for one namespace equal kubectl get pods -n demo, read in pages of 3', async (context) => {
  const live = watchLive(POD_KIND, {namespace: 'demo'}, 'kview-admin', 3);
  context.after(() => live.stop());
  await compareWithKubectl({
    kind: POD_KIND,
    live,
    renderer: {wide: false, withNamespace: false},
    kubectlArgs: ['get', 'pods', '-n', 'demo'],
  });
});

// The rows above cover every state printPod distinguishes: the seed writes them through the status subresource.
test('the compared pods include every state kubectl prints', () => {
  const statuses = new Set(parseColumns(kubectl('get', 'pods', '-A')).rows.map((row) => row[3]));
  const wanted = [
    'Running',
    'Completed',
    'Pending',
    'Init:1/2',
    'Init:Error',
    'Init:ExitCode:2',
    'Init:CrashLoopBackOff',
    'OOMKilled',
    'Signal:9',
    'ExitCode:3',
    'Evicted',
    'ImagePullBackOff',
    'ContainerCreating',
    'Unknown',
    'Terminating',
  ];
  for (const status of wanted) assert.ok(statuses.has(status), `${status} among ${[...statuses].join(', ')}`);
  assert.ok(statuses.has('CrashLoopBackOff') || statuses.has('Error'), 'a crashing pod');
});

test("static (mirror) pods are marked after kubectl's columns", async (context) => {
  const live = watchLive(POD_KIND, {namespace: 'kube-system'});
  context.after(() => live.stop());
  await eventually('kube-system pods', () => live.data().loaded);
  const data = live.data();
  const renderer = rendererFor(POD_KIND, data.columns, {
    wide: false,
    withNamespace: false,
    mirrorPods: [...data.rows.values()].some(isMirrorPod),
  });
  const rows = data.order.map((key) => renderer.render(data.rows.get(key)!, Date.now()));
  assert.equal(renderer.headers.at(-1), 'STATIC');
  assert.equal(rows.find((row) => row[0] === 'node-probe-localhost')?.at(-1), 'static');
  assert.equal(rows.find((row) => row[0]?.startsWith('metrics-agent'))?.at(-1), '');
});
