import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {LogRequest} from '../../src/cluster/log-types.js';
import {initialLogViewState, logViewReducer} from '../../src/state/log-view-state.js';

const NOW = Date.parse('2026-11-22T09:00:00Z');
const request: LogRequest = {window: {kind: 'tail', lines: 100}, follow: true, previous: false, allContainers: false};

// Seen on the real systemd node: "@", then "1h" and Enter typed quickly arrive as one read ("1h\r"); the Enter
// inside the burst was taken for text, stripped as a control character, and the prompt stayed open.
test('Enter inside a burst submits the prompt: "@" then "1h\\r" in one read changes the since window', () => {
  let state = initialLogViewState({request, suggestedSavePath: '/tmp/x.log', width: 80, height: 5});
  state = logViewReducer(state, {type: 'input', input: '@', key: {}, now: NOW});
  assert.ok(state.prompt, 'the since prompt is open');
  state = logViewReducer(state, {type: 'input', input: '1h\r', key: {}, now: NOW});
  assert.equal(state.prompt, undefined, 'submitted');
  assert.deepEqual(state.request.window, {kind: 'since', seconds: 3600});
});

test('a whole burst "@1h\\r" opens, fills and submits the prompt, and keys after it are commands again', () => {
  let state = initialLogViewState({request, suggestedSavePath: '/tmp/x.log', width: 80, height: 5});
  state = logViewReducer(state, {type: 'input', input: '@1h\r/tick\r', key: {}, now: NOW});
  assert.deepEqual(state.request.window, {kind: 'since', seconds: 3600});
  assert.equal(state.prompt, undefined);
  assert.ok(state.index.filter, 'the second prompt, a filter, was opened and submitted too');
  assert.equal(state.message, '0 matching lines');
});
