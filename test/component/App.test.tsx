import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {keymap} from '../../src/state/keymap.js';
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
  // ink-testing-library keeps colours; the selected row is the inverse one.
  return frame.split('\n').find((line) => line.includes('\u001b[7m'));
}

test('shows the header, the kubectl equivalent and the pods of every namespace', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  world.sink().state({phase: 'live', since: 0});
  world.sink().snapshot(podColumns, [podRow('demo', 'web-1'), podRow('kube-system', 'etcd-localhost')]);
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('etcd-localhost'));
  assert.match(frame, /context: ctx-test/);
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
  world.sink().snapshot(podColumns, [podRow('demo', 'a'), podRow('demo', 'b'), podRow('demo', 'c')]);
  await waitForFrame(app.lastFrame, (text) => /demo\s+c/.test(text));
  assert.match(selectedLine(app.lastFrame() ?? '') ?? '', /\ba\b/);
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
  world.sink().snapshot(podColumns, [podRow('demo', 'keep'), podRow('demo', 'doomed')]);
  await waitForFrame(app.lastFrame, (text) => text.includes('doomed'));
  world.sink().changes([{type: 'DELETED', row: podRow('demo', 'doomed')}, {type: 'ADDED', row: podRow('demo', 'fresh')}]);
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('fresh'));
  assert.ok(!frame.includes('doomed'));
});

test('? opens a help generated from the keymap, listing every binding', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  app.stdin.write('?');
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('Keys'));
  for (const binding of keymap) assert.ok(frame.includes(binding.description), binding.description);
  app.stdin.write('?');
  await waitForFrame(app.lastFrame, (text) => !text.includes('show or hide this help'));
});

test('the hint bar comes from the keymap', async (context) => {
  const app = renderApp(context, scriptedWorld());
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('quit'));
  for (const binding of keymap.filter((entry) => entry.hint)) assert.ok(frame.includes(binding.hint ?? ''));
});

test('a lost connection is said in the header, with the hint', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  world.sink().state({phase: 'disconnected', message: 'the connection to the server 127.0.0.1:6443 was refused',
    hint: 'is the API server up?', retryInMs: 1000, attempt: 2});
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('disconnected'));
  assert.match(frame, /was refused; retrying in 1s \(attempt 2\)/);
});

test('a hostile pod name cannot clear the screen or set the title', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  world.sink().snapshot(podColumns, [podRow('demo', 'evil\u001b[2J\u001b]0;owned\u0007name')]);
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('evilname'));
  assert.ok(!frame.includes('\u001b[2J'));
  assert.ok(!frame.includes('\u001b]0;'));
});

test('q quits', async (context) => {
  const world = scriptedWorld();
  const app = renderApp(context, world);
  app.stdin.write('q');
  await waitForFrame(() => String(world.stops), (stops) => stops === '1');
});
