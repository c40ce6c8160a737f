import {spawnSync} from 'node:child_process';
import {measureWorkloadLogs} from './log-workload.js';

export interface LogFigures {
  total: number;
  lost: number;
  duplicates: number;
  linesPerSecond: number;
  kept: number;
  peakRssMiB: number;
  workload?: {pods: number; linesPerSecond: number; p50: number; p99: number};
}

// The log figures need a kubelet, so they run on the shared local cluster (in their own namespace, removed
// after): log-throughput.ts in its own process, so its memory is its own, reporting one JSON line.
export async function measureLogs(): Promise<LogFigures | undefined> {
  const script = new URL('./log-throughput.ts', import.meta.url).pathname;
  const result = spawnSync(process.execPath, ['--import', 'tsx', script], {
    encoding: 'utf8',
    env: {...process.env, KVIEW_BENCH_JSON: '1'},
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(result.stdout.replace(/^\{.*\}$/m, ''));
  const json = /^\{.*\}$/m.exec(result.stdout)?.[0];
  if (!json) return undefined;
  const figures = JSON.parse(json) as LogFigures;
  figures.workload = await measureWorkloadLogs().catch((error: unknown) => {
    console.log(`log workload: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  });
  return figures;
}
