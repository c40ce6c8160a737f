import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {LogLine, LogRequest} from '../../src/cluster/log-types.js';
import {appendLines, emptyBuffer, firstSeq} from '../../src/state/log-buffer.js';
import {itemsFrom} from '../../src/state/log-chunked-list.js';
import {initialLogViewState, logViewReducer} from '../../src/state/log-view-state.js';
import type {LogViewAction, LogViewState} from '../../src/state/log-view-state.js';
import {logWindow} from '../../src/state/log-window.js';
import type {Command} from '../../src/state/keymap.js';
import {namedZone, UTC_ZONE} from '../../src/resources/time-zone.js';

const NOW = Date.parse('2026-11-22T09:00:00Z');
const request: LogRequest = {window: {kind: 'tail', lines: 100}, follow: true, previous: false, allContainers: false};

function lines(from: number, to: number, word = 'line'): LogLine[] {
  return Array.from({length: to - from + 1}, (_, index) => ({
    streamId: 'ns/pod/app',
    timestamp: '2026-11-22T09:00:00.000000000Z',
    text: `${word} ${from + index}`,
    kind: 'line' as const,
  }));
}

function run(state: LogViewState, ...actions: LogViewAction[]): LogViewState {
  return actions.reduce(logViewReducer, state);
}

const command = (name: Command): LogViewAction => ({type: 'command', command: name, now: NOW});
const type = (text: string): LogViewAction[] => [
  {type: 'promptKey', key: {kind: 'text', text}, now: NOW},
  {type: 'promptKey', key: {kind: 'enter'}, now: NOW},
];
const shown = (state: LogViewState) => logWindow(state, () => 1).entries.map((entry) => entry.line.text);
const start = (height = 5, zone = UTC_ZONE) =>
  initialLogViewState({request, suggestedSavePath: '/tmp/x.log', width: 80, height, zone});

test('the buffer keeps the newest lines within its line and memory limits and counts what it dropped', () => {
  let buffer = emptyBuffer({maxLines: 1000, maxCost: 1e9});
  for (let batch = 0; batch < 5; batch++) buffer = appendLines(buffer, lines(batch * 700 + 1, batch * 700 + 700));
  assert.equal(buffer.entries.length, 1000);
  assert.equal(buffer.dropped, 2500);
  assert.equal([...itemsFrom(buffer.entries, 0)][0]?.line.text, 'line 2501');
  assert.equal(firstSeq(buffer), 2500);
  const small = appendLines(emptyBuffer({maxLines: 1e6, maxCost: 10_000}), lines(1, 1000));
  assert.ok(small.cost <= 10_000 && small.entries.length > 0 && small.dropped === 1000 - small.entries.length);
});

test('following shows the newest lines; scrolling up pauses and counts new lines; G resumes', () => {
  let state = run(start(), {type: 'received', requestVersion: 0, lines: lines(1, 20), statuses: []});
  assert.deepEqual(shown(state), ['line 16', 'line 17', 'line 18', 'line 19', 'line 20']);
  state = run(state, command('cursor.up'), {type: 'received', requestVersion: 0, lines: lines(21, 23), statuses: []});
  assert.equal(state.isFollowing, false);
  assert.equal(state.newWhilePaused, 3);
  assert.deepEqual(shown(state), ['line 15', 'line 16', 'line 17', 'line 18', 'line 19']);
  state = run(state, command('cursor.bottom'));
  assert.equal(state.newWhilePaused, 0);
  assert.deepEqual(shown(state).at(-1), 'line 23');
});

test('a filter hides other lines, with context lines, incrementally as lines arrive', () => {
  let state = run(
    start(20),
    {type: 'received', requestVersion: 0, lines: lines(1, 10), statuses: []},
    command('app.filter'),
    ...type('^line (4|12)$'),
    command('logs.cycleContext'),
  );
  assert.deepEqual(shown(state), ['line 3', 'line 4', 'line 5']);
  state = run(state, {type: 'received', requestVersion: 0, lines: lines(11, 14), statuses: []});
  assert.deepEqual(shown(state), ['line 3', 'line 4', 'line 5', 'line 11', 'line 12', 'line 13']);
  state = run(state, command('logs.toggleHighlightOnly'));
  assert.equal(shown(state).length, 14);
  state = run(state, command('app.back'));
  assert.equal(state.index.filter, undefined);
});

