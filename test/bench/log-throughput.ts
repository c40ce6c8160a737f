// How fast kview's log source and buffer take in a log that is written as fast as a container can, and whether
// any line is lost: a container prints 1,000,000 numbered lines (busybox seq), kview follows them from the start.
// Prints numbers; asserts nothing about time.   node --import tsx test/bench/log-throughput.ts
import {createLogSource} from '../../src/cluster/log-source.js';
import type {LogLine} from '../../src/cluster/log-types.js';
import {appendLines, emptyBuffer} from '../../src/state/log-buffer.js';
import {eventually, kubeconfigPath, kubectl, session} from '../integration/local-cluster.js';
import {applyManifest, podManifest} from '../fixtures/logs-cluster.js';

const NAMESPACE = 'logs-bench';
const TOTAL = 1_000_000;

kubectl('delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=true');
kubectl('create', 'namespace', NAMESPACE);
// The pause lets the stream attach first; the kubelet serves the file from its start either way.
applyManifest(kubeconfigPath, podManifest('seq', `sleep 2; seq 1 ${TOTAL}; sleep 3600`, {namespace: NAMESPACE}));

let buffer = emptyBuffer();
let pending: LogLine[] = [];
let timer: NodeJS.Timeout | undefined;
let expected = 1;
let lost = 0;
let duplicates = 0;
let received = 0;
let firstAt = 0;
let lastAt = 0;
let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

// As the view does: lines are gathered and appended to the bounded buffer at most every 50 ms.
const flush = () => {
  timer = undefined;
  buffer = appendLines(buffer, pending);
  pending = [];
};
const stream = createLogSource(session().client).open(
  {kind: 'pod', namespace: NAMESPACE, pod: 'seq'},
  {window: {kind: 'all'}, follow: true, previous: false, allContainers: false},
  {
    lines(lines) {
      const now = performance.now();
      for (const line of lines) {
        if (line.kind !== 'line') continue;
        const number = Number(line.text);
        if (received === 0) firstAt = now;
        received += 1;
        if (number > expected) lost += number - expected;
        if (number < expected) duplicates += 1;
        expected = Math.max(expected, number + 1);
        pending.push(line);
      }
      lastAt = now;
      timer ??= setTimeout(flush, 50);
    },
    status(status) {
      if (status.phase !== 'streaming') console.log(`stream: ${status.phase} ${status.message}`);
    },
  },
);

try {
  await eventually(`${TOTAL} lines`, () => expected > TOTAL || undefined, 600_000);
} catch (error) {
  console.log(String(error));
} finally {
  stream.stop();
  clearInterval(sampler);
  if (timer) clearTimeout(timer);
  flush();
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const seconds = (lastAt - firstAt) / 1000;
  console.log(`lines received:   ${received} of ${TOTAL}`);
  console.log(`lines lost:       ${lost + Math.max(0, TOTAL + 1 - expected)}`);
  console.log(`duplicates:       ${duplicates}`);
  console.log(
    `lines/s:          ${Math.round(received / Math.max(seconds, 0.001))} (${seconds.toFixed(1)} s from first to last line)`,
  );
  console.log(
    `buffer:           ${buffer.entries.length} lines kept, ${buffer.dropped} dropped from its start (bounded)`,
  );
  console.log(
    `peak RSS:         ${Math.round(peakRss / 1024 / 1024)} MiB (process maxRSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB)`,
  );
  kubectl('delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=false');
  // For run-bench.ts (log-figures.ts), which reads this one line.
  if (process.env.KVIEW_BENCH_JSON === '1') {
    const figures = {
      total: TOTAL,
      lost: lost + Math.max(0, TOTAL + 1 - expected),
      duplicates,
      linesPerSecond: received / Math.max(seconds, 0.001),
      kept: buffer.entries.length,
      peakRssMiB: peakRss / 1024 / 1024,
    };
    console.log(JSON.stringify(figures));
  }
}
