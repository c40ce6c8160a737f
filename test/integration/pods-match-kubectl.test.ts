import {test} from 'node:test';
import assert from 'node:assert/strict';
import {POD_KIND} from '../../src/cluster/resource-kind.js';
import {compareWithKubectl, watchLive} from './table-oracle.js';
import {kubectl, parseColumns} from './local-cluster.js';

test('every pod row kview shows with -A -o wide equals kubectl get pods -A -o wide', async (context) => {
  const live = watchLive(POD_KIND, {namespace: undefined});
  context.after(() => live.stop());
  const count = await compareWithKubectl({kind: POD_KIND, live, renderer: {wide: true, withNamespace: true},
    kubectlArgs: ['get', 'pods', '-A', '-o', 'wide']});
  assert.ok(count >= 10, `the demo workload has pods (saw ${count})`);
});

test('normal columns for one namespace equal kubectl get pods -n demo, read in pages of 3', async (context) => {
  const live = watchLive(POD_KIND, {namespace: 'demo'}, 'kview-admin', 3);
  context.after(() => live.stop());
  await compareWithKubectl({kind: POD_KIND, live, renderer: {wide: false, withNamespace: false},
    kubectlArgs: ['get', 'pods', '-n', 'demo']});
});

test('the demo shows the states an operator meets', () => {
  const statuses = parseColumns(kubectl('get', 'pods', '-A')).rows.map((row) => row[3]);
  for (const wanted of ['Running', 'Completed', 'Pending']) assert.ok(statuses.includes(wanted), wanted);
  assert.ok(statuses.some((status) => status === 'Init:1/2'), 'a pod stuck in its init containers');
  assert.ok(statuses.some((status) => status === 'CrashLoopBackOff' || status === 'Error'), 'a crashing pod');
});
