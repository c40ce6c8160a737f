import {test} from 'node:test';
import assert from 'node:assert/strict';
import {NODE_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import {drainOutcomeLine} from '../../src/cluster/drain.js';
import type {DrainProgress} from '../../src/cluster/drain.js';
import {createSleeperPod, eventually, kubeconfigPath, kubectl, session} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

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
  createSleeperPod(name);
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
  const noProgress = {onProgress: () => undefined};
  const refused = await admin.drain(
    node,
    {ignoreDaemonSets: true, deleteEmptyDirData: false, force: false},
    noProgress,
  );
  assert.equal(refused.kind, 'blocked');
  assert.equal(refused.plan.blockers.length, 2);
  assert.equal(unschedulable(), '');

  // Evicted pods on a node with no kubelet would stay Terminating with a grace period; with 0 they are gone at
  // once, and the drain waits until they are.
  const reports: DrainProgress[] = [];
  const outcome = await admin.drain(
    node,
    {ignoreDaemonSets: true, deleteEmptyDirData: false, force: true, gracePeriodSeconds: 0},
    {onProgress: (progress) => reports.push(progress)},
  );
  assert.equal(outcome.kind, 'drained', drainOutcomeLine(outcome));
  assert.deepEqual(outcome.plan.evict.map((pod) => pod.name).sort(), ['loose-a', 'loose-b']);
  assert.equal(unschedulable(), 'true');
  assert.ok(reports.some((report) => report.pods.every((entry) => entry.state.phase === 'gone')));
  assert.equal(kubectl('get', 'pods', '-n', namespace, '-o', 'name').trim(), '');
  assert.ok((await admin.getObject(NODE_KIND, undefined, node)).metadata?.name);
});

