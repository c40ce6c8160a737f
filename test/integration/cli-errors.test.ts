import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {kubeconfigPath} from './local-cluster.js';

const kview = new URL('../../bin/kview', import.meta.url).pathname;

// Runs the built command the way a user does, with no terminal attached.
function run(args: string[], environment: Record<string, string> = {}) {
  const result = spawnSync(kview, args, {
    encoding: 'utf8',
    env: {PATH: process.env.PATH ?? '', HOME: '/nonexistent', ...environment},
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  assert.ok(!/\n\s+at /.test(result.stderr), `no stack trace:\n${result.stderr}`);
  return result;
}

async function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

test('a stopped API server: the connection-refused line with a hint, exit 1', async () => {
  const port = await unusedPort();
  const copy = join(mkdtempSync(join(tmpdir(), 'kview-refused-')), 'kubeconfig');
  writeFileSync(
    copy,
    readFileSync(kubeconfigPath, 'utf8').replace(
      /server: https:\/\/127\.0\.0\.1:\d+/,
      `server: https://127.0.0.1:${port}`,
    ),
  );
  const result = run(['--kubeconfig', copy, '-A']);
  assert.equal(result.status, 1);
  assert.match(
    result.stderr,
    new RegExp(`^kview: the connection to the server 127\\.0\\.0\\.1:${port} was refused\\n`),
  );
  assert.match(result.stderr, /hint: is the API server up\?.*kubelet/);
});

test("no configuration anywhere: kubectl's message and the admin.conf fix", () => {
  const result = run([]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /no configuration has been provided/);
  assert.match(result.stderr, /export KUBECONFIG=\/etc\/kubernetes\/admin\.conf/);
});

test('a restricted user asking for all namespaces is told which verb and resource are forbidden', () => {
  const result = run(['--kubeconfig', kubeconfigPath, '--context', 'kview-restricted', '-A']);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /forbidden: pods is forbidden: User "kview-viewer" cannot list resource "pods"/);
  assert.match(result.stderr, /hint: .*list\/get pods/);
});

test('without a terminal kview says so, after the cluster checks passed', () => {
  const restricted = run(['--kubeconfig', kubeconfigPath, '--context', 'kview-restricted']);
  assert.equal(restricted.status, 1);
  assert.match(restricted.stderr, /needs an interactive terminal/);
  const admin = run(['-A'], {KUBECONFIG: kubeconfigPath});
  assert.equal(admin.status, 1);
  assert.match(admin.stderr, /needs an interactive terminal/);
});

test('an unknown context lists the ones that exist', () => {
  const result = run(['--kubeconfig', kubeconfigPath, '--context', 'prod']);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /context "prod" does not exist/);
  assert.match(result.stderr, /kview-admin, kview-restricted/);
});

test('--version and --help answer without a cluster', () => {
  const version = run(['--version']);
  assert.equal(version.status, 0);
  assert.match(version.stdout, /^kview \d+\.\d+\.\d+\n$/);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  for (const flag of ['--kubeconfig', '--context', '--namespace', '--all-namespaces', '--readonly']) {
    assert.ok(help.stdout.includes(flag), flag);
  }
});
