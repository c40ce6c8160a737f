import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {createLogSource} from '../../src/cluster/log-source.js';
import type {LogRequest} from '../../src/cluster/log-types.js';
import {eventually, kubeconfigPath, kubectl, session, createNamespace} from './local-cluster.js';
import {
  applyManifest,
  breakingClient,
  LOGS_NAMESPACE,
  numbersIn,
  podManifest,
  range,
  recordingSink,
} from '../fixtures/logs-cluster.js';

// Real logs through the API server, the kubelet and containerd's files, compared with kubectl logs.

const client = session().client;
const follow: LogRequest = {window: {kind: 'all'}, follow: true, previous: false, allContainers: false};

before(async () => {
  kubectl('delete', 'namespace', LOGS_NAMESPACE, '--ignore-not-found', '--wait=true');
  await createNamespace(LOGS_NAMESPACE);
  // Written slowly enough that following starts before the last line, and to a known end.
  applyManifest(
    kubeconfigPath,
    podManifest('counter', 'i=1; while [ $i -le 400 ]; do echo "line $i"; i=$((i+1)); usleep 10000; done; sleep 3600'),
  );
});

after(() => {
  kubectl('delete', 'namespace', LOGS_NAMESPACE, '--ignore-not-found', '--wait=false');
});

function openLogs(request: LogRequest, pod: string, breaking?: {afterChunks: number; times: number}) {
  const sink = recordingSink();
  const source = createLogSource(breaking ? breakingClient(client, breaking.afterChunks, breaking.times) : client, {
    timing: {pollMs: 200},
  });
  const stream = source.open({kind: 'pod', namespace: LOGS_NAMESPACE, pod}, request, sink);
  return {sink, stop: stream.stop};
}

test('follow shows every line once, in order, across three forced reconnects cut mid-line', async (context) => {
  const {sink, stop} = openLogs(follow, 'counter', {afterChunks: 3, times: 3});
  context.after(stop);
  await eventually('line 400', () => sink.texts().includes('line 400'), 60_000);
  assert.deepEqual(numbersIn(sink.texts(), 'line '), range(1, 400));
  assert.ok(
    sink.statuses.some((status) => status.phase === 'reconnecting'),
    'a reconnect happened',
  );
});

test('--tail and --since give exactly what kubectl logs gives', async (context) => {
  await eventually('counter done', () => kubectl('logs', '-n', LOGS_NAMESPACE, 'counter').includes('line 400'), 60_000);
  for (const [window, flags] of [
    [{kind: 'tail', lines: 7}, ['--tail', '7']],
    [{kind: 'tail', lines: 0}, ['--tail', '0']],
    [{kind: 'since', seconds: 3600}, ['--since', '1h']],
    [{kind: 'all'}, []],
  ] as const) {
    const {sink, stop} = openLogs({...follow, follow: false, window}, 'counter');
    context.after(stop);
    await eventually('the end', () => sink.statuses.some((status) => status.phase === 'ended'));
    const expected = kubectl('logs', '-n', LOGS_NAMESPACE, 'counter', ...flags)
      .split('\n')
      .filter(Boolean);
    assert.deepEqual(sink.texts(), expected, flags.join(' '));
  }
});

test('an empty window is explained', async (context) => {
  const {sink, stop} = openLogs(
    {...follow, follow: false, window: {kind: 'sinceTime', time: '2100-01-01T00:00:00Z'}},
    'counter',
  );
  context.after(stop);
  const ended = await eventually('the end', () => sink.statuses.find((status) => status.phase === 'ended'));
  assert.match(ended.message, /^no lines since 2100-01-01T00:00:00Z/);
});

test('a restarting container continues under a separator, with no gap or duplicate', async (context) => {
  // Each run appends 25 numbers to a count kept in an emptyDir, so numbers continue across restarts; the first
  // second of each run leaves time to be following before the first line.
  applyManifest(
    kubeconfigPath,
    podManifest(
      'restarter',
      'sleep 1; n=$(cat /state/n 2>/dev/null || echo 0); for i in $(seq 1 25); do n=$((n+1)); echo "count $n"; ' +
        'echo $n > /state/n; usleep 20000; done; exit 3',
      {restartPolicy: 'Always'},
    ),
  );
  const {sink, stop} = openLogs(follow, 'restarter', {afterChunks: 5, times: 1});
  context.after(stop);
  await eventually('count 50', () => sink.texts().includes('count 50'), 90_000);
  assert.deepEqual(numbersIn(sink.texts(), 'count ').slice(0, 50), range(1, 50));
  const separator = sink.received.findIndex((line) => line.kind === 'separator');
  assert.match(sink.received[separator]?.text ?? '', /main restarted \(restart 1\)/);
  assert.equal(sink.received.slice(0, separator).filter((line) => line.kind === 'line').length, 25);
});
