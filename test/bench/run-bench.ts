// `npm run bench`: kview against kubectl and against the floor (a bare client making kview's own LIST) at 10,000,
// 50,000 and 100,000 pods, each size on the bench's own API server (bench-server.sh; never the shared cluster),
// then churn and idle output at the largest size and the log figures. Prints one table with each target and
// whether it is met; a full run (all three sizes) writes that table into README.md between the bench markers.
//   KVIEW_BENCH_SIZES=10000   a quick run of one size (README.md untouched unless KVIEW_BENCH_README=1)
//   KVIEW_BENCH_LOGS=0        skip the log figures (they use the shared local cluster, which has a kubelet)
//   KVIEW_BENCH_SEED_ONLY=1   seed the sizes and stop (100,000 pods take about 20 minutes; later runs reuse them)
import {spawnSync} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {homedir} from 'node:os';
import {openBareClient} from './bare-client.js';
import {readSeeding, startBenchServer, stopBenchServer, writeSeeding} from './bench-server.js';
import {measureChurn, measureIdle, measureSession} from './measure-kview.js';
import {measureFloor} from './floor.js';
import {measureLogs} from './log-figures.js';
import type {LogFigures} from './log-figures.js';
import {printReport, writeReadme} from './report.js';
import type {SizeResult} from './report.js';
import {countPods, seedPods} from './seed-pods.js';
import {median} from './stats.js';

const DEFAULT_SIZES = [10_000, 50_000, 100_000];
const sizes = (process.env.KVIEW_BENCH_SIZES?.split(',').map(Number) ?? DEFAULT_SIZES).sort((a, b) => a - b);
const RUNS = Number(process.env.KVIEW_BENCH_RUNS ?? 3);
const seedOnly = process.env.KVIEW_BENCH_SEED_ONLY === '1';

function kubectlFullList(kubeconfig: string): number {
  const started = performance.now();
  const result = spawnSync('kubectl', ['--kubeconfig', kubeconfig, 'get', 'pods', '-A', '-o', 'wide'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (result.status !== 0) throw new Error('kubectl failed');
  return performance.now() - started;
}

async function measureSize(pods: number, last: boolean): Promise<SizeResult | undefined> {
  console.log(`\n== ${pods} pods: starting the bench API server`);
  const kubeconfig = startBenchServer(pods);
  const client = openBareClient(kubeconfig);
  try {
    const seedStarted = performance.now();
    const seeded = await seedPods(client, pods);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const listed = await countPods(client);
    // The seeding time is kept with the data it made, so a run that reuses the pods still reports it.
    if (seeded.created > 0) writeSeeding(pods, {created: seeded.created, seconds: seedSeconds});
    console.log(
      seeded.created > 0
        ? `seeded ${seeded.created} pods in ${seedSeconds.toFixed(0)} s (${listed} listed)`
        : `${listed} pods already seeded (reused)`,
    );
    if (seedOnly) return undefined;
    const kubectl: number[] = [];
    const floor: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      kubectl.push(kubectlFullList(kubeconfig));
      floor.push(await measureFloor(kubeconfig));
    }
    console.log(
      `kubectl ${kubectl.map((ms) => ms.toFixed(0)).join(', ')} ms; floor ${floor.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    const session = await measureSession(kubeconfig, listed, RUNS);
    console.log(`kview start to all rows ${session.startToFull.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    const result: SizeResult = {
      pods: listed,
      seeding: readSeeding(pods),
      kubectlMs: median(kubectl),
      floorMs: median(floor),
      ...session,
      kviewMs: median(session.startToFull),
    };
    if (last) {
      result.churn = await measureChurn(kubeconfig, client, listed);
      result.idle = await measureIdle(kubeconfig, client);
    }
    // Kept, so a run that fails later still leaves what it measured.
    writeFileSync(`${homedir()}/.cache/kview/bench/result-${pods}.json`, JSON.stringify(result));
    return result;
  } finally {
    client.close();
    stopBenchServer(pods);
  }
}

const results: SizeResult[] = [];
for (const [index, pods] of sizes.entries()) {
  const result = await measureSize(pods, index === sizes.length - 1);
  if (result) results.push(result);
}
if (seedOnly) process.exit(0);
let logs: LogFigures | undefined;
if (process.env.KVIEW_BENCH_LOGS !== '0') logs = await measureLogs();
const report = printReport(results, logs);
const full = DEFAULT_SIZES.every((size) => sizes.includes(size));
if (full || process.env.KVIEW_BENCH_README === '1') writeReadme(report);
