import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {bindingsForHelp, keyLabels} from '../../src/state/keymap.js';
import type {World} from '../../src/ui/world.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';

const DOWN = '\u001b[B';

// Colours must be on for the inverse selection to show; chalk reads FORCE_COLOR when ink is first imported.
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {App} = await import('../../src/ui/App.js');

// Unmounted even when an assertion fails, so a failing test cannot leave timers that keep the run alive.
function renderApp(context: TestContext, world: World) {
  const app = render(<App world={world} />);
  context.after(() => app.unmount());
  return app;
}

function selectedLine(frame: string): string | undefined {
  return frame.split('\n').find((line) => line.includes('\u001b[7m'));
}

test('shows the header, the kubectl equivalent and the pods of every namespace', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  await waitForFrame(app.lastFrame, () => world.watches.length > 0);
  world.sink().state({phase: 'live', since: 0});
  world.sink().snapshot(podColumns, [podRow('demo', 'web-1'), podRow('kube-system', 'etcd-localhost')]);
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('etcd-localhost'));
  assert.match(frame, /ctx: ctx-test/);
  assert.match(frame, /kubectl get pods -A/);
  assert.match(frame, /NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  assert.match(frame, /demo\s+web-1\s+1\/1\s+Running\s+0\s+60m/);
  assert.match(frame, /live\s+2 pods/);
  app.unmount();
  assert.equal(world.stops, 1, 'unmounting stops the watch');
});

test('j and the down arrow move the selection; w shows the wide columns', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  await waitForFrame(app.lastFrame, () => world.watches.length > 0);
  world.sink().snapshot(podColumns, [podRow('demo', 'a'), podRow('demo', 'b'), podRow('demo', 'c')]);
  await waitForFrame(app.lastFrame, (text) => /\bb\b/.test(text) && /\ba\b/.test(selectedLine(text) ?? ''));
  app.stdin.write('j');
  await waitForFrame(app.lastFrame, (text) => /\bb\b/.test(selectedLine(text) ?? ''));
  app.stdin.write(DOWN);
  await waitForFrame(app.lastFrame, (text) => /\bc\b/.test(selectedLine(text) ?? ''));
  app.stdin.write('w');
  const wide = await waitForFrame(app.lastFrame, (text) => text.includes('NOMINATED NODE'));
  assert.match(wide, /kubectl get pods -A -o wide/);
});

test('a deleted pod disappears and an added one appears', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  await waitForFrame(app.lastFrame, () => world.watches.length > 0);
  world.sink().snapshot(podColumns, [podRow('demo', 'keep'), podRow('demo', 'doomed')]);
  await waitForFrame(app.lastFrame, (text) => text.includes('doomed'));
  world.sink().changes([
    {type: 'DELETED', row: podRow('demo', 'doomed')},
    {type: 'ADDED', row: podRow('demo', 'fresh')},
  ]);
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('fresh'));
  assert.ok(!frame.includes('doomed'));
});

test('? opens a help generated from the keymap, listing every binding of the view', async (context) => {
  const app = renderApp(context, scriptedWorld());
  app.stdin.write('?');
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('Keys'));
  // Descriptions are cut to the column width of the 100-column test terminal; their starts must all be there.
  for (const binding of bindingsForHelp('table')) {
    assert.ok(frame.includes(keyLabels(binding)), keyLabels(binding));
    assert.ok(frame.includes(binding.description.slice(0, 12)), binding.description);
  }
  app.stdin.write('?');
  await waitForFrame(app.lastFrame, (text) => !text.includes('show or hide this help'));
});

test('the hint bar comes from the keymap', async (context) => {
  const app = renderApp(context, scriptedWorld());
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('quit'));
  const hintLine = (frame.split('\n').find((line) => line.includes('<q/ctrl-c>')) ?? '').replace(
    /\u001b\[[0-9;]*m/g,
    '',
  );
  // Every hint shown is a keymap hint, and help and quit are always there however narrow the terminal.
  const hints = bindingsForHelp('table').filter((entry) => entry.hint);
  const shown = [...hintLine.matchAll(/<([^>]+)> (\S+)/g)].map((match) => `${match[1]} ${match[2]}`);
  assert.ok(shown.length >= 5, hintLine);
  for (const entry of shown)
    assert.ok(
      hints.some((binding) => `${keyLabels(binding)} ${binding.hint}` === entry),
      entry,
    );
  assert.ok(shown.includes('? help') && shown.includes('q/ctrl-c quit'), hintLine);
});

test('a lost connection is said in the status line, with the hint', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  await waitForFrame(app.lastFrame, () => world.watches.length > 0);
  world.sink().state({
    phase: 'disconnected',
    message: 'the connection to the server 127.0.0.1:6443 was refused',
    hint: 'is the API server up?',
    retryInMs: 1000,
    attempt: 2,
  });
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('disconnected'));
  assert.match(frame, /was refused; retrying in 1s \(attempt 2\)/);
});

test('a hostile pod name cannot clear the screen or set the title', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  await waitForFrame(app.lastFrame, () => world.watches.length > 0);
  world.sink().snapshot(podColumns, [podRow('demo', 'evil\u001b[2J\u001b]0;owned\u0007name')]);
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('evilname'));
  assert.ok(!frame.includes('\u001b[2J'));
  assert.ok(!frame.includes('\u001b]0;'));
});

test('q quits', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  await waitForFrame(app.lastFrame, () => world.watches.length > 0);
  app.stdin.write('q');
  await waitForFrame(
    () => String(world.stops),
    (stops) => stops === '1',
  );
});
