import {compileFilter} from '../resources/log-filter.js';
import type {LogFilter} from '../resources/log-filter.js';
import {editLine} from './line-editor.js';

// The journal's regex filter, as the log view takes it: "/" types it, "!" in front inverts, Enter applies, Esc
// cancels; only matching entries stay listed and n/N walk through them.
export interface JournalSearch {
  // The text being typed while the one-line prompt is open.
  prompt: string | undefined;
  filter: LogFilter | undefined;
}

export const initialJournalSearch: JournalSearch = {prompt: undefined, filter: undefined};

export interface PromptKeyFlags {
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
}

export function openSearchPrompt(search: JournalSearch): JournalSearch {
  return {...search, prompt: search.filter?.source ?? ''};
}

// One keystroke in the prompt. `applied` says the filter changed, so the list starts again at its top.
export function searchPromptKey(search: JournalSearch, input: string, key: PromptKeyFlags):
  {search: JournalSearch; applied: boolean; message?: string} {
  // Inside a multi-key read a Backspace arrives as its raw byte, not as Ink's flag.
  const erase = input === '\u007f' || input === '\b';
  const edit = editLine(search.prompt ?? '', erase ? '' : input, erase ? {backspace: true} : key);
  if (edit.done === 'cancel') return {search: {...search, prompt: undefined}, applied: false};
  if (edit.done !== 'submit') return {search: {...search, prompt: edit.text}, applied: false};
  const compiled = compileFilter(edit.text);
  if (!compiled.ok) return {search: {...search, prompt: undefined}, applied: false, message: compiled.error};
  return {search: {prompt: undefined, filter: compiled.filter}, applied: true,
    message: compiled.filter ? `filter ${compiled.filter.source} (n/N: next/previous match, esc clears)`
      : 'filter cleared'};
}

// n/N: the next or previous matching row, wrapping at the ends like less and vim. Every listed row matches the
// filter, so the rows to visit are the listed ones; without a filter there is nothing to jump between.
export function matchStep(search: JournalSearch, cursor: number, count: number, step: 1 | -1):
  {cursor: number; message?: string} {
  if (!search.filter) return {cursor, message: 'no filter: / to set one'};
  if (count === 0) return {cursor, message: `no entries match ${search.filter.source}`};
  const next = (cursor + step + count) % count;
  const wrapped = step === 1 ? next < cursor || count === 1 : next > cursor || count === 1;
  return {cursor: next, message: `match ${next + 1} of ${count}${wrapped ? ' (wrapped)' : ''}`};
}
