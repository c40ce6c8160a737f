import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {NODE_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import {podSelectionOf} from '../../src/cluster/log-target-selector.js';
import {describe} from '../../src/resources/describe-object.js';
import {namedZone} from '../../src/resources/time-zone.js';
import {drillTarget} from '../../src/state/drill.js';
import {eventually, kubeconfigPath, kubectl, session} from './local-cluster.js';

// The describe oracle: kview's describe (the function the describe view calls, over the session the UI uses)
// against `kubectl describe` on the same server, line for line, in two time zones, for the demo pods and nodes and
// one object of every kind in test/cluster/manifests/describe-kinds.yaml.
const cluster = session();
const manifest = new URL('../cluster/manifests/describe-kinds.yaml', import.meta.url).pathname;
const NAMESPACE = 'describe-kinds';
const ZONES = ['UTC', 'Asia/Seoul'];

function kubectlIn(zone: string, ...args: string[]): string {
  return execFileSync('kubectl', ['--kubeconfig', kubeconfigPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {...process.env, TZ: zone},
  });
}

function deleteDescribeKinds(wait: boolean) {
  kubectl('delete', 'namespace', NAMESPACE, '--ignore-not-found', `--wait=${wait}`);
  kubectl('delete', 'persistentvolume', 'dk-volume', '--ignore-not-found', `--wait=${wait}`);
  kubectl('delete', 'storageclass', 'dk-local', '--ignore-not-found', `--wait=${wait}`);
}

function jsonOf(...args: string[]): Record<string, unknown> {
  return JSON.parse(kubectl('get', ...args, '-o', 'json')) as Record<string, unknown>;
}

before(async () => {
  deleteDescribeKinds(true);
  // create, not apply: apply would add its last-applied annotation, which kubectl's generic describer prints.
  kubectl('create', '-f', manifest);
  const status = (...args: string[]) => (jsonOf(...args, '-n', NAMESPACE)['status'] ?? {}) as Record<string, unknown>;
  await eventually(
    'the describe-kinds workloads to settle',
    () =>
      status('deployment', 'web')['availableReplicas'] === 1 &&
      status('statefulset', 'db')['readyReplicas'] === 1 &&
      status('daemonset', 'agent')['numberAvailable'] === 1 &&
      status('job', 'once')['succeeded'] === 1 &&
      status('pod', 'decoy')['phase'] === 'Running' &&
      ((jsonOf('serviceaccount', 'robot', '-n', NAMESPACE)['secrets'] as unknown[] | undefined) ?? []).length > 0 &&
      kubectl('get', 'events', '-n', NAMESPACE, '--field-selector', 'involvedObject.name=claim').includes(
        'ProvisioningFailed',
      ),
    90_000,
  );
});

after(() => deleteDescribeKinds(false));

// Ages drift between the two runs and change the events table's column width, so event lines are compared
// word by word without the age; everything else must be identical, alignment included, and the ages outside the
// events table too ("Terminating (lasts 25m)", a node's pods): a read that straddles a tick is simply retried.
function split(lines: string[]): {body: string[]; events: string[]} {
  const start = lines.findIndex((line) => line.startsWith('Events:'));
  const trimmed = lines.map((line) => line.replace(/\s+$/, ''));
  if (start < 0) return {body: trimmed, events: []};
  return {
    body: trimmed.slice(0, start),
    events: trimmed.slice(start).map((line) =>
      line
        .trim()
        .split(/\s+/)
        .filter((word) => !/^\d+[smhdy]|^\(x\d+$|^over$|^\d+[smhdy]\)$/.test(word))
        .join(' '),
    ),
  };
}

async function kindOf(group: string, kindName: string): Promise<ResourceKind> {
  const found = (await cluster.kinds()).find((kind) => kind.group === group && kind.kind === kindName);
  assert.ok(found, `discovery lists ${group}/${kindName}`);
  return found;
}

async function assertSameDescribe(kind: ResourceKind, namespace: string | undefined, name: string, zone: string) {
  const kindArgument = kind.group === '' ? kind.plural : `${kind.plural}.${kind.group}`;
  for (let attempt = 1; ; attempt++) {
    const lines = await describe(cluster, kind, namespace, name, {now: Date.now(), zone: namedZone(zone)});
    const ours = split(lines);
    const theirs = split(
      kubectlIn(zone, 'describe', kindArgument, name, ...(namespace ? ['-n', namespace] : []))
        .replace(/\n$/, '')
        .split('\n'),
    );
    try {
      assert.deepEqual(ours.body, theirs.body);
      assert.deepEqual(ours.events, theirs.events);
      return lines;
    } catch (mismatch) {
      // A crash-looping pod or a ticking age changes between the two reads; another read settles it.
      if (attempt >= 4) throw mismatch;
    }
  }
}

const OBJECTS: Array<{group: string; kind: string; name: string; namespaced?: false; namespace?: string}> = [
  {group: 'apps', kind: 'Deployment', name: 'web'},
  {group: 'apps', kind: 'ReplicaSet', name: ''},
  {group: 'apps', kind: 'StatefulSet', name: 'db'},
  {group: 'apps', kind: 'DaemonSet', name: 'agent'},
  {group: 'batch', kind: 'Job', name: 'once'},
  {group: '', kind: 'Service', name: 'web'},
  {group: 'networking.k8s.io', kind: 'Ingress', name: 'web'},
  {group: '', kind: 'ConfigMap', name: 'settings'},
  {group: '', kind: 'Secret', name: 'creds'},
  {group: '', kind: 'PersistentVolumeClaim', name: 'claim'},
  {group: '', kind: 'PersistentVolume', name: 'dk-volume', namespaced: false},
  {group: 'storage.k8s.io', kind: 'StorageClass', name: 'dk-local', namespaced: false},
  {group: '', kind: 'Namespace', name: NAMESPACE, namespaced: false},
  {group: '', kind: 'ServiceAccount', name: 'robot'},
  {group: '', kind: 'ResourceQuota', name: 'compute'},
  {group: '', kind: 'LimitRange', name: 'defaults'},
  {group: '', kind: 'Event', name: 'settings.reloaded'},
  // No describer of its own: kubectl's generic describer.
  {group: 'coordination.k8s.io', kind: 'Lease', name: 'leader'},
  // What the server and the demo seed bring: RBAC (its rules compacted and sorted as kubectl does), a priority
  // class, and endpoints (written by hand, see the manifest).
  {group: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader', namespace: 'demo'},
  {group: 'rbac.authorization.k8s.io', kind: 'RoleBinding', name: 'kview-viewer-reads-pods', namespace: 'demo'},
  {group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'admin', namespaced: false},
  {
    group: 'rbac.authorization.k8s.io',
    kind: 'ClusterRole',
    name: 'system:controller:deployment-controller',
    namespaced: false,
  },
  {group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding', name: 'cluster-admin', namespaced: false},
  {group: 'scheduling.k8s.io', kind: 'PriorityClass', name: 'system-node-critical', namespaced: false},
  {group: '', kind: 'Endpoints', name: 'external'},
  {group: 'policy', kind: 'PodDisruptionBudget', name: 'web'},
  // The demo workload itself.
  {group: 'apps', kind: 'Deployment', name: 'web', namespace: 'demo'},
  {group: 'batch', kind: 'Job', name: 'migrate-once', namespace: 'demo'},
  {group: 'apps', kind: 'Deployment', name: 'cart', namespace: 'shop'},
  {group: 'apps', kind: 'Deployment', name: 'metrics-agent', namespace: 'kube-system'},
  {group: '', kind: 'Namespace', name: 'demo', namespaced: false},
  {group: '', kind: 'ServiceAccount', name: 'default', namespace: 'demo'},
  {group: '', kind: 'Service', name: 'kubernetes', namespace: 'default'},
];

for (const zone of ZONES) {
  for (const object of OBJECTS) {
    test(`describe ${object.kind.toLowerCase()} ${object.name || "(the deployment's)"} is kubectl describe's text (TZ=${zone})`, async () => {
      const kind = await kindOf(object.group, object.kind);
      const name =
        object.name ||
        (await cluster.listObjects(kind, {namespace: NAMESPACE, labelSelector: 'app=dk-web'}))[0]?.metadata?.name;
      assert.ok(name, 'the object exists');
      const namespace = object.namespaced === false ? undefined : (object.namespace ?? NAMESPACE);
      await assertSameDescribe(kind, namespace, name, zone);
    });
  }

  for (const pod of ['crashloop', 'init-demo', 'stuck-init', 'multi-container', 'ticker', 'too-big']) {
    test(`describe pod demo/${pod} is kubectl describe's text (TZ=${zone})`, async () => {
      await assertSameDescribe(POD_KIND, 'demo', pod, zone);
    });
  }

  // Every state kubectl's printPod distinguishes (a terminating pod, terminated containers without times...).
  test(`describe of every pod in the states namespace is kubectl describe's text (TZ=${zone})`, async () => {
    const pods = await cluster.listObjects(POD_KIND, {namespace: 'states'});
    assert.ok(pods.length >= 10, `the states pods are seeded (${pods.length})`);
    assert.ok(
      pods.some((pod) => pod.metadata?.deletionTimestamp),
      'one of them is terminating',
    );
    for (const pod of pods) await assertSameDescribe(POD_KIND, 'states', pod.metadata?.name ?? '', zone);
  });

  test(`describe of a mirror pod in kube-system is kubectl describe's text (TZ=${zone})`, async () => {
    await assertSameDescribe(POD_KIND, 'kube-system', 'node-probe-localhost', zone);
  });

  for (const node of ['localhost', 'worker-cordoned', 'worker-notready', 'control-plane-1']) {
    test(`describe node ${node} is kubectl describe's text (TZ=${zone})`, async () => {
      await assertSameDescribe(NODE_KIND, undefined, node, zone);
    });
  }
}

test('describe prints times in the zone asked for: Asia/Seoul is 9 hours ahead of UTC', async () => {
  const kind = await kindOf('apps', 'Deployment');
  const created = (jsonOf('deployment', 'web', '-n', NAMESPACE)['metadata'] as {creationTimestamp: string})
    .creationTimestamp;
  const line = async (zone: string) =>
    (await describe(cluster, kind, NAMESPACE, 'web', {now: Date.now(), zone: namedZone(zone)})).find((text) =>
      text.startsWith('CreationTimestamp:'),
    ) ?? '';
  const [utc, seoul] = [await line('UTC'), await line('Asia/Seoul')];
  assert.match(utc, /\+0000$/);
  assert.match(seoul, /\+0900$/);
  const parse = (text: string) => Date.parse(text.replace(/^CreationTimestamp:\s+/, ''));
  assert.equal(parse(utc), Date.parse(created));
  assert.equal(parse(seoul), Date.parse(created));
});

// kubectl 1.32 reads CronJobs from batch/v1, which a 1.20 server does not serve, so it cannot describe one here;
// kview describes the batch/v1beta1 object in kubectl's layout (unit-tested line for line on a fixture).
test("describe cronjob: kubectl 1.32 cannot read batch/v1beta1, kview describes it in kubectl's layout", async () => {
  // Discovery finds it in batch/v1beta1, as kubectl api-resources does, though batch prefers v1.
  const kind = await kindOf('batch', 'CronJob');
  assert.equal(kind.version, 'v1beta1');
  assert.throws(
    () => kubectl('describe', 'cronjob', 'nightly', '-n', NAMESPACE),
    /could not find the requested resource/,
  );
  const lines = await describe(cluster, kind, NAMESPACE, 'nightly', {now: Date.now(), zone: namedZone('UTC')});
  for (const expected of [/^Schedule:\s+0 3 \* \* \*$/, /^Suspend:\s+True$/, /^Last Schedule Time:\s+<unset>$/]) {
    assert.ok(
      lines.some((line) => expected.test(line)),
      `${expected} in:\n${lines.join('\n')}`,
    );
  }
});

test('Enter and l on a deployment whose selector has matchExpressions show the same pods', async () => {
  const kind = await kindOf('apps', 'Deployment');
  const object = await cluster.getObject(kind, NAMESPACE, 'web');
  const target = drillTarget({kind, namespace: NAMESPACE, name: 'web', object});
  assert.ok('type' in target && target.type === 'table', `Enter opens a pod table: ${JSON.stringify(target)}`);
  assert.ok(target.labelSelector, 'with a label selector');
  const entered = await cluster.listObjects(POD_KIND, {namespace: NAMESPACE, labelSelector: target.labelSelector});
  const selection = await podSelectionOf(cluster.client, {
    kind: 'owner',
    ownerKind: 'Deployment',
    namespace: NAMESPACE,
    name: 'web',
  });
  assert.equal(selection.label, target.labelSelector);
  const logged = await cluster.listObjects(POD_KIND, {namespace: NAMESPACE, labelSelector: selection.label});
  const names = (pods: typeof entered) => pods.map((pod) => pod.metadata?.name ?? '').sort();
  // kubectl is the oracle for which pods the selector picks: the deployment's pods, not the decoy.
  const expected = kubectl('get', 'pods', '-n', NAMESPACE, '-l', 'app=dk-web,tier in (edge,frontend)', '-o', 'name')
    .trim()
    .split('\n')
    .map((line) => line.replace(/^pod\//, ''))
    .sort();
  assert.deepEqual(names(entered), expected);
  assert.deepEqual(names(logged), expected);
  assert.ok(
    expected.length === 1 && !expected.includes('decoy'),
    `the decoy is not one of them: ${expected.join(',')}`,
  );
});
