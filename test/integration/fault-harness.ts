import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {openClusterSession} from '../../src/cluster/cluster-session.js';
import {createLogSource} from '../../src/cluster/log-source.js';
import type {LogLine, StreamStatus} from '../../src/cluster/log-types.js';
import {TcpProxy} from '../faults/tcp-proxy.js';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// What every fault test needs: the fault proxy in front of the local API server, a kubeconfig copy whose server is
// the proxy (the API server's certificate has IP:127.0.0.1, and the proxy listens there too), kview in tmux and a
// followed log through the same proxy, and this task's own namespace with a ticker pod.
export const NAMESPACE = 'liveness';
export const kview = new URL('../../bin/kview', import.meta.url).pathname;

export function ensureNamespace(): void {
  try {
    kubectl('get', 'namespace', NAMESPACE);
  } catch {
    kubectl('create', 'namespace', NAMESPACE);
  }
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      kubectl('-n', NAMESPACE, 'get', 'serviceaccount', 'default');
      return;
    } catch {
      execFileSync('sleep', ['0.2']);
    }
  }
}

export function podManifest(name: string, script: string, labels: Record<string, string> = {}): string {
  return JSON.stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace: NAMESPACE, labels: {task: 'liveness', ...labels}},
    spec: {
      hostNetwork: true,
      terminationGracePeriodSeconds: 0,
      containers: [
        {
          name: containerOf(name),
          image: 'kview.local/busybox:1',
          imagePullPolicy: 'Never',
          command: ['sh', '-c', script],
        },
      ],
    },
  });
}

// The container of a test pod is named by the pod's first word: ticker-1234-reset runs container ticker.
export function containerOf(pod: string): string {
  return pod.split('-')[0] ?? pod;
}

export function applyPods(...manifests: string[]): void {
  execFileSync('kubectl', ['--kubeconfig', kubeconfigPath, 'apply', '-f', '-'], {
    input: manifests.join('\n'),
    stdio: ['pipe', 'ignore', 'pipe'],
  });
}

export const TICKER_SCRIPT = 'i=0; while true; do i=$((i+1)); echo "tick $i"; sleep 0.5; done';
// 20 lines a second of 100 bytes: enough bytes that a connection closed after N bytes breaks the log often.
export const FAST_TICKER_SCRIPT =
  'i=0; while true; do i=$((i+1)); echo "tick $i ................................................................................"; usleep 50000; done';

export function deletePods(...names: string[]): void {
  kubectl(
    '-n',
    NAMESPACE,
    'delete',
    'pod',
    ...names,
    '--ignore-not-found',
    '--wait=false',
    '--grace-period=0',
    '--force',
  );
}

export async function podsRunning(...names: string[]): Promise<void> {
  await eventually(
    `${names.join(', ')} running`,
    () => {
      const list = JSON.parse(kubectl('-n', NAMESPACE, 'get', 'pods', '-o', 'json')) as {
        items: Array<{metadata: {name: string}; status: {phase?: string}}>;
      };
      const running = list.items.filter((pod) => names.includes(pod.metadata.name) && pod.status.phase === 'Running');
      return running.length === names.length ? true : undefined;
    },
    60_000,
  );
}

export function podNames(): string[] {
  return kubectl('-n', NAMESPACE, 'get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}')
    .split(' ')
    .filter(Boolean)
    .sort();
}

export interface FaultRig {
  proxy: TcpProxy;
  kubeconfig: string;
  close(): Promise<void>;
}

export async function startRig(): Promise<FaultRig> {
  const original = readFileSync(kubeconfigPath, 'utf8');
  const match = /server: https:\/\/127\.0\.0\.1:(\d+)/.exec(original);
  if (!match) throw new Error(`no https://127.0.0.1:PORT server in ${kubeconfigPath}`);
  const proxy = await TcpProxy.start({host: '127.0.0.1', port: Number(match[1])});
  const directory = mkdtempSync(join(tmpdir(), 'kview-faults-'));
  const kubeconfig = join(directory, 'kubeconfig');
  writeFileSync(kubeconfig, original.replaceAll(match[0], `server: https://127.0.0.1:${proxy.port}`), {mode: 0o600});
  return {
    proxy,
    kubeconfig,
    close: async () => {
      await proxy.close();
      rmSync(directory, {recursive: true, force: true});
    },
  };
}

export function kviewTerminal(
  rig: FaultRig,
  args: string[],
  size = {columns: 160, rows: 30},
  environment: Record<string, string> = {},
): TmuxTerminal {
  return new TmuxTerminal([kview, '--kubeconfig', rig.kubeconfig, ...args], {...size, environment});
}

// The screen with its colours, for what is drawn dimmed.
export function styledScreen(terminal: TmuxTerminal): string {
  return execFileSync('tmux', ['capture-pane', '-p', '-e', '-t', terminal.name], {encoding: 'utf8'});
}

