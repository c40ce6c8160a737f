import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {ensureNode, LTS_NODE_VERSION} from '../../scripts/node-release.js';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// The bundle on the current LTS Node.js (the suites run on the engines floor): it starts, reaches the cluster and
// draws live pods, and the newer runtime prints nothing of its own (Node 22+ warns about the punycode module that
// an old dependency requires; the build bundles the userland copy instead).
const node = process.env.KVIEW_LTS_NODE ?? ensureNode(LTS_NODE_VERSION);
const bundle = new URL('../../dist/kview.mjs', import.meta.url).pathname;

test(`the bundle on Node ${LTS_NODE_VERSION}: --check says ok and nothing else reaches stderr`, () => {
  const version = spawnSync(node, ['--version'], {encoding: 'utf8'}).stdout.trim();
  assert.equal(version, `v${LTS_NODE_VERSION}`);
  const check = spawnSync(node, [bundle, '--check', '--kubeconfig', kubeconfigPath, '-A'], {encoding: 'utf8'});
  assert.equal(check.status, 0, check.stderr);
  assert.match(check.stdout, /^ok: context kview-admin .* pods readable in all namespaces\n$/);
  assert.equal(check.stderr, '');
});

test(`the bundle on Node ${LTS_NODE_VERSION} in a terminal: every demo pod live, q exits 0`, async (context) => {
  const terminal = new TmuxTerminal([node, bundle, '--kubeconfig', kubeconfigPath, '-n', 'demo'], {
    columns: 160,
    rows: 30,
  });
  context.after(() => terminal.close());
  const expected = kubectl('get', 'pods', '-n', 'demo', '-o', 'jsonpath={.items[*].metadata.name}').split(' ');
  await eventually('every demo pod on screen, live', () => {
    const screen = terminal.screen();
    return /● live/.test(screen) && expected.every((name) => screen.includes(name));
  });
  assert.doesNotMatch(terminal.screen(), /Warning|DeprecationWarning/);
  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
  assert.equal(terminal.exitStatus(), 0);
});
