import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createLogSource} from '../../src/cluster/log-source.js';
import type {LogRequest} from '../../src/cluster/log-types.js';
import {eventually, kubeconfigPath, kubectl, session, createNamespace} from './local-cluster.js';
import {applyManifest, podManifest, recordingSink} from '../fixtures/logs-cluster.js';

// Which pods and which instance: previous logs of the seeded crash-looping pod, and a selector stream that picks
// up a pod created after it started.

const NAMESPACE = 'logs-test-selector';
const client = session().client;
const follow: LogRequest = {window: {kind: 'tail', lines: 10}, follow: true, previous: false, allContainers: false};

before(async () => {
  kubectl('delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=true');
  await createNamespace(NAMESPACE);
});

after(() => {
  kubectl('delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=false');
});

test('previous logs of the CrashLoopBackOff pod are the ones kubectl logs -p shows', async (context) => {
  // Between a crash and the restart the kubelet may briefly have no previous instance; both reads are retried.
  await eventually(
    'previous logs of demo/crashloop',
    async () => {
      const sink = recordingSink();
      const stream = createLogSource(client).open(
        {kind: 'pod', namespace: 'demo', pod: 'crashloop'},
        {...follow, follow: false, previous: true, window: {kind: 'all'}},
        sink,
      );
      context.after(stream.stop);
      await eventually('the end', () => sink.statuses.find((status) => ['ended', 'failed'].includes(status.phase)));
      const expected = kubectl('logs', '-n', 'demo', 'crashloop', '-p').split('\n').filter(Boolean);
      return sink.texts().length > 0 && JSON.stringify(sink.texts()) === JSON.stringify(expected) ? true : undefined;
    },
    60_000,
  );
});

test("a failing request is explained with the API server's own reason", async (context) => {
  const sink = recordingSink();
  const stream = createLogSource(client).open(
    {kind: 'pod', namespace: 'demo', pod: 'ticker'},
    {...follow, follow: false, previous: true},
    sink,
  );
  context.after(stream.stop);
  const failed = await eventually('failure', () => sink.statuses.find((status) => status.phase === 'failed'));
  assert.equal(failed.message, 'previous terminated container "ticker" in pod "ticker" not found');
});

test('a selector stream picks up a pod created after it started, with a + line', async (context) => {
  applyManifest(
    kubeconfigPath,
    podManifest('early', 'echo early says hi; sleep 3600', {namespace: NAMESPACE, labels: {app: 'late-test'}}),
  );
  const sink = recordingSink();
  const stream = createLogSource(client, {timing: {pollMs: 200}}).open(
    {kind: 'selector', namespace: NAMESPACE, labelSelector: 'app=late-test'},
    follow,
    sink,
  );
  context.after(stream.stop);
  await eventually('early line', () => sink.texts().includes('early says hi'), 60_000);
  applyManifest(
    kubeconfigPath,
    podManifest('late', 'for i in 1 2 3; do echo "late $i"; done; sleep 3600', {
      namespace: NAMESPACE,
      labels: {app: 'late-test'},
    }),
  );
  await eventually('late lines', () => sink.texts().includes('late 3'), 60_000);
  assert.deepEqual(
    sink.received.filter((line) => line.streamId.includes('/late/')).map((line) => line.text),
    ['+ late › main', 'late 1', 'late 2', 'late 3'],
  );
  kubectl('delete', 'pod', '-n', NAMESPACE, 'late', '--wait=false', '--grace-period=0');
  await eventually('- line', () => sink.received.some((line) => line.text === '- late'), 60_000);
});
