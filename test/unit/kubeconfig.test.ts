import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, writeFileSync, mkdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {loadClusterConnection} from '../../src/cluster/kubeconfig.js';
import {KviewError} from '../../src/cluster/kview-error.js';

function kubeconfig(cluster: string, server: string, context: string, namespace?: string, current = context): string {
  return `apiVersion: v1
kind: Config
clusters:
- name: ${cluster}
  cluster: {server: ${server}}
users:
- name: ${cluster}-user
  user: {token: t}
contexts:
- name: ${context}
  context: {cluster: ${cluster}, user: ${cluster}-user${namespace ? `, namespace: ${namespace}` : ''}}
current-context: ${current}
`;
}

const directory = mkdtempSync(join(tmpdir(), 'kview-kubeconfig-'));
const first = join(directory, 'first.yaml');
const second = join(directory, 'second.yaml');
writeFileSync(first, kubeconfig('one', 'https://one.example:6443', 'ctx-one', 'team-a'));
writeFileSync(second, kubeconfig('two', 'https://two.example:6443', 'ctx-two', undefined, 'ctx-two'));
const base = {environment: {}, homeDirectory: join(directory, 'empty-home'), isRoot: false};

test('--kubeconfig wins and its context namespace is the default', () => {
  const connection = loadClusterConnection({...base, kubeconfigPath: first, environment: {KUBECONFIG: second}});
  assert.equal(connection.contextName, 'ctx-one');
  assert.equal(connection.namespace, 'team-a');
  assert.equal(connection.server, 'https://one.example:6443');
});

test('KUBECONFIG merges files, skipping missing ones; the first current-context wins', () => {
  const connection = loadClusterConnection({
    ...base,
    environment: {KUBECONFIG: `${join(directory, 'missing.yaml')}:${second}:${first}`},
  });
  assert.equal(connection.contextName, 'ctx-two');
  assert.equal(connection.namespace, 'default');
  const other = loadClusterConnection({...base, context: 'ctx-one', environment: {KUBECONFIG: `${second}:${first}`}});
  assert.equal(other.clusterName, 'one');
});

test('-n overrides the context namespace', () => {
  assert.equal(loadClusterConnection({...base, kubeconfigPath: first, namespace: 'other'}).namespace, 'other');
});

test('~/.kube/config is used when nothing else is set', () => {
  const home = join(directory, 'home');
  mkdirSync(join(home, '.kube'), {recursive: true});
  writeFileSync(join(home, '.kube', 'config'), kubeconfig('h', 'https://h.example', 'ctx-h'));
  assert.equal(loadClusterConnection({...base, homeDirectory: home}).contextName, 'ctx-h');
});

test('root on a kubeadm control-plane node falls back to /etc/kubernetes/admin.conf', () => {
  const seen: string[] = [];
  const fileExists = (path: string) => {
    seen.push(path);
    return false;
  };
  assert.throws(() => loadClusterConnection({...base, isRoot: true, fileExists}), KviewError);
  assert.ok(seen.includes('/etc/kubernetes/admin.conf'));
  const notRoot: string[] = [];
  assert.throws(() =>
    loadClusterConnection({
      ...base,
      isRoot: false,
      fileExists: (path) => {
        notRoot.push(path);
        return false;
      },
    }),
  );
  assert.ok(!notRoot.includes('/etc/kubernetes/admin.conf'));
});

test("no configuration: seed 003's message and its fix as the hint", () => {
  assert.throws(
    () => loadClusterConnection(base),
    (error: unknown) =>
      error instanceof KviewError &&
      error.kind === 'no-configuration' &&
      /no configuration has been provided/.test(error.message) &&
      /KUBECONFIG=\/etc\/kubernetes\/admin.conf/.test(error.hint),
  );
});

test('an unknown --context names the contexts that exist', () => {
  assert.throws(
    () => loadClusterConnection({...base, kubeconfigPath: first, context: 'nope'}),
    (error: unknown) => error instanceof KviewError && /ctx-one/.test(error.hint),
  );
});

test('a missing --kubeconfig file and a broken file are one-line errors', () => {
  assert.throws(() => loadClusterConnection({...base, kubeconfigPath: join(directory, 'nope')}), /does not exist/);
  const broken = join(directory, 'broken.yaml');
  writeFileSync(broken, 'clusters: [: not yaml');
  assert.throws(() => loadClusterConnection({...base, kubeconfigPath: broken}), /cannot read kubeconfig/);
});
