import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {describeHttpFailure} from '../../src/cluster/describe-error.js';
import {drainNode, drainOutcomeLine, drainSummary} from '../../src/cluster/drain.js';
import type {DrainProgress} from '../../src/cluster/drain.js';

// kubectl drain's loop on a scripted API server: which calls it makes, how refusals and waits go, what it says.
const OPTIONS = {ignoreDaemonSets: true, deleteEmptyDirData: false, force: false};
const REFUSED = () =>
  describeHttpFailure(
    429,
    JSON.stringify({message: 'Cannot evict pod as it would violate the pod\u2019s disruption budget.'}),
    'POST',
    '/api/v1/namespaces/shop/pods/web-1/eviction',
  );
const NOT_FOUND = () => describeHttpFailure(404, JSON.stringify({message: 'pods "web-1" not found'}), 'GET', '/');

function pod(name: string) {
  return {
    metadata: {name, namespace: 'shop', uid: `uid-${name}`, ownerReferences: [{kind: 'ReplicaSet', controller: true}]},
  };
}

interface Script {
  evictionGroupVersion?: [string, string];
  // Per pod: how many evictions are refused before one is accepted, and how many GETs still find it after.
  refusals: Record<string, number>;
  lingers: Record<string, number>;
}

function scriptedServer(script: Script) {
  const calls: string[] = [];
  const bodies: unknown[] = [];
  const client: ApiClient = {
    getJson<T>(path: string): Promise<T> {
      calls.push(`GET ${path}`);
      if (path.startsWith('/api/v1/pods?')) {
        return Promise.resolve({items: Object.keys(script.refusals).map(pod)} as T);
      }
      if (path === '/api/v1') {
        const [group, version] = script.evictionGroupVersion ?? ['policy', 'v1beta1'];
        return Promise.resolve({resources: [{name: 'pods'}, {name: 'pods/eviction', group, version}]} as T);
      }
      const name = path.split('/').at(-1) ?? '';
      if ((script.lingers[name] ?? 0) > 0) {
        script.lingers[name] = (script.lingers[name] ?? 0) - 1;
        return Promise.resolve({metadata: {uid: `uid-${name}`}} as T);
      }
      return Promise.reject(NOT_FOUND());
    },
    sendJson<T>(method: string, path: string, body: unknown): Promise<T> {
      calls.push(`${method} ${path}`);
      bodies.push(body);
      const name = path.split('/').at(-2) ?? '';
      if (path.endsWith('/eviction') && (script.refusals[name] ?? 0) > 0) {
        script.refusals[name] = (script.refusals[name] ?? 0) - 1;
        return Promise.reject(REFUSED());
      }
      return Promise.resolve({} as T);
    },
    stream: () => Promise.resolve(),
  };
  return {client, calls, bodies};
}

function control(overrides: {signal?: AbortSignal; now?: () => number} = {}) {
  const sleeps: number[] = [];
  const reports: DrainProgress[] = [];
  return {
    sleeps,
    reports,
    control: {
      onProgress: (progress: DrainProgress) => reports.push(progress),
      sleep: (milliseconds: number) => {
        sleeps.push(milliseconds);
        return Promise.resolve();
      },
      ...overrides,
    },
  };
}

