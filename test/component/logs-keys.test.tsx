import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import type {LogTarget} from '../../src/cluster/log-types.js';
import {keymap} from '../../src/state/keymap.js';
import {waitForFrame} from './scripted-world.js';
import {APP, scriptedSource, SIDECAR} from './scripted-log-source.js';

// Every key of the log view pressed in the real LogView, with what the operator would see afterwards or the
// request the view would send. (Movement and the other global keys are covered by keys.test.tsx.)
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {LogView} = await import('../../src/ui/LogView.js');
const {ClipboardContext} = await import('../../src/ui/use-clipboard.js');
// A terminal that takes OSC 52 as it is, whatever terminal the tests run in.
const XTERM = {term: 'xterm-256color', inTmux: false, inScreen: false};

const target: LogTarget = {kind: 'pod', namespace: 'demo', pod: 'web-1'};
const exercised = new Set<string>();
const visible = (frame: string | undefined) => (frame ?? '').replace(/\u001b\[[0-9;]*m/g, '');

function start(context: TestContext) {
  const writes: string[] = [];
  const {source, opens, push, sink} = scriptedSource([APP, SIDECAR]);
  const view = render(
    <ClipboardContext.Provider value={XTERM}>
      <LogView
        source={source}
        target={target}
        width={90}
        height={16}
        isActive
        onBack={() => {}}
        now={() => Date.parse('2026-11-22T09:30:00Z')}
        writeFile={(path) => {
          writes.push(path);
          return Promise.resolve(path);
        }}
      />
    </ClipboardContext.Provider>,
  );
  context.after(() => view.unmount());
  const frame = () => visible(view.lastFrame());
  const press = async (label: string, sequence: string, until: () => boolean) => {
    exercised.add(label);
    view.stdin.write(sequence);
    await waitForFrame(frame, () => until()).catch((error: unknown) => {
      throw new Error(`after ${label}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  const status = (phase: 'streaming' | 'waiting', message: string) =>
    sink()?.status({streamId: 'demo/web-1/app', pod: 'web-1', container: 'app', phase, message, lines: 0});
  // What was copied: the text of the last OSC 52 written to the terminal.
  const copied = () => {
    const sequence = view.stdout.frames.filter((written) => written.startsWith('\u001b]52;c;')).at(-1);
    return sequence === undefined ? undefined : Buffer.from(sequence.slice(7, -1), 'base64').toString('utf8');
  };
  return {opens, writes, push, status, frame, press, copied};
}

test('follow, wrap, scroll, timestamps, JSON, streams', async (context) => {
  const {push, status, frame, press} = start(context);
  await waitForFrame(frame, (text) => text.includes('Logs demo/web-1'));
  status('streaming', '');
  push('{"level":"error","msg":"db down"}', `wide ${'abcdefghij'.repeat(20)} END`);
  await waitForFrame(frame, (text) => text.includes('db down'));
  await press('s', 's', () => frame().includes('paused'));
  await press('s', 's', () => frame().includes('● follow'));
  await press('w', 'w', () => frame().includes('wrap') && frame().includes('END'));
  await press('w', 'w', () => !frame().includes('END'));
  await press('l', 'l', () => !frame().includes('wide abc'));
  await press('h', 'h', () => frame().includes('wide abc'));
  await press('→', '\u001b[C', () => !frame().includes('wide abc'));
  await press('←', '\u001b[D', () => frame().includes('wide abc'));
  await press('t', 't', () => frame().includes('time UTC') && frame().includes('2026-11-22 09:00:00'));
  await press('t', 't', () => frame().includes('time local'));
  await press('J', 'J', () => frame().includes('json compact'));
  await press('J', 'J', () => frame().includes('json pretty'));
  await press('i', 'i', () => frame().includes('web-1/app  streaming'));
});

test('filter, highlight, matches and context; marker, clear and save', async (context) => {
  const {push, frame, press, writes} = start(context);
  await waitForFrame(frame, (text) => text.includes('Logs demo/web-1'));
  push('order 1 placed', 'noise a', 'order 2 placed', 'noise b', 'order 3 placed');
  await waitForFrame(frame, (text) => text.includes('order 3 placed'));
  await press('/', '/order', () => frame().includes('order'));
  await press('Enter', '\r', () => frame().includes('filter /order/') && !frame().includes('noise a'));
  await press('x', 'x', () => frame().includes('±1') && frame().includes('noise a'));
  await press('H', 'H', () => frame().includes('highlight /order/'));
  await press('n', 'n', () => frame().includes('paused'));
  await press('N', 'N', () => frame().includes('paused'));
  await press('m', 'm', () => frame().includes('── marker'));
  await press('C', 'C', () => !frame().includes('order 1 placed'));
  await press('S', 'S', () => frame().includes('save buffer to'));
  await press('Enter', '\r', () => writes.length === 1);
});

test('window and source: tail, since presets, typed since, whole log, previous, containers', async (context) => {
  const {opens, frame, press} = start(context);
  await waitForFrame(frame, (text) => text.includes('[tail 100]'));
  const presets: Array<[string, string]> = [
    ['1', '1m'],
    ['2', '5m'],
    ['3', '15m'],
    ['4', '30m'],
    ['5', '1h'],
  ];
  for (const [digit, label] of presets) await press(digit, digit, () => frame().includes(`[${label}]`));
  await press('6', '6', () => frame().includes('[all]'));
  await press('0', '0', () => frame().includes('[tail 100]'));
  await press('@', '@', () => frame().includes('since (90s'));
  await press('@', '90s', () => frame().includes('90s'));
  await press('Enter', '\r', () => frame().includes('[90s]'));
  await press('p', 'p', () => frame().includes('[previous]') && opens.at(-1)?.previous === true);
  await press('p', 'p', () => !frame().includes('[previous]'));
  await press('c', 'c', () => opens.at(-1)?.container === 'sidecar');
  await press('a', 'a', () => frame().includes('all containers') && opens.at(-1)?.allContainers === true);
});

test('y copies the lines on screen, Y the whole buffer, as text without the escape sequences they carried', async (context) => {
  const {push, frame, press, copied} = start(context);
  await waitForFrame(frame, (text) => text.includes('Logs demo/web-1'));
  const lines = Array.from({length: 30}, (_, index) => `line ${index}`);
  push(...lines, 'last \u001b[31mred\u001b[0m \u001b]52;c;aGk=\u0007end');
  await waitForFrame(frame, (text) => text.includes('last red end'));
  await press('y', 'y', () => /copied \d+ visible lines \(\d+ bytes\)/.test(frame()));
  const visible = copied() ?? '';
  assert.ok(visible.endsWith('line 29\nlast red end\n'), visible);
  assert.ok(!visible.includes('line 0\n'), 'only the lines on screen');
  await press('Y', 'Y', () => frame().includes('copied 31 lines ('));
  assert.equal(copied(), `${lines.join('\n')}\nlast red end\n`);
});

test('every log view key was pressed by a test above', () => {
  const missing = keymap
    .filter((binding) => binding.scope === 'logs')
    .flatMap((binding) => binding.keys.map((spec) => spec.label))
    .filter((label) => !exercised.has(label));
  assert.deepEqual(missing, []);
});
