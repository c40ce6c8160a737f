import {execFileSync} from 'node:child_process';
import {chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {ensureBinary} from '../../scripts/build-binary.js';
import {kubeconfigPath} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// The local cluster's second node (test/cluster/node.sh): Debian under systemd-nspawn with systemd as PID 1, a
// live journald, and containerd and the kubelet as systemd units. Tests enter it with nsenter, as an operator's
// shell on that node would be, and run kview there from the bundle and this machine's Node binary.
const repository = join(dirname(fileURLToPath(import.meta.url)), '../..');
const clusterScript = join(repository, 'test/cluster/cluster.sh');
export const nodeName = 'systemd-node';
const nodeDirectory = join(dirname(kubeconfigPath), nodeName);
export const nodeRoot = join(nodeDirectory, 'root');

// Starts the node when the cluster runs without it (cluster.sh node-up is idempotent and quick when it is up).
export function ensureNode(): void {
  execFileSync('bash', [clusterScript, 'node-up'], {stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000});
}

// The container's systemd as the host sees it (its PID 1), which the harness records when the node boots.
export function leaderPid(): string {
  const leader = readFileSync(join(nodeDirectory, 'leader.pid'), 'utf8').trim();
  if (!/^\d+$/.test(leader)) throw new Error(`${nodeName}: no leader pid recorded`);
  return leader;
}

// The prefix that runs a command inside the node, in all of its namespaces, with a clean login-like environment.
export function inNodeCommand(...command: string[]): string[] {
  return [
    'nsenter',
    '-t',
    leaderPid(),
    '-a',
    '/usr/bin/env',
    '-i',
    'HOME=/root',
    'TERM=xterm-256color',
    'FORCE_COLOR=1',
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    ...command,
  ];
}

export function inNode(...command: string[]): string {
  const [program, ...args] = inNodeCommand(...command);
  return execFileSync(program ?? 'nsenter', args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    // A kubelet's journal of the last hour runs to megabytes.
    maxBuffer: 256 * 1024 * 1024,
  });
}

// The node's kubelet answering on its healthz port (the node shares the host's network namespace).
export async function kubeletHealthy(): Promise<boolean> {
  const port = /NODE_HEALTHZ_PORT=(\d+)/.exec(readFileSync(join(nodeDirectory, 'ports.env'), 'utf8'))?.[1];
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, {signal: AbortSignal.timeout(2000)});
    return response.ok && (await response.text()) === 'ok';
  } catch {
    return false;
  }
}

export function unitProperty(unit: string, property: string): string {
  return inNode('systemctl', 'show', `--property=${property}`, '--value', unit).trim();
}

// A line in the unit's journal exactly as the unit's own output is attributed: journald takes _SYSTEMD_UNIT from
// the sender's cgroup, so the shell joins the unit's cgroups (v1 name=systemd and unified) first. systemd-cat keeps
// its stream open a moment: journald reads a sender's cgroup from /proc, which a sender already gone no longer has.
export function logAsUnit(unit: string, priority: string, message: string): void {
  const script =
    'for h in systemd unified; do echo $$ > "/sys/fs/cgroup/$h/system.slice/$1/cgroup.procs"; done; ' +
    '{ printf "%s\\n" "$4"; sleep 0.3; } | systemd-cat -t "$2" -p "$3"';
  inNode('sh', '-c', script, 'sh', unit, unit.replace(/\.service$/, ''), priority, message);
}

// kview as an operator copies it to a node: the single executable (npm run build:binary) at /opt/kview/bin/kview.
// The node's rootfs has no Node.js, so everything the tests see inside it runs on the runtime the binary carries.
export async function installKview(): Promise<void> {
  const binary = await ensureBinary();
  mkdirSync(join(nodeRoot, 'opt/kview/bin'), {recursive: true});
  copyFileSync(binary, join(nodeRoot, 'opt/kview/bin/kview'));
  chmodSync(join(nodeRoot, 'opt/kview/bin/kview'), 0o755);
}

// An operator's kubeconfig inside the node (the admin context, CA path rewritten to the node's copy).
export function installKubeconfig(path: string, server?: string): void {
  const text = readFileSync(kubeconfigPath, 'utf8')
    .replace(/certificate-authority: .*\/pki\/ca\.crt/g, 'certificate-authority: /etc/kubernetes/pki/ca.crt')
    .replace(/server: https:\/\/127\.0\.0\.1:\d+/g, (found) => (server ? `server: ${server}` : found));
  mkdirSync(dirname(join(nodeRoot, path)), {recursive: true});
  writeFileSync(join(nodeRoot, path), text, {mode: 0o600});
}

export function kviewInNode(args: string[], size: {columns?: number; rows?: number} = {}): TmuxTerminal {
  return new TmuxTerminal(inNodeCommand('/opt/kview/bin/kview', ...args), {
    columns: size.columns ?? 160,
    rows: size.rows ?? 40,
  });
}

export function withoutColour(text: string): string {
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