// A row drawn dimmed: tmux writes SGR 2 (faint), alone or combined with others (ESC[2;90m).
export function isDimmed(styledLine: string): boolean {
  return /\u001b\[(?:[0-9;]*;)?2(?:;[0-9;]*)?m/.test(styledLine);
}

export interface FollowedLog {
  lines: LogLine[];
  statuses: StreamStatus[];
  ticks(): number[];
  stop(): void;
}

// A followed log exactly as the log view opens it (kview's log source on a session of the proxied kubeconfig).
export function followLog(rig: FaultRig, pod: string, container = containerOf(pod)): FollowedLog {
  const session = openClusterSession({
    kubeconfigPath: rig.kubeconfig,
    environment: {},
    homeDirectory: homedir(),
    isRoot: false,
  });
  const lines: LogLine[] = [];
  const statuses: StreamStatus[] = [];
  const handle = createLogSource(session.client).open(
    {kind: 'pod', namespace: NAMESPACE, pod, container},
    {window: {kind: 'all'}, follow: true, previous: false, allContainers: false, container},
    {lines: (batch) => lines.push(...batch), status: (status) => statuses.push({...status})},
  );
  return {
    lines,
    statuses,
    ticks: () =>
      lines.flatMap((line) => {
        const found = /^tick (\d+)(?: |$)/.exec(line.text);
        return found ? [Number(found[1])] : [];
      }),
    stop: () => handle.stop(),
  };
}

// Every tick from the first received to the last, each exactly once and in order.
export function gapsAndRepeats(ticks: number[]): {missing: number[]; repeated: number[]} {
  const missing: number[] = [];
  const repeated: number[] = [];
  for (let index = 1; index < ticks.length; index++) {
    const previous = ticks[index - 1] ?? 0;
    const current = ticks[index] ?? 0;
    if (current <= previous) repeated.push(current);
    for (let gap = previous + 1; gap < current; gap++) missing.push(gap);
  }
  return {missing, repeated};
}

// kubectl's own log with timestamps: the oracle for the lines a followed stream delivered.
export function kubectlLogLines(pod: string): Array<{timestamp: string; text: string}> {
  return kubectl('-n', NAMESPACE, 'logs', pod, '--timestamps')
    .split('\n')
    .filter(Boolean)
    .map((line) => ({timestamp: line.slice(0, line.indexOf(' ')), text: line.slice(line.indexOf(' ') + 1)}));
}

export function report(fault: string, numbers: Record<string, number | string>): void {
  const text = Object.entries(numbers)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  console.log(`# fault ${fault}: ${text}`);
}

// After a fault ends: how long until the table is live with the cluster's new truth (one pod gone, one come), and
// until the followed log has moved on by more than `logTicks` ticks.
export async function timeToRecover(
  terminal: TmuxTerminal,
  log: FollowedLog,
  change: {gone: string; come: string; logTicks: number; withinMs: number},
): Promise<{recoverMs: number; logRecoverMs: number}> {
  const restoredAt = Date.now();
  await eventually(
    'live again with the new truth',
    () => {
      const screen = terminal.screen();
      return /● live\s+\d+ pods/.test(screen) && !screen.includes(change.gone) && screen.includes(change.come)
        ? true
        : undefined;
    },
    change.withinMs,
  );
  const recoverMs = Date.now() - restoredAt;
  const lastTick = log.ticks().at(-1) ?? 0;
  await eventually(
    'the log to move on',
    () => ((log.ticks().at(-1) ?? 0) > lastTick + change.logTicks ? true : undefined),
    change.withinMs,
  );
  return {recoverMs, logRecoverMs: Date.now() - restoredAt};
}

// The table's rows are kubectl's pods, and the followed log has every tick once and equals kubectl logs over the
// same range: nothing lost, nothing repeated, nothing stale left on screen.
export function assertMatchesKubectl(
  terminal: TmuxTerminal,
  log: FollowedLog,
  ticker: string,
  isPodRow: (name: string) => boolean,
): {ticks: number[]; delivered: LogLine[]; missing: number[]; repeated: number[]} {
  const rows = terminal
    .screen()
    .split('\n')
    .map((line) => line.trim().split(/\s+/)[0] ?? '')
    .filter(isPodRow)
    .sort();
  assert.deepEqual(rows, podNames());
  const ticks = log.ticks();
  const {missing, repeated} = gapsAndRepeats(ticks);
  assert.deepEqual({missing, repeated}, {missing: [], repeated: []});
  const delivered = log.lines.filter((line) => line.kind === 'line');
  const oracle = kubectlLogLines(ticker).filter((line) => /^tick \d+(?: |$)/.test(line.text));
  const first = oracle.findIndex((line) => line.timestamp === delivered[0]?.timestamp);
  assert.ok(first >= 0, 'the first delivered line is in kubectl logs');
  assert.deepEqual(
    delivered.map((line) => `${line.timestamp} ${line.text}`),
    oracle.slice(first, first + delivered.length).map((line) => `${line.timestamp} ${line.text}`),
  );
  return {ticks, delivered, missing, repeated};
}
