import {test} from 'node:test';
import assert from 'node:assert/strict';
import {initialJournalSearch, matchStep, openSearchPrompt, searchPromptKey} from '../../src/state/node-journal-search.js';
import {initialNodePaneState, nodePaneReducer, backLeavesPane} from '../../src/state/node-pane-state.js';
import type {NodePaneAction, NodePaneState} from '../../src/state/node-pane-state.js';
import {filteredJournalLines} from '../../src/ui/node-pane/journal-lines.js';
import {line} from '../../src/ui/node-pane/pane-line.js';

function typed(text: string) {
  let search = openSearchPrompt(initialJournalSearch);
  for (const character of text) search = searchPromptKey(search, character, {}).search;
  return search;
}

test('the prompt takes typed text, Backspace, and applies on Enter; "!" inverts', () => {
  let search = typed('PLEGx');
  search = searchPromptKey(search, '', {backspace: true}).search;
  assert.equal(search.prompt, 'PLEG');
  const applied = searchPromptKey(search, '', {return: true});
  assert.equal(applied.applied, true);
  assert.equal(applied.search.prompt, undefined);
  assert.equal(applied.search.filter?.source, 'PLEG');
  assert.equal(applied.search.filter?.isInverse, false);
  const inverted = searchPromptKey(typed('!probe'), '', {return: true}).search.filter;
  assert.equal(inverted?.isInverse, true);
  assert.ok(inverted?.pattern.test('Probe failed'), 'case-insensitive');
});

test('Esc cancels and keeps the filter in force; an invalid expression says why and changes nothing', () => {
  const applied = searchPromptKey(typed('error'), '', {return: true}).search;
  const editing = searchPromptKey(openSearchPrompt(applied), 'x', {}).search;
  assert.equal(editing.prompt, 'errorx', 'the prompt starts from the filter in force');
  const cancelled = searchPromptKey(editing, '', {escape: true});
  assert.deepEqual(cancelled.search, {prompt: undefined, filter: applied.filter});
  const invalid = searchPromptKey(typed('(unclosed'), '', {return: true});
  assert.equal(invalid.applied, false);
  assert.match(invalid.message ?? '', /invalid regular expression/);
  assert.equal(invalid.search.filter, undefined);
});

test('n/N step through the matching rows and wrap at the ends', () => {
  const search = searchPromptKey(typed('x'), '', {return: true}).search;
  assert.deepEqual(matchStep(search, 0, 3, 1), {cursor: 1, message: 'match 2 of 3'});
  assert.deepEqual(matchStep(search, 2, 3, 1), {cursor: 0, message: 'match 1 of 3 (wrapped)'});
  assert.deepEqual(matchStep(search, 0, 3, -1), {cursor: 2, message: 'match 3 of 3 (wrapped)'});
  assert.match(matchStep(initialJournalSearch, 1, 3, 1).message ?? '', /no filter/);
});

test('filtered lines keep the matches with their ranges; an inverted filter keeps the rest, unmarked', () => {
  const lines = [line('a', 'PLEG is not healthy'), line('b', 'Started kubelet'), line('c', 'pleg again')];
  const pleg = searchPromptKey(typed('pleg'), '', {return: true}).search.filter;
  assert.deepEqual(filteredJournalLines(lines, pleg).map((entry) => [entry.key, entry.highlights]),
    [['a', [[0, 4]]], ['c', [[0, 4]]]]);
  const inverse = searchPromptKey(typed('!pleg'), '', {return: true}).search.filter;
  assert.deepEqual(filteredJournalLines(lines, inverse).map((entry) => [entry.key, entry.highlights]), [['b', []]]);
});

test('the pane reducer: / opens the prompt only in the journal, keys go to it, Esc clears the filter first', () => {
  const run = (state: NodePaneState, ...actions: NodePaneAction[]) => actions.reduce(nodePaneReducer, state);
  const start = initialNodePaneState(10);
  assert.equal(run(start, {type: 'command', command: 'app.filter'}).journalSearch.prompt, undefined);
  let state = run(start, {type: 'command', command: 'node.nextSection'}, {type: 'command', command: 'node.nextSection'},
    {type: 'rows', list: 'journal', count: 5}, {type: 'command', command: 'cursor.bottom'},
    {type: 'command', command: 'app.filter'});
  assert.equal(state.journalSearch.prompt, '');
  state = run(state, {type: 'promptKey', input: 'err', key: {}}, {type: 'promptKey', input: '', key: {return: true}});
  assert.equal(state.journalSearch.filter?.source, 'err');
  assert.equal(state.lists.journal.cursor, 0, 'a new filter starts at the top');
  state = run(state, {type: 'rows', list: 'journal', count: 2}, {type: 'command', command: 'node.nextMatch'});
  assert.equal(state.lists.journal.cursor, 1);
  state = run(state, {type: 'command', command: 'node.nextMatch'});
  assert.equal(state.lists.journal.cursor, 0);
  assert.match(state.message ?? '', /wrapped/);
  state = run(state, {type: 'command', command: 'node.previousMatch'});
  assert.equal(state.lists.journal.cursor, 1);
  assert.equal(backLeavesPane(state), false, 'Esc clears the filter before leaving');
  state = run(state, {type: 'command', command: 'app.back'});
  assert.equal(state.journalSearch.filter, undefined);
  assert.equal(backLeavesPane(state), true);
});
