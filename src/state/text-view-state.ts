import {compileFilter} from './row-projection.js';

export interface TextViewState {
  lines: readonly string[];
  top: number;
  height: number;
  search?: string;
  // Line indexes that match the search, in order; n/N walk them.
  matches: readonly number[];
}

export function textViewState(lines: readonly string[], height: number, search?: string): TextViewState {
  const state = {lines, top: 0, height: Math.max(1, height), search, matches: findMatches(lines, search)};
  return state.matches.length > 0 ? scrollTo(state, state.matches[0] ?? 0) : state;
}

export function findMatches(lines: readonly string[], search: string | undefined): number[] {
  if (!search) return [];
  const pattern = compileFilter(search);
  return lines.flatMap((line, index) => (pattern.test(line) ? [index] : []));
}

export function scrollTo(state: TextViewState, top: number): TextViewState {
  const maxTop = Math.max(0, state.lines.length - state.height);
  return {...state, top: Math.max(0, Math.min(maxTop, top))};
}

// The next match below (or above) the top line, wrapping around like less.
export function jumpToMatch(state: TextViewState, direction: 1 | -1): TextViewState {
  if (state.matches.length === 0) return state;
  const next =
    direction === 1
      ? (state.matches.find((line) => line > state.top) ?? state.matches[0])
      : ([...state.matches].reverse().find((line) => line < state.top) ?? state.matches[state.matches.length - 1]);
  return scrollTo(state, next ?? 0);
}
