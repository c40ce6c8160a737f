import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NODE_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import {eventually, kubectl, session} from './local-cluster.js';

// The actions the UI offers, against the real API server: what the confirmation dialog finally runs.
const admin = session();
const node = `drill-node-${process.pid}`;

test('RBAC answers as the access review says: the restricted user may read pods in demo but not delete them', async () => {
  const viewer = session('kview-restricted');
  assert.equal(await viewer.can({verb: 'list', group: '', resource: 'pods', namespace: 'demo'}), true);
  assert.equal(await viewer.can({verb: 'delete', group: '', resource: 'pods', namespace: 'demo'}), false);
  assert.equal(await viewer.can({verb: 'patch', group: '', resource: 'nodes'}), false);
  assert.equal(await admin.can({verb: 'delete', group: '', resource: 'pods', namespace: 'demo'}), true);
});

test('delete removes the pod', async () => {
  const name = `doomed-${process.pid}`;
  kubectl(
    '-n',
    'demo',
    'run',
    name,
    '--image=kview.local/busybox:1',
    '--image-pull-policy=Never',
    '--restart=Never',
    '--overrides={"spec":{"hostNetwork":true,"terminationGracePeriodSeconds":0}}',
    '--command',
    '--',
    'sleep',
    '3600',
  );
  await admin.deleteObject(POD_KIND, 'demo', name);
  await eventually('the pod gone', () => !kubectl('get', 'pods', '-n', 'demo', '-o', 'name').includes(`pod/${name}`));
});

test('cordon, uncordon and drain a node through the API', async (context) => {
  kubectl('create', 'namespace', `drill-${process.pid}`);
  const namespace = `drill-${process.pid}`;
  await admin.client.sendJson('POST', '/api/v1/nodes', {apiVersion: 'v1', kind: 'Node', metadata: {name: node}});
  for (const pod of ['loose-a', 'loose-b']) {
    await eventually('the namespace service account', () =>
      kubectl('get', 'serviceaccounts', '-n', namespace, '-o', 'name').includes('serviceaccount/default'),
    );
    await admin.client.sendJson('POST', `/api/v1/namespaces/${namespace}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: pod},
      spec: {
        nodeName: node,
        automountServiceAccountToken: false,
        containers: [{name: 'app', image: 'kview.local/busybox:1'}],
      },
    });
  }
  context.after(() => {
    kubectl('delete', 'pods', '--all', '-n', namespace, '--grace-period=0', '--force', '--wait=false');
    kubectl('delete', 'namespace', namespace, '--wait=false');
    kubectl('delete', 'node', node, '--wait=false');
  });
  const unschedulable = () => kubectl('get', 'node', node, '-o', 'jsonpath={.spec.unschedulable}');

  await admin.setUnschedulable(node, true);
  assert.equal(unschedulable(), 'true');
  await admin.setUnschedulable(node, false);
  assert.equal(unschedulable(), '');

  // Pods no controller would recreate block a drain without force, as in kubectl; nothing is cordoned then.
  const refused = await admin.drain(node, {ignoreDaemonSets: true, deleteEmptyDirData: false, force: false}, () => {});
  assert.equal(refused.blockers.length, 2);
  assert.equal(unschedulable(), '');

  const progress: string[] = [];
  const plan = await admin.drain(node, {ignoreDaemonSets: true, deleteEmptyDirData: false, force: true}, (message) =>
    progress.push(message),
  );
  assert.deepEqual(plan.evict.map((pod) => pod.name).sort(), ['loose-a', 'loose-b']);
  assert.equal(unschedulable(), 'true');
  assert.equal(progress.length, 2);
  // Evicted pods on a node with no kubelet stay Terminating: the eviction was accepted and is graceful.
  for (const pod of ['loose-a', 'loose-b']) {
    const object = await admin.getObject(POD_KIND, namespace, pod);
    assert.ok(object.metadata?.deletionTimestamp, `${pod} is being deleted`);
  }
  assert.ok((await admin.getObject(NODE_KIND, undefined, node)).metadata?.name);
});
