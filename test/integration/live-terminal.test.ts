import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createSleeperPod, eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

const kview = new URL('../../bin/kview', import.meta.url).pathname;
const podName = `e2e-live-${process.pid}`;

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
  createSleeperPod(podName);
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
  for (const [columns, rows] of [
    [120, 30],
    [50, 12],
    [200, 50],
    [40, 10],
    [90, 20],
  ] as const) {
    terminal.resize(columns, rows);
  }
  const screen = await eventually('a frame that fits 90x20', () => {
    const text = terminal.screen();
    const lines = text.split('\n');
    return lines.every((line) => line.length <= 90) && text.includes('NAME') && text.includes('<q/ctrl-c> quit')
      ? text
      : undefined;
  });
  assert.match(screen, /kview/);
  terminal.sendKeys('j');
  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
});

// The bundled Ink lets the terminal scroll rows that only shifted (build.mjs); what the terminal then shows must
// be what a full redraw shows. Ages tick while the test runs, so they are left out of the comparison.
test("moving past the window's edges (the terminal scrolls the shifted rows) leaves what a full redraw draws", async (context) => {
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-A'], {columns: 130, rows: 24});
  context.after(() => terminal.close());
  await eventually('the live table', () => /● live\s+\d+ pods/.test(terminal.screen()) || undefined);
  const comparable = (screen: string) =>
    screen
      .split('\n')
      .map((line) =>
        line
          .slice(0, 119)
          .replace(/\b\d+(?:[smhd]\d*)+\b/g, '')
          .trimEnd(),
      )
      .join('\n');
  // A screen read twice the same, which holds the frame it should (resizes draw frames in between).
  const settled = (what: string, holds: (screen: string) => boolean) =>
    eventually(what, () => {
      const first = terminal.screen();
      return first === terminal.screen() && holds(first) ? first : undefined;
    });
  // Every pod's resourceVersion: a change between two frames (a crash-looping pod restarting) changes it.
  const podVersions = () =>
    kubectl('get', 'pods', '-A', '-o', 'jsonpath={range .items[*]}{.metadata.resourceVersion} {end}');
  // Narrowing the terminal makes Ink clear the screen and draw the whole frame again; at 120 columns the hint bar
  // has no room for "<Esc> back", which tells that frame has been drawn. Widening redraws only the lines that
  // differ (the hint bar): the table rows stay as the clear drew them.
  const redraw = async () => {
    terminal.resize(120, 24);
    await settled('the frame drawn at 120 columns', (screen) => !screen.includes('<Esc> back'));
    terminal.resize(130, 24);
    return settled('the frame drawn at 130 columns again', (screen) => screen.includes('<Esc> back'));
  };
  const selected: string[] = [];
  const steps: string[][] = [
    Array<string>(15).fill('j'),
    Array<string>(12).fill('k'),
    ['G'],
    Array<string>(7).fill('k'),
    ['PageUp'],
    Array<string>(20).fill('j'),
  ];
  for (const keys of steps) {
    const before = terminal.selectedLine();
    let versions = podVersions();
    terminal.sendKeys(...keys);
    await eventually('the cursor to move', () => terminal.selectedLine() !== before || undefined);
    let scrolled = await settled('the moved frame', (screen) => screen.includes('<Esc> back'));
    let redrawn = await redraw();
    // A pod that changed between the two frames (a restart count, re-measured columns) makes them show different
    // data: both are taken again after one more move that scrolls.
    for (let attempt = 0; attempt < 5 && podVersions() !== versions; attempt++) {
      versions = podVersions();
      const at = terminal.selectedLine();
      const lines = redrawn.split('\n');
      const first = lines[lines.findIndex((line) => /NAMESPACE\s+NAME/.test(line)) + 1] ?? '';
      // Up then down, or down then up on the first row: the cursor ends where it was.
      terminal.sendKeys(...(first.trim() === at.trim() ? ['j', 'k'] : ['k', 'j']));
      await eventually('the cursor back', () => terminal.selectedLine() === at || undefined);
      scrolled = await settled('the moved frame', (screen) => screen.includes('<Esc> back'));
      redrawn = await redraw();
    }
    assert.equal(comparable(scrolled), comparable(redrawn));
    selected.push(terminal.selectedLine().trim().split(/\s+/).slice(0, 2).join('/'));
  }
  assert.equal(new Set(selected).size, selected.length, `each step selected another pod: ${selected.join(' ')}`);
});