test('! inverts the filter and an invalid expression is reported, not thrown', () => {
  let state = run(
    start(20),
    {type: 'received', requestVersion: 0, lines: lines(1, 3), statuses: []},
    command('app.filter'),
    ...type('!2'),
  );
  assert.deepEqual(shown(state), ['line 1', 'line 3']);
  state = run(
    state,
    command('app.filter'),
    {type: 'promptKey', key: {kind: 'backspace'}, now: NOW},
    {type: 'promptKey', key: {kind: 'backspace'}, now: NOW},
    ...type('(unclosed'),
  );
  assert.match(state.message ?? '', /invalid regular expression/);
});

test('n and N jump between matches, wrapping around', () => {
  let state = run(
    start(3),
    {type: 'received', requestVersion: 0, lines: lines(1, 50), statuses: []},
    command('app.filter'),
    ...type('^line (10|20|30)$'),
    command('logs.toggleHighlightOnly'),
    command('cursor.top'),
  );
  state = run(state, command('logs.nextMatch'));
  assert.equal(state.message, 'match 1 of 3');
  assert.ok(shown(state).includes('line 10'));
  state = run(state, command('logs.nextMatch'), command('logs.nextMatch'), command('logs.nextMatch'));
  assert.equal(state.message, 'match 1 of 3');
  state = run(state, command('logs.previousMatch'));
  assert.ok(shown(state).includes('line 30'));
});

test('since presets and a typed since change the request and clear the view; a bad one is explained', () => {
  let state = run(
    start(),
    {type: 'received', requestVersion: 0, lines: lines(1, 5), statuses: []},
    command('logs.since15m'),
  );
  assert.deepEqual(state.request.window, {kind: 'since', seconds: 900});
  assert.equal(state.requestVersion, 1);
  assert.equal(state.buffer.entries.length, 0);
  state = run(state, command('logs.sinceTyped'), ...type('1h30m'));
  assert.deepEqual(state.request.window, {kind: 'since', seconds: 5400});
  state = run(state, command('logs.sinceTyped'), ...type('2026-11-22T08:00:00Z'));
  assert.deepEqual(state.request.window, {kind: 'sinceTime', time: '2026-11-22T08:00:00Z'});
  // today / yesterday: local midnight, as journalctl --since today reads it.
  state = run(state, command('logs.sinceTyped'), ...type('today'));
  const midnight = new Date(NOW);
  midnight.setHours(0, 0, 0, 0);
  assert.deepEqual(state.request.window, {kind: 'sinceTime', time: midnight.toISOString().replace('.000Z', 'Z')});
  state = run(state, command('logs.sinceTyped'), ...type('yesterday'));
  midnight.setDate(midnight.getDate() - 1);
  assert.deepEqual(state.request.window, {kind: 'sinceTime', time: midnight.toISOString().replace('.000Z', 'Z')});
  // A bare number is a line count, as kubectl logs --tail and journalctl -n.
  state = run(state, command('logs.sinceTyped'), ...type('5000'));
  assert.deepEqual(state.request.window, {kind: 'tail', lines: 5000});
  state = run(state, command('logs.sinceTyped'), ...type('last tuesday'));
  assert.equal(state.requestVersion, 6);
  assert.match(state.message ?? '', /not a duration/);
  state = run(state, command('logs.sinceTail'));
  assert.deepEqual(state.request.window, {kind: 'tail', lines: 100});
});

test('the dropped-lines marker shows at the top of a rotated buffer', () => {
  const state = run(
    initialLogViewState({request, suggestedSavePath: '', width: 80, height: 5, limits: {maxLines: 10, maxCost: 1e9}}),
    {type: 'received', requestVersion: 0, lines: lines(1, 25), statuses: []},
    command('cursor.top'),
  );
  const window = logWindow(state, () => 1);
  assert.equal(window.showsDroppedMarker, true);
  assert.equal(state.buffer.dropped, 15);
  assert.deepEqual(
    window.entries.map((entry) => entry.line.text),
    ['line 16', 'line 17', 'line 18', 'line 19'],
  );
});

test('a marker line is added and follow resumes', () => {
  const state = run(
    start(),
    {type: 'received', requestVersion: 0, lines: lines(1, 10), statuses: []},
    command('cursor.top'),
    command('logs.marker'),
  );
  assert.equal(state.isFollowing, true);
  assert.deepEqual(shown(state).at(-1), '── marker 09:00:00 +0000 ──');
});

test("a marker's time is in the view's zone, offset included", () => {
  const state = run(start(5, namedZone('Asia/Kolkata')), command('logs.marker'));
  assert.deepEqual(shown(state).at(-1), '── marker 14:30:00 +0530 ──');
});
