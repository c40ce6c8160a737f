// Where kview's time goes at a bench size: kview (the bundle) under `node --cpu-prof`, started on the bench API
// server's pods, optionally churned, then quit with q so the profile is written; prints the top self-time
// functions. For the README's explanation of a target not met, not part of the bench's table.
//   KVIEW_BENCH_SIZES=100000 node --import tsx test/bench/profile-kview.ts [churn-seconds]
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openBareClient} from './bare-client.js';
import {startBenchServer, stopBenchServer} from './bench-server.js';
import {PtySession} from './pty-session.js';
import {countPods, writeStatus} from './seed-pods.js';
import {pause} from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: {functionName: string; url: string; lineNumber: number};
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const pods = Number(process.env.KVIEW_BENCH_SIZES ?? 100_000);
const churnSeconds = Number(process.argv[2] ?? 0);
const bundle = new URL('../../dist/kview.mjs', import.meta.url).pathname;
const directory = mkdtempSync(join(tmpdir(), 'kview-profile-'));
const kubeconfig = startBenchServer(pods);
const client = openBareClient(kubeconfig);
try {
  const total = await countPods(client);
  const session = new PtySession(
    [process.execPath, '--cpu-prof', `--cpu-prof-dir=${directory}`, bundle, '--kubeconfig', kubeconfig, '-A'],
    {columns: 200, rows: 50},
  );
  const listedAt = await session.waitFor(
    (screen) => Number(/live\s+(\d+) pods/.exec(screen)?.[1] ?? 0) >= total,
    0,
    300_000,
  );
  console.log(`listed ${total} pods in ${(listedAt - session.startedAt).toFixed(0)} ms (under the profiler)`);
  const started = performance.now();
  for (let tick = 0; performance.now() - started < churnSeconds * 1000; tick++) {
    for (let update = 0; update < 20; update++) {
      writeStatus(client, 1 + Math.floor(Math.random() * (total - 1)), 1 + (tick % 7)).catch(() => undefined);
    }
    await pause(100);
  }
  session.write('q');
  for (let wait = 0; wait < 300 && readdirSync(directory).length === 0; wait++) await pause(100);
  await pause(500);
  const file = readdirSync(directory)[0];
  if (!file) throw new Error('no profile written');
  const profile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as Profile;
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byFunction = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const time = self.get(node.id) ?? 0;
    all += time;
    const {functionName, url, lineNumber} = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url.split('/').at(-1) ?? ''}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + time);
  }
  const top = [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log(`self time, ${(all / 1e6).toFixed(1)} s profiled (${file}):`);
  for (const [name, time] of top)
    console.log(`${((100 * time) / all).toFixed(1).padStart(5)}%  ${(time / 1e3).toFixed(0).padStart(6)} ms  ${name}`);
} finally {
  client.close();
  stopBenchServer(pods);
}
