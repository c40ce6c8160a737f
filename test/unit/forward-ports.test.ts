import {test} from 'node:test';
import assert from 'node:assert/strict';
import {
  containerPorts,
  controllerOf,
  forwardPorts,
  isPodReady,
  pickReadyPod,
  podPortFor,
  podSelectorOf,
  preferredLocalPort,
} from '../../src/cluster/forward-ports.js';
import type {RowObject} from '../../src/cluster/types.js';

const podSpec = {
  containers: [
    {
      name: 'app',
      ports: [
        {containerPort: 8080, name: 'http'},
        {containerPort: 53, name: 'dns', protocol: 'UDP'},
      ],
    },
    {name: 'metrics', ports: [{containerPort: 9090, name: 'metrics', protocol: 'TCP'}]},
    {name: 'plain'},
  ],
};

function pod(name: string, options: {ready?: boolean; deleting?: boolean; created?: string} = {}): RowObject {
  return {
    kind: 'Pod',
    metadata: {
      name,
      creationTimestamp: options.created ?? '2026-12-01T10:00:00Z',
      ...(options.deleting ? {deletionTimestamp: '2026-12-01T11:00:00Z'} : {}),
      ownerReferences: [{kind: 'ReplicaSet', name: 'web-5d8f', uid: 'rs', controller: true}],
    },
    spec: podSpec,
    status: {
      phase: 'Running',
      conditions: [{type: 'Ready', status: options.ready === false ? 'False' : 'True'}],
    },
  };
}

test('container ports: TCP only (port-forward carries no UDP), with their container and name', () => {
  assert.deepEqual(containerPorts(podSpec), [
    {container: 'app', port: 8080, name: 'http'},
    {container: 'metrics', port: 9090, name: 'metrics'},
  ]);
  assert.deepEqual(containerPorts(undefined), []);
});

test("a service's ports keep their targetPort (a number or a container port's name); a workload offers its template's", () => {
  const service: RowObject = {
    spec: {
      selector: {app: 'web'},
      ports: [
        {name: 'web', port: 80, targetPort: 'http'},
        {port: 9090, targetPort: 9090},
        {port: 443},
        {name: 'dns', port: 53, protocol: 'UDP', targetPort: 53},
      ],
    },
  };
  assert.deepEqual(forwardPorts('services', service), [
    {remote: 80, targetPort: 'http', name: 'web', label: '80/web->http'},
    {remote: 9090, targetPort: 9090, label: '9090->9090'},
    {remote: 443, targetPort: 443, label: '443->443'},
  ]);
  const deployment: RowObject = {spec: {selector: {matchLabels: {app: 'web'}}, template: {spec: podSpec}}};
  assert.deepEqual(
    forwardPorts('deployments', deployment).map((port) => port.label),
    ['8080/http (app)', '9090/metrics (metrics)'],
  );
  assert.deepEqual(
    forwardPorts('pods', pod('web-1')).map((port) => port.remote),
    [8080, 9090],
  );
});

test('a target port resolves on the pod: numbers as they are, names to the container port of that name', () => {
  assert.equal(podPortFor(8080, pod('web-1')), 8080);
  assert.equal(podPortFor('8080', pod('web-1')), 8080);
  assert.equal(podPortFor('http', pod('web-1')), 8080);
  assert.equal(podPortFor('metrics', pod('web-1')), 9090);
  assert.equal(podPortFor('grpc', pod('web-1')), undefined);
});

test("the selector that finds a replacement: a service's map, a workload's LabelSelector, none for an empty one", () => {
  assert.equal(podSelectorOf('services', {spec: {selector: {tier: 'front', app: 'web'}}}), 'app=web,tier=front');
  assert.equal(
    podSelectorOf('deployments', {
      spec: {
        selector: {matchLabels: {app: 'web'}, matchExpressions: [{key: 'track', operator: 'In', values: ['stable']}]},
      },
    }),
    'app=web,track in (stable)',
  );
  assert.equal(podSelectorOf('services', {spec: {selector: {}}}), undefined);
  assert.equal(podSelectorOf('services', {spec: {}}), undefined);
});

test('a ready pod is Running, Ready and not being deleted; the newest ready one is picked, by name when as new', () => {
  assert.equal(isPodReady(pod('a')), true);
  assert.equal(isPodReady(pod('a', {ready: false})), false);
  assert.equal(isPodReady(pod('a', {deleting: true})), false);
  assert.equal(isPodReady({...pod('a'), status: {phase: 'Pending'}}), false);
  const picked = pickReadyPod([
    pod('old', {created: '2026-12-01T09:00:00Z'}),
    pod('newest-but-terminating', {created: '2026-12-01T12:00:00Z', deleting: true}),
    pod('new-b', {created: '2026-12-01T11:00:00Z'}),
    pod('new-a', {created: '2026-12-01T11:00:00Z'}),
    pod('newer-not-ready', {created: '2026-12-01T11:30:00Z', ready: false}),
  ]);
  assert.equal(picked?.metadata?.name, 'new-a');
  assert.equal(pickReadyPod([pod('x', {ready: false})]), undefined);
});

test("a pod's controller, and the local port offered first", () => {
  assert.deepEqual(controllerOf(pod('web-1')), {kind: 'ReplicaSet', name: 'web-5d8f'});
  assert.equal(controllerOf({metadata: {name: 'bare'}}), undefined);
  assert.equal(preferredLocalPort(8080, false), 8080);
  // A privileged port needs root: any free port instead.
  assert.equal(preferredLocalPort(80, false), 0);
  assert.equal(preferredLocalPort(80, true), 80);
});
