import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {openClusterSession} from '../../src/cluster/cluster-session.js';
import {KviewError} from '../../src/cluster/kview-error.js';
import {errorLine} from '../../src/resources/error-line.js';

// :ctx on a kubeconfig whose other entries have gone bad since kview started: the switch throws kview's own
// one-line error (the App shows it as a flash line and stays), and the current session is untouched.
function kubeconfigFile(context: TestContext, text: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'kview-ctx-'));
  context.after(() => rmSync(directory, {recursive: true, force: true}));
  const path = join(directory, 'config');
  writeFileSync(path, text);
  return path;
}

const CONFIG = `apiVersion: v1
kind: Config
clusters:
- name: good
  cluster: {server: 'https://127.0.0.1:1'}
users:
- name: someone
  user: {token: t}
contexts:
- name: working
  context: {cluster: good, user: someone}
- name: no-cluster
  context: {cluster: deleted-cluster, user: someone}
current-context: working
`;

const request = (kubeconfigPath: string) => ({
  kubeconfigPath,
  environment: {},
  homeDirectory: '/nonexistent',
  isRoot: false,
});

test('switching to a context whose cluster entry is gone is one KviewError line; the session stays', (context) => {
  const session = openClusterSession(request(kubeconfigFile(context, CONFIG)));
  let thrown: unknown;
  try {
    session.withContext('no-cluster');
  } catch (error) {
    thrown = error;
  }
  assert.ok(thrown instanceof KviewError, "kview's own error, not a library exception");
  assert.equal(errorLine(thrown).includes('\n'), false);
  assert.match(errorLine(thrown), /has no usable current context \(pick one with --context NAME/);
  assert.equal(session.connection.contextName, 'working');
});

test('switching to a context that was removed from the file says which contexts there are', (context) => {
  const session = openClusterSession(request(kubeconfigFile(context, CONFIG)));
  assert.throws(
    () => session.withContext('renamed-away'),
    (error: unknown) =>
      error instanceof KviewError &&
      /context "renamed-away" does not exist/.test(errorLine(error)) &&
      /known contexts: working, no-cluster/.test(errorLine(error)),
  );
});