// Two Ready pods behind a PodDisruptionBudget that allows no disruption, on a kubelet-less node (their status is
// written through the status subresource, as the pod-states seed does).
async function budgetedPods(namespace: string, drainNodeName: string, minAvailable: number): Promise<void> {
  kubectl('create', 'namespace', namespace);
  await admin.client.sendJson('POST', '/api/v1/nodes', {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {name: drainNodeName},
  });
  await eventually('the namespace service account', () =>
    kubectl('get', 'serviceaccounts', '-n', namespace, '-o', 'name').includes('serviceaccount/default'),
  );
  for (const name of ['guarded-a', 'guarded-b']) {
    await admin.client.sendJson('POST', `/api/v1/namespaces/${namespace}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name, labels: {app: 'guarded'}},
      spec: {
        nodeName: drainNodeName,
        automountServiceAccountToken: false,
        containers: [{name: 'app', image: 'kview.local/busybox:1'}],
      },
    });
    await admin.client.sendJson(
      'PATCH',
      `/api/v1/namespaces/${namespace}/pods/${name}/status`,
      {status: {phase: 'Running', conditions: [{type: 'Ready', status: 'True'}]}},
      'application/merge-patch+json',
    );
  }
  await admin.client.sendJson('POST', `/apis/policy/v1beta1/namespaces/${namespace}/poddisruptionbudgets`, {
    apiVersion: 'policy/v1beta1',
    kind: 'PodDisruptionBudget',
    metadata: {name: 'guarded'},
    spec: {minAvailable, selector: {matchLabels: {app: 'guarded'}}},
  });
  await eventually(
    'the budget to count both pods healthy',
    () => kubectl('get', 'pdb', 'guarded', '-n', namespace, '-o', 'jsonpath={.status.currentHealthy}') === '2',
  );
}

function removeBudgetedPods(namespace: string, drainNodeName: string): void {
  kubectl('delete', 'pods', '--all', '-n', namespace, '--grace-period=0', '--force', '--wait=false');
  kubectl('delete', 'namespace', namespace, '--wait=false');
  kubectl('delete', 'node', drainNodeName, '--wait=false');
}

test('drain against a PodDisruptionBudget: refused evictions are retried until the budget allows them, then it completes', async (context) => {
  const namespace = `budget-${process.pid}`;
  const target = `budget-node-${process.pid}`;
  await budgetedPods(namespace, target, 2);
  context.after(() => removeBudgetedPods(namespace, target));
  const reports: DrainProgress[] = [];
  const draining = admin.drain(
    target,
    {ignoreDaemonSets: true, deleteEmptyDirData: false, force: true, gracePeriodSeconds: 0},
    {onProgress: (progress) => reports.push(progress), retryEveryMs: 1000},
  );
  // The budget refuses (429) and the drain keeps asking: both pods are still there, the node is cordoned.
  await eventually('two refusals of each pod', () =>
    reports.at(-1)?.pods.every((entry) => entry.state.phase === 'blocked-by-budget' && entry.state.refusals >= 2),
  );
  assert.equal(kubectl('get', 'node', target, '-o', 'jsonpath={.spec.unschedulable}'), 'true');
  assert.equal(kubectl('get', 'pods', '-n', namespace, '-o', 'name').trim().split('\n').length, 2);
  // The budget is relaxed, as when replacement pods become ready elsewhere: the next retry is accepted.
  kubectl('patch', 'pdb', 'guarded', '-n', namespace, '--type=merge', '-p', '{"spec":{"minAvailable":0}}');
  const outcome = await draining;
  assert.equal(outcome.kind, 'drained', drainOutcomeLine(outcome));
  assert.equal(kubectl('get', 'pods', '-n', namespace, '-o', 'name').trim(), '');
  assert.equal(kubectl('get', 'node', target, '-o', 'jsonpath={.spec.unschedulable}'), 'true');
});

test('a drain cancelled while the budget refuses leaves the node cordoned and names the pods left', async (context) => {
  const namespace = `budget-cancel-${process.pid}`;
  const target = `budget-cancel-node-${process.pid}`;
  await budgetedPods(namespace, target, 2);
  context.after(() => removeBudgetedPods(namespace, target));
  const controller = new AbortController();
  const reports: DrainProgress[] = [];
  const draining = admin.drain(
    target,
    {ignoreDaemonSets: true, deleteEmptyDirData: false, force: true, gracePeriodSeconds: 0},
    {onProgress: (progress) => reports.push(progress), retryEveryMs: 1000, signal: controller.signal},
  );
  await eventually('a refusal', () => reports.at(-1)?.pods.some((entry) => entry.state.phase === 'blocked-by-budget'));
  controller.abort();
  const outcome = await draining;
  assert.equal(outcome.kind, 'cancelled');
  assert.match(
    drainOutcomeLine(outcome),
    new RegExp(
      `^drain of ${target} cancelled; it stays cordoned; left: ${namespace}/guarded-a .*${namespace}/guarded-b `,
    ),
  );
  assert.equal(kubectl('get', 'node', target, '-o', 'jsonpath={.spec.unschedulable}'), 'true');
  assert.equal(kubectl('get', 'pods', '-n', namespace, '-o', 'name').trim().split('\n').length, 2);
});

test('in kview: r on the node asks the drain flags, shows each pod while the budget refuses, and X cancels it', async (context) => {
  const namespace = `budget-ui-${process.pid}`;
  const target = `budget-ui-node-${process.pid}`;
  await budgetedPods(namespace, target, 2);
  context.after(() => removeBudgetedPods(namespace, target));
  const kview = new URL('../../bin/kview', import.meta.url).pathname;
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-A'], {columns: 170, rows: 30});
  context.after(() => terminal.close());
  await eventually('the pods view', () => /● live/.test(terminal.screen()));
  terminal.sendKeys(':no', 'Enter');
  await eventually('the nodes view', () => terminal.screen().includes('kubectl get nodes'));
  terminal.sendKeys('/', target, 'Enter');
  await eventually('the node selected', () => terminal.selectedLine().includes(target));
  terminal.sendKeys('r');
  await eventually('the drain dialog with kubectl drain flags', () => {
    const screen = terminal.screen();
    return (
      screen.includes(`drain node ${target}?`) && screen.includes('[ ] f: --force') && screen.includes('--timeout')
    );
  });
  // The pods have no controller: without --force kubectl (and kview) refuse to drain.
  terminal.sendKeys('f');
  await eventually('force set', () => terminal.screen().includes('[x] f: --force'));
  terminal.sendKeys('Right', 'Enter');
  await eventually('each pod refused by the budget, on screen', () => {
    const screen = terminal.screen();
    return (
      screen.includes(`${namespace}/guarded-a: refused by a disruption budget`) &&
      screen.includes(`${namespace}/guarded-b: refused by a disruption budget`) &&
      screen.includes('X cancels the drain')
    );
  });
  assert.equal(kubectl('get', 'node', target, '-o', 'jsonpath={.spec.unschedulable}'), 'true');
  terminal.sendKeys('X');
  await eventually('the cancelled line naming the pods left', () =>
    new RegExp(`drain of ${target} cancelled; it stays cordoned; left: ${namespace}/guarded-`).test(
      terminal.screen().replace(/\n/g, ''),
    ),
  );
  assert.ok(!terminal.screen().includes('X cancels the drain'), 'the progress lines are gone');
  assert.equal(kubectl('get', 'node', target, '-o', 'jsonpath={.spec.unschedulable}'), 'true');
  assert.equal(kubectl('get', 'pods', '-n', namespace, '-o', 'name').trim().split('\n').length, 2);
});
