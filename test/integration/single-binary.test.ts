import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';
import {ensureBinary} from '../../scripts/build-binary.js';
import {cacheDirectory} from '../../scripts/node-release.js';
import {eventually, kubeconfigPath} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// The single executable (npm run build:binary) on a machine without Node.js: the systemd node's cached Debian
// root filesystem (test/cluster/node.sh builds it with debootstrap and never boots it: every run boots a copy),
// entered with chroot in a private mount namespace, so the binary and /proc are mounted for this process only and
// the cached tree is never written.
const root = new URL('../..', import.meta.url).pathname;
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}).version;
const binary = await ensureBinary();
const rootfs = join(cacheDirectory(), 'systemd-node-bookworm-1', 'rootfs');
const cleanEnvironment = ['env', '-i', 'HOME=/root', 'TERM=xterm-256color', 'PATH=/usr/local/bin:/usr/bin:/bin'];

// argv that runs the binary inside the root filesystem (the test's own plumbing may use a shell; kview never does).
function inRootfs(...args: string[]): string[] {
  const script =
    'dir=$1 root=$2; shift 2; mount --bind "$dir" "$root/mnt" && mount -t proc proc "$root/proc" && exec chroot "$root" "$@"';
  const command = [...cleanEnvironment, `/mnt/${basename(binary)}`, ...args];
  return [
    'unshare',
    '--mount',
    '--propagation',
    'private',
    '--',
    'sh',
    '-c',
    script,
    'sh',
    dirname(binary),
    rootfs,
    ...command,
  ];
}

test('the binary: its version, with nothing of the embedded runtime on stderr even with NODE_OPTIONS set', () => {
  console.log(`${binary}: ${(statSync(binary).size / 1024 / 1024).toFixed(1)} MiB`);
  const run = spawnSync(binary, ['--version'], {
    encoding: 'utf8',
    env: {...process.env, NODE_OPTIONS: '--require /kview/no/such/file.js'},
  });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, `kview ${version}\n`);
  assert.equal(run.stderr, '');
  const check = spawnSync(binary, ['--check', '--kubeconfig', kubeconfigPath, '-n', 'demo'], {encoding: 'utf8'});
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /^ok: context kview-admin .* pods readable in demo\n$/);
  assert.equal(check.stderr, '');
});

test('a Debian root filesystem without Node.js runs it: --version and --help', () => {
  assert.ok(existsSync(join(rootfs, 'bin/systemctl')), `the systemd node's root filesystem at ${rootfs}`);
  const which = spawnSync('chroot', [rootfs, ...cleanEnvironment, 'sh', '-c', 'command -v node nodejs'], {
    encoding: 'utf8',
  });
  assert.notEqual(which.status, 0, `no Node.js in the root filesystem: ${which.stdout}`);
  const versionRun = spawnSync('unshare', inRootfs('--version').slice(1), {encoding: 'utf8'});
  assert.equal(versionRun.status, 0, versionRun.stderr);
  assert.equal(versionRun.stdout, `kview ${version}\n`);
  const help = spawnSync('unshare', inRootfs('--help').slice(1), {encoding: 'utf8'});
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: kview \[flags\]$/m);
});

test('--node in a terminal inside that root filesystem: the embedded runtime draws the pane, q restores the screen', async (context) => {
  const terminal = new TmuxTerminal(inRootfs('--node'), {columns: 160, rows: 40});
  context.after(() => terminal.close());
  // No kubelet runs in this root: the host's kubelet is visible in /proc but shares neither this root nor its mount
  // namespace, so it is not taken for this node's (it was, before detection compared namespaces).
  const screen = await eventually('the node pane', () => {
    const text = terminal.screen();
    return /does not look like a Kubernetes node/.test(text) ? text : undefined;
  });
  assert.doesNotMatch(screen, /kubelet process \d+|pid \d+/);
  assert.doesNotMatch(screen, /Warning|DeprecationWarning|ExperimentalWarning/);
  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
  assert.equal(terminal.exitStatus(), 0);
  assert.doesNotMatch(terminal.screen(), /does not look like a Kubernetes node/, 'the alternate screen is left');
});
