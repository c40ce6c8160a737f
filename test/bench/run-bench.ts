// `npm run bench`: kview against kubectl on the local cluster seeded with 10,000 pods, printed side by side.
// Numbers, not assertions: targets are in the README's performance section.
import {execFileSync, spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {openClusterSession} from '../../src/cluster/cluster-session.js';
import {PtySession} from './pty-session.js';
import {removePods, seedPods} from './seed-pods.js';

const POD_COUNT = Number(process.env.KVIEW_BENCH_PODS ?? 10_000);
const RUNS = 3;
const MOVES = 200;
const kubeconfig = process.env.KVIEW_TEST_KUBECONFIG ?? `${homedir()}/.cache/kview/cluster/kubeconfig`;
const kview = new URL('../../bin/kview', import.meta.url).pathname;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil((p / 100) * values.length) - 1)] ?? NaN;

function kubectlFullList(): number {
  const started = performance.now();
  const result = spawnSync('kubectl', ['--kubeconfig', kubeconfig, 'get', 'pods', '-A', '-o', 'wide'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error('kubectl failed');
  return performance.now() - started;
}

function rssOf(session: PtySession): {rss: number; peak: number} {
  const shellPid = session.child.pid;
  const children = execFileSync('pgrep', ['-P', String(shellPid)], {encoding: 'utf8'})
    .trim()
    .split('\n');
  const status = readFileSync(`/proc/${children[0]}/status`, 'utf8');
  const read = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return {rss: read('VmRSS'), peak: read('VmHWM')};
}

async function kviewRun(total: number, measureMoves: boolean) {
  const session = new PtySession([kview, '--kubeconfig', kubeconfig, '-A'], {columns: 200, rows: 50});
  try {
    // The full list is on screen when the status line counts (at least) every seeded pod.
    const firstFull = await session.waitFor((tail) => Number(/live\s+(\d+) pods/.exec(tail)?.[1] ?? 0) >= total);
    const startToFull = firstFull - session.startedAt;
    if (!measureMoves) return {startToFull};
    await new Promise((resolve) => setTimeout(resolve, 500));
    const latencies: number[] = [];
    const bytes: number[] = [];
    for (let move = 0; move < MOVES; move++) {
      const before = session.chunks.length;
      const sentAt = performance.now();
      session.write('j');
      const firstOutput = await session.nextOutput(before);
      latencies.push(firstOutput - sentAt);
      // Moves are spaced as a fast typist's (40 ms) so each frame is measured on its own.
      await new Promise((resolve) => setTimeout(resolve, 40));
      bytes.push(session.chunks.slice(before).reduce((sum, chunk) => sum + chunk.bytes, 0));
    }
    return {startToFull, latencies, bytes, memory: rssOf(session)};
  } finally {
    session.stop();
  }
}

async function main() {
  const cluster = openClusterSession({
    kubeconfigPath: kubeconfig,
    environment: {},
    homeDirectory: homedir(),
    isRoot: false,
  });
  console.log(`seeding ${POD_COUNT} pods…`);
  const seedStarted = performance.now();
  const seeded = await seedPods(cluster.client, POD_COUNT);
  console.log(`seeded: ${seeded} bench pods in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
  const allPods = Number(
    execFileSync('kubectl', ['--kubeconfig', kubeconfig, 'get', 'pods', '-A', '--no-headers'], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
    })
      .split('\n')
      .filter(Boolean).length,
  );
  try {
    const kubectlTimes = Array.from({length: RUNS}, () => kubectlFullList());
    const kviewRuns = [];
    for (let run = 0; run < RUNS; run++) kviewRuns.push(await kviewRun(seeded, run === RUNS - 1));
    const measured = kviewRuns[RUNS - 1]!;
    const kviewFull = median(kviewRuns.map((run) => run.startToFull));
    const kubectlFull = median(kubectlTimes);
    const rows: Array<[string, string, string]> = [
      ['pods listed', String(allPods), String(allPods)],
      ['start -> all pods on screen (median of 3)', `${kviewFull.toFixed(0)} ms`, `${kubectlFull.toFixed(0)} ms`],
      ['kview / kubectl', `${(kviewFull / kubectlFull).toFixed(2)}x (target <= 0.5x)`, ''],
      [
        'RSS after 200 moves / peak',
        `${measured.memory?.rss.toFixed(0)} / ${measured.memory?.peak.toFixed(0)} MB` + ' (target < 250)',
        '',
      ],
      [
        'keystroke -> frame p50 / p99',
        `${percentile(measured.latencies ?? [], 50).toFixed(1)} / ` +
          `${percentile(measured.latencies ?? [], 99).toFixed(1)} ms (target p99 < 16)`,
        '',
      ],
      [
        'bytes per one-row move (200x50), median / max',
        `${median(measured.bytes ?? [])} / ` + `${Math.max(...(measured.bytes ?? [0]))} B (target < 4096)`,
        '',
      ],
    ];
    console.log(`\n${'measure'.padEnd(46)}${'kview'.padEnd(44)}kubectl get pods -A -o wide`);
    for (const [name, ours, theirs] of rows) console.log(`${name.padEnd(46)}${ours.padEnd(44)}${theirs}`);
  } finally {
    if (process.env.KVIEW_BENCH_KEEP !== '1') {
      console.log('\nremoving the bench pods…');
      await removePods(cluster.client);
    }
  }
}

await main();
