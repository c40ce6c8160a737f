import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {eventFieldSelector, gatherDescribeInputs} from '../../src/cluster/describe-inputs.js';
import {KviewError} from '../../src/cluster/kview-error.js';
import {NODE_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import type {RowObject} from '../../src/cluster/types.js';

const DEPLOYMENTS: ResourceKind = {
  plural: 'deployments',
  singular: 'deployment',
  kind: 'Deployment',
  group: 'apps',
  version: 'v1',
  namespaced: true,
  shortNames: [],
  verbs: [],
};

// A client that answers from a table of paths (query strings included) and records what was asked.
function scriptedClient(answers: Record<string, unknown>): ApiClient & {asked: string[]} {
  const asked: string[] = [];
  return {
    asked,
    getJson<T>(path: string, _accept?: string, signal?: AbortSignal): Promise<T> {
      asked.push(decodeURIComponent(path));
      const answer = answers[decodeURIComponent(path)];
      if (answer === 'hang') {
        return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
      }
      if (answer instanceof Error) return Promise.reject(answer);
      if (answer === undefined) return Promise.reject(new KviewError(`not found: ${path}`, '', 'not-found'));
      return Promise.resolve(answer as T);
    },
    sendJson: () => Promise.reject(new Error('read only')),
    stream: () => Promise.reject(new Error('no streams')),
  };
}

const deployment: RowObject = {
  metadata: {name: 'web', namespace: 'shop', uid: 'd-1'},
  spec: {selector: {matchLabels: {app: 'web'}, matchExpressions: [{key: 'tier', operator: 'Exists'}]}},
};

test("a deployment's describe reads the object, its events and its replica sets, and keeps only those it controls", async () => {
  const owned = {
    metadata: {name: 'web-1', ownerReferences: [{kind: 'Deployment', name: 'web', uid: 'd-1', controller: true}]},
  };
  const foreign = {
    metadata: {name: 'web-x', ownerReferences: [{kind: 'Deployment', name: 'x', uid: 'd-2', controller: true}]},
  };
  const client = scriptedClient({
    '/apis/apps/v1/namespaces/shop/deployments/web': deployment,
    '/api/v1/namespaces/shop/events?fieldSelector=involvedObject.kind=Deployment,involvedObject.name=web,involvedObject.namespace=shop,involvedObject.uid=d-1':
      {items: [{reason: 'ScalingReplicaSet'}]},
    '/apis/apps/v1/namespaces/shop/replicasets?labelSelector=app=web,tier': {items: [owned, foreign]},
  });
  const inputs = await gatherDescribeInputs(client, DEPLOYMENTS, 'shop', 'web', ['events', 'replica-sets']);
  assert.equal(inputs.events?.length, 1);
  assert.deepEqual(
    inputs.replicaSets?.map((set) => set.metadata?.name),
    ['web-1'],
  );
  assert.equal(client.asked.length, 3, client.asked.join('\n'));
});

test('a failed events list leaves the section empty instead of failing the describe, as kubectl tolerates it', async () => {
  const client = scriptedClient({'/apis/apps/v1/namespaces/shop/deployments/web': deployment});
  const inputs = await gatherDescribeInputs(client, DEPLOYMENTS, 'shop', 'web', ['events']);
  assert.deepEqual(inputs.events, []);
});

test('a request the server never answers fails within the deadline with one line naming it', async () => {
  const client = scriptedClient({'/apis/apps/v1/namespaces/shop/deployments/web': 'hang'});
  const started = Date.now();
  // AbortSignal.timeout's timer does not hold the event loop open (the app's terminal does); this test must.
  const keepAlive = setInterval(() => undefined, 1000);
  try {
    await assert.rejects(
      gatherDescribeInputs(client, DEPLOYMENTS, 'shop', 'web', [], 50),
      /did not answer GET \/apis\/apps\/v1\/namespaces\/shop\/deployments\/web within 0.05s/,
    );
  } finally {
    clearInterval(keepAlive);
  }
  assert.ok(Date.now() - started < 5000);
});

test("events are found the way kubectl's searchEvents asks: a pod without kind, a mirror pod by its static UID, a node by name", () => {
  const mirror = {
    metadata: {
      name: 'etcd-a',
      namespace: 'kube-system',
      uid: 'mirror-uid',
      annotations: {'kubernetes.io/config.mirror': 'static-uid'},
    },
  };
  assert.equal(
    eventFieldSelector(POD_KIND, mirror),
    'involvedObject.name=etcd-a,involvedObject.namespace=kube-system,involvedObject.uid=static-uid',
  );
  assert.equal(
    eventFieldSelector(NODE_KIND, {metadata: {name: 'n1', uid: 'node-uid'}}),
    'involvedObject.kind=Node,involvedObject.name=n1,involvedObject.namespace=,involvedObject.uid=n1',
  );
});
