import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {splitLines} from '../../src/cluster/line-splitter.js';
import type {LogSource, LogTarget} from '../../src/cluster/log-types.js';
import {waitForFrame} from './scripted-world.js';
import {scriptedSource} from './scripted-log-source.js';

// Colours on, so highlighting and escape handling are tested as a terminal would receive them.
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {LogView} = await import('../../src/ui/LogView.js');

const WIDTH = 80;
const HEIGHT = 14;
const target: LogTarget = {kind: 'pod', namespace: 'demo', pod: 'web-1'};

function renderLogs(context: TestContext, source: LogSource, writes: Array<[string, string]> = []) {
  const view = render(
    <LogView
      source={source}
      target={target}
      width={WIDTH}
      height={HEIGHT}
      isActive
      onBack={() => undefined}
      now={() => Date.parse('2026-11-22T09:30:00Z')}
      writeFile={(path, text) => {
        writes.push([path, text]);
        return Promise.resolve(path);
      }}
    />,
  );
  context.after(() => view.unmount());
  return view;
}

const visibleText = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');

test('hostile bytes cannot clear the screen, set the title or clipboard, or break the frame', async (context) => {
  const scripted = scriptedSource();
  const view = renderLogs(context, scripted.source);
  await waitForFrame(view.lastFrame, (frame) => frame.includes('Logs'));
  const invalidUtf8 =
    splitLines().push(
      Buffer.concat([Buffer.from('bad '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' bytes\n')]),
    )[0] ?? '';
  scripted.push(
    'before\u001b[2Jclear',
    'title\u001b]0;owned\u0007end',
    'clip\u001b]52;c;cm0gLXJmIC8=\u001b\\board',
    'progress 10%\rprogress 100%',
    invalidUtf8,
    `huge ${'x'.repeat(1024 * 1024)}`,
    'after all',
  );
  const frame = await waitForFrame(view.lastFrame, (text) => text.includes('after all'));
  for (const forbidden of ['\u001b[2J', '\u001b]', '\u0007', '\r']) assert.ok(!frame.includes(forbidden), forbidden);
  const text = visibleText(frame);
  assert.match(text, /beforeclear/);
  assert.match(text, /titleend/);
  assert.match(text, /clipboard/);
  assert.match(text, /progress 10%\ufffdprogress 100%/);
  assert.match(text, /bad \ufffd+ bytes/);
  const rows = text.split('\n');
  assert.ok(rows.length <= HEIGHT, `${rows.length} rows`);
  for (const row of rows) assert.ok(row.length <= WIDTH, `row of ${row.length}: ${row.slice(0, 40)}`);
});

