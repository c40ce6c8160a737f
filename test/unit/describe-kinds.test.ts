import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {DescribeInputs} from '../../src/cluster/describe-inputs.js';
import {labelSelectorString} from '../../src/cluster/label-selector.js';
import {POD_KIND} from '../../src/cluster/resource-kind.js';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import {describerFor} from '../../src/resources/describers.js';
import {renderDescribe} from '../../src/resources/describe-object.js';
import {smartLabel} from '../../src/resources/describe-generic.js';
import {endpointSlicesText} from '../../src/resources/describe-network.js';
import {namedZone, UTC_ZONE} from '../../src/resources/time-zone.js';
import {drillTarget, selectorOf} from '../../src/state/drill.js';

function kind(group: string, kindName: string, plural: string, version = 'v1'): ResourceKind {
  return {
    plural,
    singular: kindName.toLowerCase(),
    kind: kindName,
    group,
    version,
    namespaced: true,
    shortNames: [],
    verbs: [],
  };
}

const NOW = Date.parse('2026-12-01T20:00:00Z');
const render = (resource: ResourceKind, inputs: DescribeInputs, zone = UTC_ZONE) =>
  renderDescribe(resource, inputs, {now: NOW, zone}).map((line) => line.replace(/\s+$/, ''));

test('Terminating (lasts ...) is how long the pod has been terminating, from the clock passed in', () => {
  const pod = {
    metadata: {name: 'p', namespace: 'n', deletionTimestamp: '2026-12-01T19:58:30Z', deletionGracePeriodSeconds: 30},
    spec: {containers: [{name: 'c'}]},
    status: {phase: 'Running'},
  };
  const status = (now: number) =>
    renderDescribe(POD_KIND, {object: pod}, {now, zone: UTC_ZONE}).find((line) => line.startsWith('Status:'));
  assert.equal(status(NOW), 'Status:                    Terminating (lasts 90s)');
  assert.equal(status(NOW + 10 * 60_000), 'Status:                    Terminating (lasts 11m)');
});

test('a batch/v1beta1 CronJob in kubectl describeCronJob layout (kubectl 1.32 cannot read it from a 1.20 server)', () => {
  const cronJob = {
    apiVersion: 'batch/v1beta1',
    kind: 'CronJob',
    metadata: {name: 'nightly', namespace: 'describe-kinds'},
    spec: {
      concurrencyPolicy: 'Allow',
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          template: {
            spec: {
              containers: [{command: ['sh', '-c', 'echo report'], image: 'kview.local/busybox:1', name: 'report'}],
              restartPolicy: 'OnFailure',
            },
          },
        },
      },
      schedule: '0 3 * * *',
      successfulJobsHistoryLimit: 3,
      suspend: true,
    },
    status: {lastScheduleTime: '2026-12-01T18:00:00Z', active: [{name: 'nightly-1'}, {name: 'nightly-2'}]},
  };
  assert.deepEqual(
    render(kind('batch', 'CronJob', 'cronjobs', 'v1beta1'), {object: cronJob, events: []}, namedZone('Asia/Seoul')),
    [
      'Name:                          nightly',
      'Namespace:                     describe-kinds',
      'Labels:                        <none>',
      'Annotations:                   <none>',
      'Schedule:                      0 3 * * *',
      'Concurrency Policy:            Allow',
      'Suspend:                       True',
      'Successful Job History Limit:  3',
      'Failed Job History Limit:      1',
      'Starting Deadline Seconds:     <unset>',
      'Selector:                      <unset>',
      'Parallelism:                   <unset>',
      'Completions:                   <unset>',
      'Pod Template:',
      '  Labels:  <none>',
      '  Containers:',
      '   report:',
      '    Image:      kview.local/busybox:1',
      '    Port:       <none>',
      '    Host Port:  <none>',
      '    Command:',
      '      sh',
      '      -c',
      '      echo report',
      '    Environment:     <none>',
      '    Mounts:          <none>',
      '  Volumes:           <none>',
      '  Node-Selectors:    <none>',
      '  Tolerations:       <none>',
      'Last Schedule Time:  Wed, 02 Dec 2026 03:00:00 +0900',
      'Active Jobs:         nightly-1, nightly-2',
      'Events:              <none>',
    ],
  );
});

test("a secret's values are never shown, only their sizes", () => {
  const secret = {
    metadata: {name: 'creds', namespace: 'n'},
    type: 'Opaque',
    data: {password: Buffer.from('s3cr3t-value').toString('base64'), user: Buffer.from('admin').toString('base64')},
  };
  const lines = render(kind('', 'Secret', 'secrets'), {object: secret});
  assert.deepEqual(lines.slice(-3), ['====', 'password:  12 bytes', 'user:      5 bytes']);
  assert.ok(!lines.join('\n').includes('s3cr3t') && !lines.join('\n').includes('admin'));
  assert.ok(!lines.some((line) => line.startsWith('Events')), 'kubectl describes a secret without events');
});

