import {test} from 'node:test';
import assert from 'node:assert/strict';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

const kview = new URL('../../bin/kview', import.meta.url).pathname;

test('a restricted user gets the views RBAC allows and a clear forbidden line elsewhere', async (context) => {
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '--context', 'kview-restricted'], {
    columns: 180,
    rows: 30,
  });
  context.after(() => terminal.close());
  await eventually(
    'the pods of demo',
    () => /● live\s+\d+ pods/.test(terminal.screen()) && terminal.screen().includes('ticker'),
  );
  terminal.sendKeys(':no', 'Enter');
  await eventually('the nodes view refused', () =>
    /nodes is forbidden: User "kview-viewer" cannot list resource "nodes"/.test(terminal.screen()),
  );
  terminal.sendKeys(':pods kube-system', 'Enter');
  await eventually('kube-system refused', () =>
    /pods is forbidden: User "kview-viewer" cannot list resource "pods" .*namespace "kube-system"/.test(
      terminal.screen().replace(/\n/g, ' '),
    ),
  );
  // A namespace the user cannot list namespaces to find, but may read, is typed by name.
  terminal.sendKeys(':pods demo', 'Enter');
  await eventually('demo again', () => terminal.screen().includes('ticker') && /● live/.test(terminal.screen()));
  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
});

test("the nodes view counts each node's pods and taints, and the events view shows Warnings first", async (context) => {
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-A'], {columns: 200, rows: 40});
  context.after(() => terminal.close());
  await eventually('the live table', () => /● live\s+\d+ pods/.test(terminal.screen()));
  terminal.sendKeys(':nodes', 'Enter');
  const onLocalhost = kubectl('get', 'pods', '-A', '--field-selector', 'spec.nodeName=localhost', '--no-headers')
    .split('\n')
    .filter(Boolean).length;
  await eventually('localhost with its pod count', () =>
    new RegExp(`\\nlocalhost\\s+Ready\\s+<none>\\s+\\S+\\s+v1\\.20\\.2\\s+${onLocalhost}\\s+0`).test(
      `\n${terminal.screen()}`,
    ),
  );
  const taints = (JSON.parse(kubectl('get', 'node', 'worker-cordoned', '-o', 'jsonpath={.spec.taints}')) as unknown[])
    .length;
  assert.match(
    terminal.screen(),
    new RegExp(`worker-cordoned\\s+Ready,SchedulingDisabled\\s+worker\\s+\\S+\\s+v1\\.20\\.2\\s+0\\s+${taints}`),
  );
  terminal.sendKeys(':events', 'Enter');
  await eventually('events, newest first', () =>
    /LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/.test(terminal.screen()),
  );
  terminal.sendKeys('f');
  await eventually('only Warnings', () => {
    const rows = terminal
      .screen()
      .split('\n')
      .filter((line) => /^\S+\s+\d+\S*( \(x\d+ over \S+\))?\s+(Normal|Warning)\s/.test(line));
    return rows.length > 0 && rows.every((line) => /\sWarning\s/.test(line));
  });
});
