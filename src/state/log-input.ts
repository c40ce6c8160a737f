import {commandsFor} from './keymap.js';
import type {KeyTable, PressedKey} from './keymap.js';
import {applyLogCommand, isBackToParent} from './log-view-commands.js';
import {applyPromptKey} from './log-prompt.js';
import type {LogViewState} from './log-view-state.js';

// A key press (or a burst of typed characters in one read) routed in the reducer, one character at a time, so
// "/orders" typed fast opens the prompt and fills it, never running o, r, d... as commands.
export type InputKey = PressedKey & {return?: boolean; backspace?: boolean};

// A key typed after an opener asked for a view and before that view was drawn; the view applies it first.
export interface TypedKey {
  input: string;
  key: InputKey;
}

export function applyInput(
  state: LogViewState,
  input: string,
  key: InputKey,
  now: number,
  table?: KeyTable,
): LogViewState {
  if (state.prompt) {
    if (key.return) return applyPromptKey(state, {kind: 'enter'}, now);
    if (key.escape) return applyPromptKey(state, {kind: 'cancel'}, now);
    if (key.backspace || key.delete) return applyPromptKey(state, {kind: 'backspace'}, now);
    if (key.ctrl || input === '') return state;
  }
  const isSpecial = key.ctrl || input === '' || Object.entries(key).some(([name, isSet]) => isSet && name !== 'shift');
  if (isSpecial) return applyCommands(state, input, key, now, table);
  let next = state;
  for (const character of input) {
    const named = BURST_KEYS[character];
    next = named
      ? applyInput(next, '', named, now, table)
      : next.prompt
        ? applyPromptKey(next, {kind: 'text', text: character}, now)
        : applyCommands(next, character, {}, now, table);
    if (next.leaving) return next;
  }
  return next;
}

// Inside a burst ("today" and Enter typed quickly at the since prompt, read as one chunk) these characters are the
// keys Ink names when they come alone, not text: Enter submits the prompt instead of vanishing from it.
const BURST_KEYS: Readonly<Record<string, InputKey>> = {'\r': {return: true}, '\n': {return: true}, '\t': {tab: true}};

function applyCommands(
  state: LogViewState,
  input: string,
  key: PressedKey,
  now: number,
  table?: KeyTable,
): LogViewState {
  let next = state;
  for (const command of commandsFor(input, key, state.scope, table)) {
    if (command === 'app.quit') return {...next, leaving: 'quit'};
    if (command === 'app.back' && isBackToParent(next)) return {...next, leaving: 'back'};
    next = applyLogCommand(next, command, now);
  }
  return next;
}