test("any other kind gets kubectl's generic describer: sorted fields with smart labels, not YAML", () => {
  const lease = {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: {name: 'leader', namespace: 'n', uid: 'u-1', managedFields: [{manager: 'x'}], resourceVersion: '7'},
    spec: {holderIdentity: 'web-1', leaseDurationSeconds: 15, acquireTime: null},
  };
  const resource = kind('coordination.k8s.io', 'Lease', 'leases');
  assert.equal(describerFor(resource), describerFor(kind('example.com', 'Widget', 'widgets')));
  assert.deepEqual(render(resource, {object: lease, events: []}), [
    'Name:         leader',
    'Namespace:    n',
    'Labels:       <none>',
    'Annotations:  <none>',
    'API Version:  coordination.k8s.io/v1',
    'Kind:         Lease',
    'Metadata:',
    '  Resource Version:  7',
    '  UID:               u-1',
    'Spec:',
    '  Acquire Time:            <nil>',
    '  Holder Identity:         web-1',
    '  Lease Duration Seconds:  15',
    'Events:                    <none>',
  ]);
});

test('smart labels split camelCase as fatih/camelcase does and keep fields with other characters', () => {
  assert.equal(smartLabel('apiVersion'), 'API Version');
  assert.equal(smartLabel('involvedObject'), 'Involved Object');
  assert.equal(smartLabel('uid'), 'UID');
  assert.equal(smartLabel('PDFLoader'), 'PDF Loader');
  assert.equal(smartLabel('podCIDR'), 'Pod CIDR');
  assert.equal(smartLabel('v1beta1'), 'v1beta1');
  assert.equal(smartLabel('kubernetes.io/name'), 'kubernetes.io/name');
});

test('endpoints: ready addresses of the named port, the first three and "+ N more..."', () => {
  const slice = (port: string, addresses: string[], ready = true) => ({
    ports: [{name: port, port: 8080}],
    endpoints: addresses.map((address) => ({addresses: [address], conditions: {ready}})),
  });
  assert.equal(endpointSlicesText([], 'http'), '<none>');
  assert.equal(endpointSlicesText([slice('http', ['10.0.0.1', 'fd00::1'])], 'http'), '10.0.0.1:8080,[fd00::1]:8080');
  assert.equal(endpointSlicesText([slice('http', ['10.0.0.9'], false)], 'http'), '');
  assert.equal(endpointSlicesText([slice('metrics', ['10.0.0.1'])], 'http'), '');
  const many = [slice('http', ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5'])];
  assert.equal(endpointSlicesText(many, 'http'), '10.0.0.1:8080,10.0.0.2:8080,10.0.0.3:8080 + 2 more...');
});

test('a label selector prints as kubectl sends it: requirements sorted by key, values sorted', () => {
  assert.equal(
    labelSelectorString({
      matchLabels: {app: 'web'},
      matchExpressions: [
        {key: 'tier', operator: 'In', values: ['frontend', 'edge']},
        {key: 'canary', operator: 'DoesNotExist'},
        {key: 'env', operator: 'NotIn', values: ['dev']},
        {key: 'zone', operator: 'Exists'},
      ],
    }),
    'app=web,!canary,env notin (dev),tier in (edge,frontend),zone',
  );
  assert.equal(labelSelectorString({}), '');
});

test('Enter on a workload keeps matchExpressions (as l does); a service keeps its plain selector', () => {
  const deployments = kind('apps', 'Deployment', 'deployments');
  const onlyExpressions = {spec: {selector: {matchExpressions: [{key: 'app', operator: 'In', values: ['a', 'b']}]}}};
  assert.equal(selectorOf(deployments, onlyExpressions), 'app in (a,b)');
  const target = drillTarget({kind: deployments, namespace: 'n', name: 'web', object: onlyExpressions});
  assert.ok('type' in target && target.type === 'table');
  assert.equal(target.labelSelector, 'app in (a,b)');
  assert.equal(selectorOf(kind('', 'Service', 'services'), {spec: {selector: {b: '2', a: '1'}}}), 'a=1,b=2');
  assert.equal(selectorOf(deployments, {spec: {selector: {}}}), undefined, 'an empty selector does not list every pod');
});

test('every kind the issue names has a describer of its own; the rest share the generic one', () => {
  const generic = describerFor(kind('example.com', 'Widget', 'widgets'));
  const dedicated: Array<[string, string]> = [
    ['', 'Pod'],
    ['', 'Node'],
    ['apps', 'Deployment'],
    ['apps', 'ReplicaSet'],
    ['apps', 'StatefulSet'],
    ['apps', 'DaemonSet'],
    ['batch', 'Job'],
    ['batch', 'CronJob'],
    ['', 'Service'],
    ['networking.k8s.io', 'Ingress'],
    ['extensions', 'Ingress'],
    ['', 'ConfigMap'],
    ['', 'Secret'],
    ['', 'PersistentVolumeClaim'],
    ['', 'PersistentVolume'],
    ['storage.k8s.io', 'StorageClass'],
    ['', 'Namespace'],
    ['', 'ServiceAccount'],
  ];
  for (const [group, kindName] of dedicated) {
    assert.notEqual(describerFor(kind(group, kindName, `${kindName.toLowerCase()}s`)), generic, `${group}/${kindName}`);
  }
  // Core events have no describer in kubectl either: the generic one prints their fields.
  assert.equal(describerFor(kind('', 'Event', 'events')), generic);
  // Keyed by group: a Deployment of another API group is not apps' Deployment.
  assert.equal(describerFor(kind('example.com', 'Deployment', 'deployments')), generic);
});
