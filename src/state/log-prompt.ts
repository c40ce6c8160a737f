import {compileFilter} from '../resources/log-filter.js';
import {parseSince} from '../resources/log-since.js';
import {rebuildIndex} from './log-index.js';
import {withRequest} from './log-view-commands.js';
import type {LogViewState} from './log-view-state.js';

// Typed input for the filter, a since duration or time, and the save path: Enter applies, Esc cancels.
export type PromptKey = {kind: 'text'; text: string} | {kind: 'backspace'} | {kind: 'enter'} | {kind: 'cancel'};

export function applyPromptKey(state: LogViewState, key: PromptKey, now: number): LogViewState {
  const prompt = state.prompt;
  if (!prompt) return state;
  switch (key.kind) {
    case 'text':
      // Pasted text may carry newlines or escape sequences; only printable characters go in.
      return {...state, prompt: {...prompt, text: prompt.text + key.text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '')}};
    case 'backspace':
      return {...state, prompt: {...prompt, text: [...prompt.text].slice(0, -1).join('')}};
    case 'cancel':
      return {...state, prompt: undefined};
    case 'enter':
      return submit({...state, prompt: undefined}, prompt.kind, prompt.text, now);
  }
}

function submit(state: LogViewState, kind: 'filter' | 'since' | 'save', text: string, now: number): LogViewState {
  if (kind === 'filter') {
    const compiled = compileFilter(text);
    if (!compiled.ok) return {...state, message: compiled.error};
    const index = rebuildIndex(state.buffer, {...state.index, filter: compiled.filter});
    return {
      ...state,
      index,
      currentMatch: undefined,
      message: compiled.filter ? `${index.matches.length} matching lines` : 'filter cleared',
    };
  }
  if (kind === 'since') {
    const parsed = parseSince(text, now);
    if ('error' in parsed) return {...state, message: parsed.error};
    return withRequest(state, {window: parsed.window});
  }
  const path = text.trim();
  if (path === '') return {...state, message: 'not saved: no path'};
  return {...state, saveRequest: {path, id: now}, message: `saving to ${path}…`};
}
