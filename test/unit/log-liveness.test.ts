import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {StaleStreamError} from '../../src/cluster/api-client.js';
import {KviewError} from '../../src/cluster/kview-error.js';
import {runContainerStream} from '../../src/cluster/log-container-stream.js';
import type {PodJson} from '../../src/cluster/log-pod.js';
import {watchPods} from '../../src/cluster/log-pod-watch.js';
import type {LogLine, StreamStatus} from '../../src/cluster/log-types.js';

// Followed logs and the pod watch behind them on a fake client: a stream found stale resumes from its last
// timestamp with no line lost or repeated; a kubelet that is away (5xx through the API server) is waited for; a
// server that ends every pod watch at once is not hammered.
const pod: PodJson = {
  metadata: {name: 'ticker', namespace: 'demo'},
  spec: {containers: [{name: 'ticker'}]},
  status: {containerStatuses: [{name: 'ticker', containerID: 'containerd://1', restartCount: 0, state: {running: {}}}]},
};
const ref = {namespace: 'demo', pod: 'ticker', container: 'ticker'};
// Two lines per second, as the demo ticker writes them.
const tick = (index: number) =>
  `2026-12-01T21:00:${String(Math.floor(index / 2)).padStart(2, '0')}.${index % 2 === 0 ? '1' : '6'}00000000Z tick ${index}\n`;
const ticks = (from: number, to: number) =>
  Array.from({length: to - from + 1}, (_, offset) => tick(from + offset)).join('');

function fakeSleep() {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (milliseconds: number) => {
      delays.push(milliseconds);
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

test('a followed log found stale resumes from its last timestamp: every tick once, in order, and it says since when', async () => {
  const paths: string[] = [];
  let requests = 0;
  const client: ApiClient = {
    getJson: async <T>() => {
      await Promise.resolve();
      return pod as T;
    },
    sendJson: () => Promise.reject(new Error('not used')),
    stream: async (path, _accept, onChunk, signal) => {
      paths.push(path);
      requests += 1;
      await Promise.resolve();
      if (requests === 1) {
        // Ticks 1-7 and half of tick 8 arrive, then the path goes dead.
        onChunk(Buffer.from(ticks(1, 7) + tick(8).slice(0, 20)));
        throw new StaleStreamError(Date.parse('2026-12-01T21:00:04Z'), 'https://127.0.0.1:6443');
      }
      if (requests === 2) throw new KviewError('no answer from the server within 15 s', '', 'unreachable');
      if (requests === 3)
        throw new KviewError('GET /log failed: dial tcp 127.0.0.1:10250: connect refused', 'HTTP 500');
      // A kubelet just restarted: it does not know the pod yet, while the API server says the container runs.
      if (requests === 4) {
        throw new KviewError(
          'not found: the server could not find the requested resource ( pods/log ticker)',
          'the object or API may not exist',
          'not-found',
        );
      }
      // Back: the kubelet answers from the second asked for (sinceTime has whole seconds).
      onChunk(Buffer.from(ticks(6, 20)));
      return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
    },
  };
  const lines: LogLine[] = [];
  const statuses: StreamStatus[] = [];
  const controller = new AbortController();
  const {sleep, delays} = fakeSleep();
  const running = runContainerStream(
    client,
    {pollMs: 1000, retryDelaysMs: [250, 500, 1000, 2000, 4000], sleep},
    ref,
    {window: {kind: 'tail', lines: 100}, follow: true, previous: false},
    {lines: (batch) => lines.push(...batch), status: (status) => statuses.push(status)},
    controller.signal,
  );
  for (let turn = 0; turn < 1000 && lines.length < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
  controller.abort();
  await running;
  assert.deepEqual(
    lines.map((line) => line.text),
    Array.from({length: 20}, (_, index) => `tick ${index + 1}`),
  );
  assert.match(paths[1] ?? '', /sinceTime=2026-12-01T21%3A00%3A03Z/, 'resumed from the second of tick 7');
  const reconnecting = statuses.filter((status) => status.phase === 'reconnecting').map((status) => status.message);
  assert.ok(reconnecting.length >= 4, reconnecting.join('\n'));
  for (const message of reconnecting) assert.match(message, /^stale since \d\d:\d\d:\d\d, reconnecting/);
  assert.ok(
    reconnecting.some((message) => /HTTP 500|dial tcp/.test(message)),
    'the kubelet being away is retried, not final',
  );
  assert.equal(statuses.at(-1)?.phase, 'streaming');
  assert.deepEqual(delays.slice(0, 3), [250, 500, 1000], 'the backoff grows while the path stays dead');
});

test('a server that ends every pod watch at once is waited for with a growing backoff, reset by a healthy watch', async () => {
  let clock = 0;
  let watches = 0;
  const delays: number[] = [];
  const client: ApiClient = {
    getJson: async <T>() => {
      await Promise.resolve();
      return {metadata: {resourceVersion: '5'}, items: [pod]} as T;
    },
    sendJson: () => Promise.reject(new Error('not used')),
    stream: async () => {
      watches += 1;
      // The seventh watch stays open a minute: healthy.
      if (watches === 7) clock += 60_000;
      await Promise.resolve();
    },
  };
  const watch = watchPods(
    client,
    'demo',
    {},
    {snapshot: () => undefined, upsert: () => undefined, remove: () => undefined, failed: () => undefined},
    {
      now: () => clock,
      retryDelaysMs: [250, 500, 1000, 2000, 4000],
      sleep: async (milliseconds) => {
        delays.push(milliseconds);
        clock += milliseconds;
        await new Promise((resolve) => setImmediate(resolve));
      },
    },
  );
  for (let turn = 0; turn < 1000 && delays.length < 9; turn++) await new Promise((resolve) => setImmediate(resolve));
  watch.stop();
  assert.deepEqual(delays.slice(0, 9), [250, 500, 1000, 2000, 4000, 4000, 250, 500, 1000]);
});
