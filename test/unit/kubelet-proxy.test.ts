import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {KviewError} from '../../src/cluster/kview-error.js';
import {readKubeletProxy} from '../../src/cluster/kubelet-proxy.js';

// A scripted API server: the access review answers `allowed`, GETs answer from `bodies` (404 otherwise).
function server(allowed: boolean, bodies: Record<string, string>) {
  const asked: string[] = [];
  const reviews: unknown[] = [];
  const answer = (path: string): string => {
    asked.push(path);
    const body = bodies[path];
    if (body === undefined) throw new KviewError(`not found: ${path}`, '', 'not-found');
    return body;
  };
  const client: ApiClient = {
    getJson: <T>(path: string) => Promise.resolve().then(() => JSON.parse(answer(path)) as T),
    sendJson: <T>(_method: string, path: string, body: unknown) => {
      reviews.push({path, body});
      return Promise.resolve({status: {allowed}} as T);
    },
    stream: (path, _accept, onChunk) =>
      Promise.resolve().then(() => {
        onChunk(Buffer.from(answer(path)));
      }),
  };
  return {client, asked, reviews};
}

const base = '/api/v1/nodes/systemd-node';

test('the access review asks get nodes/proxy for the node; refused, no kubelet endpoint is asked', async () => {
  const {client, asked, reviews} = server(false, {[base]: '{"metadata":{"name":"systemd-node"}}'});
  const reading = await readKubeletProxy(client, 'systemd-node');
  assert.deepEqual(reviews, [
    {
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {verb: 'get', group: '', resource: 'nodes', subresource: 'proxy', name: 'systemd-node'},
        },
      },
    },
  ]);
  assert.ok(!asked.some((path) => path.includes('/proxy/')), `asked ${asked.join(', ')}`);
  assert.equal(reading.proxyAllowed, false);
  assert.deepEqual(reading.configz.ok ? undefined : reading.configz.forbidden, true);
  assert.ok(reading.nodeObject.ok, 'the Node object is still read from the API');
});

test('allowed, each kubelet endpoint is read through the node proxy; one failing leaves the others', async () => {
  const {client, asked} = server(true, {
    [`${base}/proxy/healthz`]: 'ok',
    [`${base}/proxy/configz`]: '{"kubeletconfig":{"cgroupDriver":"systemd"}}',
    [`${base}/proxy/pods`]: '{"items":[]}',
    [`${base}/proxy/logs/`]: '<pre>\n<a href="syslog">syslog</a>\n</pre>\n',
    [`${base}/proxy/logs/?query=kubelet`]: '<pre>\n<a href="syslog">syslog</a>\n</pre>\n',
    [base]: '{}',
    '/api/v1/events?fieldSelector=involvedObject.kind%3DNode%2CinvolvedObject.name%3Dsystemd-node': '{"items":[]}',
  });
  const reading = await readKubeletProxy(client, 'systemd-node');
  assert.deepEqual(reading.healthz, {ok: true, value: 'ok'});
  assert.deepEqual(reading.configz, {ok: true, value: {kubeletconfig: {cgroupDriver: 'systemd'}}});
  assert.deepEqual(reading.summary, {
    ok: false,
    problem: `not found: ${base}/proxy/stats/summary`,
    forbidden: false,
  });
  assert.ok(reading.events.ok && reading.logs.ok && reading.logQuery.ok && reading.pods.ok);
  assert.ok(asked.includes(`${base}/proxy/stats/summary`));
});