test('a disruption budget refusal (429) is retried every 5 s until the eviction is accepted, then the pod is waited for', async () => {
  const server = scriptedServer({refusals: {'web-1': 3, 'web-2': 0}, lingers: {'web-1': 2, 'web-2': 0}});
  const run = control();
  const outcome = await drainNode(server.client, 'worker-1', OPTIONS, run.control);
  assert.equal(outcome.kind, 'drained');
  assert.equal(server.calls.filter((call) => call === 'POST /api/v1/namespaces/shop/pods/web-1/eviction').length, 4);
  assert.equal(server.calls.filter((call) => call === 'GET /api/v1/namespaces/shop/pods/web-1').length, 3);
  assert.deepEqual(
    run.sleeps.filter((milliseconds) => milliseconds === 5000).length,
    3,
    'one 5 s wait per refusal, as kubectl drain',
  );
  // The node is cordoned before the first eviction.
  const cordon = server.calls.indexOf('PATCH /api/v1/nodes/worker-1');
  assert.ok(cordon >= 0 && cordon < server.calls.findIndex((call) => call.endsWith('/eviction')));
  assert.deepEqual(
    (server.bodies.find((body) => (body as {kind?: string}).kind === 'Eviction') as {apiVersion: string}).apiVersion,
    'policy/v1beta1',
  );
  const refused = run.reports.find((report) => report.pods.some((entry) => entry.state.phase === 'blocked-by-budget'));
  assert.ok(refused);
  assert.match(
    drainSummary(refused),
    /^drain worker-1: \d\/2 pods gone, .*1 refused by a disruption budget \(shop\/web-1: refused by a disruption budget \d times?, retrying\)/,
  );
  assert.equal(drainOutcomeLine(outcome), 'drained worker-1: evicted 2, skipped 0');
});

test('the Eviction version is the one core discovery names for pods/eviction (policy/v1 from 1.22)', async () => {
  const server = scriptedServer({evictionGroupVersion: ['policy', 'v1'], refusals: {'web-1': 0}, lingers: {}});
  await drainNode(server.client, 'worker-1', OPTIONS, control().control);
  const eviction = server.bodies.find((body) => (body as {kind?: string}).kind === 'Eviction') as {apiVersion: string};
  assert.equal(eviction.apiVersion, 'policy/v1');
});

test('cancelled while a budget refuses: the node stays cordoned and the line says which pod is left', async () => {
  const server = scriptedServer({refusals: {'web-1': 1000, 'web-2': 0}, lingers: {}});
  const controller = new AbortController();
  const run = control({signal: controller.signal});
  run.control.sleep = () => {
    controller.abort();
    return Promise.resolve();
  };
  const outcome = await drainNode(server.client, 'worker-1', OPTIONS, run.control);
  assert.equal(outcome.kind, 'cancelled');
  assert.ok(server.calls.includes('PATCH /api/v1/nodes/worker-1'));
  assert.ok(!server.calls.some((call) => call.startsWith('PATCH') && call !== 'PATCH /api/v1/nodes/worker-1'));
  assert.equal(
    drainOutcomeLine(outcome),
    'drain of worker-1 cancelled; it stays cordoned; left: shop/web-1 (refused by a disruption budget 1 time, retrying), shop/web-2 (terminating)',
  );
});

test('a drain that outlives its timeout stops with the pods still left', async () => {
  const server = scriptedServer({refusals: {'web-1': 1000}, lingers: {}});
  let clock = 0;
  const run = control({now: () => clock});
  run.control.sleep = (milliseconds: number) => {
    clock += milliseconds;
    return Promise.resolve();
  };
  const outcome = await drainNode(server.client, 'worker-1', {...OPTIONS}, {...run.control, timeoutMs: 60_000});
  assert.equal(outcome.kind, 'timed-out');
  assert.match(
    drainOutcomeLine(outcome),
    /^drain of worker-1 timed out; it stays cordoned; left: shop\/web-1 \(refused .* 12 times, retrying\)$/,
  );
});

test('a pod a filter blocks refuses the drain before anything is cordoned', async () => {
  const server = scriptedServer({refusals: {}, lingers: {}});
  server.client.getJson = <T>(path: string): Promise<T> => {
    server.calls.push(`GET ${path}`);
    return Promise.resolve({items: [{metadata: {name: 'loose', namespace: 'shop'}}]} as T);
  };
  const outcome = await drainNode(server.client, 'worker-1', OPTIONS, control().control);
  assert.equal(outcome.kind, 'blocked');
  assert.equal(drainOutcomeLine(outcome), 'drain refused: shop/loose has no controller (use force)');
  assert.ok(!server.calls.some((call) => call.startsWith('PATCH')));
});
