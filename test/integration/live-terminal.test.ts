import {test} from 'node:test';
import assert from 'node:assert/strict';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

const kview = new URL('../../bin/kview', import.meta.url).pathname;
const podName = `e2e-live-${process.pid}`;

function createPod(name: string): void {
  kubectl('-n', 'demo', 'run', name, '--image=kview.local/busybox:1', '--image-pull-policy=Never', '--restart=Never',
    '--overrides={"spec":{"hostNetwork":true,"terminationGracePeriodSeconds":0}}', '--command', '--', 'sleep', '3600');
}

test('in a real terminal: live pods, a deleted pod gone within two seconds, q restores the screen', async (context) => {
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-A'], {columns: 160, rows: 40});
  context.after(() => {
    terminal.close();
    kubectl('-n', 'demo', 'delete', 'pod', podName, '--ignore-not-found', '--wait=false');
  });
  await eventually('the live header and table', () => {
    const screen = terminal.screen();
    return /● live\s+\d+ pods/.test(screen) && /NAMESPACE\s+NAME\s+READY\s+STATUS/.test(screen) ? screen : undefined;
  });
  createPod(podName);
  await eventually('the new pod on screen', () => terminal.screen().includes(podName));
  kubectl('-n', 'demo', 'delete', 'pod', podName, '--wait=false', '--grace-period=0', '--force');
  const deletedAt = Date.now();
  await eventually('the deleted pod to leave the screen', () => !terminal.screen().includes(podName), 5000);
  const elapsed = Date.now() - deletedAt;
  assert.ok(elapsed < 2000, `gone after ${elapsed} ms`);

  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
  assert.equal(terminal.exitStatus(), 0);
  // Leaving the alternate screen brings back the pane's previous (empty) content: no table is left behind.
  assert.ok(!/NAMESPACE\s+NAME/.test(terminal.screen()), terminal.screen());
});

test('in a 40x10 terminal the table stays usable and a burst of resizes leaves it whole', async (context) => {
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-n', 'demo'], {columns: 40, rows: 10});
  context.after(() => terminal.close());
  await eventually('the first frame', () => terminal.screen().includes('● live'));
  for (const [columns, rows] of [[120, 30], [50, 12], [200, 50], [40, 10], [90, 20]] as const) {
    terminal.resize(columns, rows);
  }
  const screen = await eventually('a frame that fits 90x20', () => {
    const text = terminal.screen();
    const lines = text.split('\n');
    return lines.every((line) => line.length <= 90) && text.includes('NAME') && text.includes('<q/ctrl-c> quit')
      ? text : undefined;
  });
  assert.match(screen, /kview/);
  terminal.sendKeys('j');
  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
});
