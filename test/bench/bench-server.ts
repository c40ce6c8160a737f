import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {homedir} from 'node:os';

// One bench API server per pod count (its own etcd data under ~/.cache/kview/bench/pods-N), so each size is seeded
// once and a later run of any size finds its pods as they were.
const script = new URL('./bench-server.sh', import.meta.url).pathname;
const directoryOf = (pods: number) => `${homedir()}/.cache/kview/bench/pods-${pods}`;

export function startBenchServer(pods: number): string {
  return execFileSync('bash', [script, 'up'], {
    encoding: 'utf8',
    env: {...process.env, KVIEW_BENCH_DIR: directoryOf(pods)},
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

export function stopBenchServer(pods: number): void {
  execFileSync('bash', [script, 'down'], {env: {...process.env, KVIEW_BENCH_DIR: directoryOf(pods)}, stdio: 'inherit'});
}

export interface Seeding {
  created: number;
  seconds: number;
}

export function writeSeeding(pods: number, seeding: Seeding): void {
  writeFileSync(`${directoryOf(pods)}/seeding.json`, JSON.stringify(seeding));
}

export function readSeeding(pods: number): Seeding | undefined {
  const file = `${directoryOf(pods)}/seeding.json`;
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Seeding) : undefined;
}
