import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialViewState, selectedKey, viewReducer} from '../../src/state/view-state.js';
import type {ViewAction, ViewState} from '../../src/state/view-state.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';

// The view shows rows in the order the projection hands it (here: the store's order, no filter or sort).
function withPods(count: number, viewportHeight = 5): ViewState {
  const rows = Array.from({length: count}, (_, index) => podRow('demo', `pod-${String(index).padStart(3, '0')}`));
  return showAll(viewReducer(initialViewState({viewportHeight}), {type: 'snapshot', columns: podColumns, rows}));
}

function showAll(state: ViewState): ViewState {
  return viewReducer(state, {type: 'visible', keys: state.table.order});
}

const run = (state: ViewState, ...actions: ViewAction[]) =>
  actions.reduce((current, action) => showAll(viewReducer(current, action)), state);
const command = (name: Extract<ViewAction, {type: 'command'}>['command']): ViewAction => ({
  type: 'command',
  command: name,
});

test('down and up move by one and stop at the ends', () => {
  let state = run(withPods(3), command('cursor.up'));
  assert.equal(state.selectedIndex, 0);
  state = run(state, command('cursor.down'), command('cursor.down'), command('cursor.down'));
  assert.equal(state.selectedIndex, 2);
});

test('the window scrolls only when the cursor leaves it', () => {
  let state = withPods(20, 5);
  state = run(state, ...Array.from({length: 4}, () => command('cursor.down')));
  assert.deepEqual([state.selectedIndex, state.scrollTop], [4, 0]);
  state = run(state, command('cursor.down'));
  assert.deepEqual([state.selectedIndex, state.scrollTop], [5, 1]);
  state = run(state, command('cursor.up'), command('cursor.up'));
  assert.deepEqual([state.selectedIndex, state.scrollTop], [3, 1]);
});

test('page keys move by the window height; g and G jump to the ends', () => {
  let state = run(withPods(20, 5), command('cursor.pageDown'));
  assert.equal(state.selectedIndex, 5);
  state = run(state, command('cursor.bottom'));
  assert.deepEqual([state.selectedIndex, state.scrollTop], [19, 15]);
  state = run(state, command('cursor.pageUp'));
  assert.equal(state.selectedIndex, 14);
  state = run(state, command('cursor.top'));
  assert.deepEqual([state.selectedIndex, state.scrollTop], [0, 0]);
});

test('the cursor follows its pod when rows above it are added or deleted', () => {
  let state = run(withPods(5), command('cursor.down'), command('cursor.down'));
  assert.equal(selectedKey(state), 'demo-pod-002-uid');
  state = run(state, {type: 'changes', changes: [{type: 'DELETED', row: podRow('demo', 'pod-000')}]});
  assert.equal(selectedKey(state), 'demo-pod-002-uid');
  assert.equal(state.selectedIndex, 1);
  state = run(state, {type: 'changes', changes: [{type: 'ADDED', row: podRow('demo', 'a-first')}]});
  assert.equal(selectedKey(state), 'demo-pod-002-uid');
});

test('when the selected pod goes away the cursor keeps its place, clamped', () => {
  let state = run(withPods(3), command('cursor.bottom'));
  state = run(state, {type: 'changes', changes: [{type: 'DELETED', row: podRow('demo', 'pod-002')}]});
  assert.equal(selectedKey(state), 'demo-pod-001-uid');
});

test('a smaller terminal keeps the cursor visible', () => {
  let state = run(withPods(20, 10), command('cursor.bottom'));
  state = run(state, {type: 'resize', viewportHeight: 3});
  assert.ok(state.selectedIndex >= state.scrollTop && state.selectedIndex < state.scrollTop + 3);
});

test('w toggles wide and f toggles faults-only', () => {
  const state = run(withPods(1), command('view.toggleWide'), command('view.toggleFaults'));
  assert.equal(state.wide, true);
  assert.equal(state.faultsOnly, true);
});

test('sorting by the same column twice reverses it', () => {
  let state = run(withPods(2), {type: 'sort', column: 'NAME'});
  assert.deepEqual(state.sort, {column: 'NAME', descending: false});
  state = run(state, {type: 'sort', column: 'NAME'});
  assert.deepEqual(state.sort, {column: 'NAME', descending: true});
  state = run(state, {type: 'sort', column: 'AGE'});
  assert.deepEqual(state.sort, {column: 'AGE', descending: false});
});