test("a program's colours are drawn by kview; the escape sequence around them never reaches the terminal", async (context) => {
  const scripted = scriptedSource();
  const view = renderLogs(context, scripted.source);
  await waitForFrame(view.lastFrame, (frame) => frame.includes('Logs'));
  scripted.push(
    '\u001b[31;1mERROR\u001b[0m db \u001b[2Jdown \u001b]0;owned\u0007\u001b[38;5;208mslow\u001b[m',
    'after',
  );
  const frame = await waitForFrame(view.lastFrame, (text) => text.includes('after'));
  const row = frame.split('\n').find((line) => line.includes('ERROR')) ?? '';
  // Ink writes its own SGR for the styles: bold red, then the 256-colour orange.
  assert.match(row, /\u001b\[1m\u001b\[31mERROR|\u001b\[31m\u001b\[1mERROR/);
  assert.match(row, /\u001b\[38;5;208mslow/);
  assert.equal(visibleText(row), 'ERROR db down slow');
  for (const forbidden of ['\u001b[2J', '\u001b]', '\u0007']) assert.ok(!frame.includes(forbidden), forbidden);
});

test('scrolling up pauses follow and counts new lines; G resumes', async (context) => {
  const scripted = scriptedSource();
  const view = renderLogs(context, scripted.source);
  await waitForFrame(view.lastFrame, (frame) => frame.includes('follow'));
  scripted.push(...Array.from({length: 30}, (_, index) => `line ${index + 1}`));
  await waitForFrame(view.lastFrame, (frame) => frame.includes('line 30'));
  view.stdin.write('k');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('paused'));
  scripted.push('line 31', 'line 32');
  const paused = await waitForFrame(view.lastFrame, (frame) => frame.includes('2 new lines'));
  assert.ok(!paused.includes('line 32'));
  view.stdin.write('G');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('line 32') && frame.includes('● follow'));
});

test('a typed filter hides other lines and marks the matches', async (context) => {
  const scripted = scriptedSource();
  const view = renderLogs(context, scripted.source);
  await waitForFrame(view.lastFrame, (frame) => frame.includes('Logs'));
  scripted.push('GET /health 200', 'POST /orders 500', 'GET /health 200', 'POST /orders 201');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('201'));
  view.stdin.write('/');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('filter (regex'));
  view.stdin.write('orders');
  await waitForFrame(view.lastFrame, (frame) => visibleText(frame).includes('/orders '));
  view.stdin.write('\r');
  const frame = await waitForFrame(view.lastFrame, (text) => text.includes('2 matching lines'));
  assert.ok(!visibleText(frame).includes('/health'));
  assert.match(frame, /\u001b\[7m[^\n]*orders/);
});

test("an empty view says why, in the stream's own words", async (context) => {
  const scripted = scriptedSource();
  const view = renderLogs(context, scripted.source);
  await waitForFrame(view.lastFrame, (frame) => frame.includes('Logs'));
  scripted.sink()?.status({
    streamId: 'demo/web-1/app',
    pod: 'web-1',
    container: 'app',
    phase: 'waiting',
    message: 'container "app" in pod "web-1" is waiting to start: ContainerCreating',
    lines: 0,
  });
  await waitForFrame(view.lastFrame, (frame) =>
    /web-1\/app: waiting: container "app" in pod "web-1" is waiting/.test(visibleText(frame)),
  );
});

test('a since preset reopens the stream with the new window; S saves the buffer', async (context) => {
  const scripted = scriptedSource();
  const writes: Array<[string, string]> = [];
  const view = renderLogs(context, scripted.source, writes);
  await waitForFrame(view.lastFrame, (frame) => frame.includes('Logs'));
  view.stdin.write('2');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('[5m]'));
  await waitForFrame(
    () => String(scripted.opens.length),
    (opens) => opens === '2',
  );
  assert.deepEqual(scripted.opens.at(-1)?.window, {kind: 'since', seconds: 300});
  scripted.push('saved line');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('saved line'));
  view.stdin.write('S');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('save buffer to'));
  view.stdin.write('\r');
  await waitForFrame(view.lastFrame, (frame) => frame.includes('saved 1 lines to'));
  assert.equal(writes[0]?.[1], '2026-11-22T09:00:00.000000000Z saved line\n');
});

test('i lists every stream with its own status line, and hides them again', async (context) => {
  const scripted = scriptedSource();
  const view = renderLogs(context, scripted.source);
  await waitForFrame(view.lastFrame, (frame) => frame.includes('Logs'));
  scripted
    .sink()
    ?.status({streamId: 'demo/web-1/app', pod: 'web-1', container: 'app', phase: 'streaming', message: '', lines: 3});
  scripted.sink()?.status({
    streamId: 'demo/web-2/app',
    pod: 'web-2',
    container: 'app',
    phase: 'waiting',
    message: 'container is waiting: ContainerCreating',
    lines: 0,
  });
  view.stdin.write('i');
  const frame = await waitForFrame(view.lastFrame, (text) => visibleText(text).includes('web-1/app  streaming'));
  assert.match(visibleText(frame), /web-2\/app {2}waiting: container is waiting: ContainerCreating/);
  view.stdin.write('i');
  await waitForFrame(view.lastFrame, (text) => !visibleText(text).includes('web-1/app  streaming'));
});
