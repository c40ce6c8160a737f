import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {homedir} from 'node:os';
import {openClusterSession} from '../../src/cluster/cluster-session.js';
import type {TableWatchOptions} from '../../src/cluster/table-watch.js';

// The kubeconfig of the local cluster that test/run-tests.mjs started (or found running).
export const kubeconfigPath = process.env.KVIEW_TEST_KUBECONFIG ?? `${homedir()}/.cache/kview/cluster/kubeconfig`;
if (!existsSync(kubeconfigPath)) {
  throw new Error(
    `no local cluster kubeconfig at ${kubeconfigPath}: run the tests with npm test, or npm run cluster:up`,
  );
}

export function kubectl(...args: string[]): string {
  return execFileSync('kubectl', ['--kubeconfig', kubeconfigPath, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function session(context = 'kview-admin', namespace?: string, watchOptions: TableWatchOptions = {}) {
  return openClusterSession(
    {kubeconfigPath, context, namespace, environment: {}, homeDirectory: homedir(), isRoot: false},
    watchOptions,
  );
}

// Polls until the check passes: what tests wait on is a state of the cluster, never a fixed time.
export async function eventually<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${lastError ? `: ${lastError instanceof Error ? lastError.message : JSON.stringify(lastError)}` : ''}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// Splits kubectl's tabwriter output into cells by the header's column starts (cells may hold single spaces,
// as "NOMINATED NODE" and "5 (3m ago)" do).
export function parseColumns(text: string): {headers: string[]; rows: string[][]} {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const header = lines[0] ?? '';
  const starts: number[] = [];
  const headers: string[] = [];
  for (const match of header.matchAll(/\S+(?: \S+)*/g)) {
    starts.push(match.index ?? 0);
    headers.push(match[0]);
  }
  const rows = lines
    .slice(1)
    .map((line) => starts.map((start, index) => line.slice(start, starts[index + 1] ?? line.length).trim()));
  return {headers, rows};
}

// A sleeping busybox pod that goes at once when deleted (the local image, host network, no grace period).
export function createSleeperPod(name: string, namespace = 'demo'): void {
  kubectl(
    '-n',
    namespace,
    'run',
    name,
    '--image=kview.local/busybox:1',
    '--image-pull-policy=Never',
    '--restart=Never',
    '--overrides={"spec":{"hostNetwork":true,"terminationGracePeriodSeconds":0}}',
    '--command',
    '--',
    'sleep',
    '3600',
  );
}

// A new namespace once it can hold pods: the service account controller creates its `default` account a moment
// after the namespace, and a pod created before that is refused ("serviceaccount default not found"). On a cluster
// that has just started that moment is longest.
export async function createNamespace(name: string): Promise<void> {
  kubectl('create', 'namespace', name);
  await namespaceCanHoldPods(name);
}

export async function namespaceCanHoldPods(name: string): Promise<void> {
  await eventually(
    `the default service account of ${name}`,
    () => kubectl('get', 'serviceaccounts', '-n', name, '-o', 'name').includes('serviceaccount/default') || undefined,
    60_000,
  );
}
