import type {LogRequest, LogWindow} from '../cluster/log-types.js';
import {clearBuffer, appendLines, firstSeq} from './log-buffer.js';
import {emptyIndex, rebuildIndex} from './log-index.js';
import {itemAt, lowerBound} from './log-chunked-list.js';
import type {Command} from './keymap.js';
import type {LogViewState} from './log-view-state.js';
import {seqAtShown, shownLength, topPosition} from './log-window.js';
import {clockText} from '../resources/time-zone.js';

const CONTEXT_STEPS = [0, 1, 3, 5];
const PRESETS: Partial<Record<Command, LogWindow>> = {
  'logs.since1m': {kind: 'since', seconds: 60},
  'logs.since5m': {kind: 'since', seconds: 300},
  'logs.since15m': {kind: 'since', seconds: 900},
  'logs.since30m': {kind: 'since', seconds: 1800},
  'logs.since1h': {kind: 'since', seconds: 3600},
  'logs.sinceAll': {kind: 'all'},
};

export function applyLogCommand(state: LogViewState, command: Command, now: number): LogViewState {
  const page = state.viewport.height;
  const preset = PRESETS[command];
  if (preset) return withRequest(state, {window: preset});
  switch (command) {
    case 'cursor.down':
      return scrollTo(state, topPosition(state) + 1);
    case 'cursor.up':
      return scrollTo(state, topPosition(state) - 1);
    case 'cursor.pageDown':
      return scrollTo(state, topPosition(state) + page);
    case 'cursor.pageUp':
      return scrollTo(state, topPosition(state) - page);
    case 'cursor.top':
      return scrollTo(state, 0);
    case 'cursor.bottom':
      return resumeFollowing(state);
    case 'logs.toggleFollow':
      return state.isFollowing ? scrollTo(state, topPosition(state)) : resumeFollowing(state);
    case 'logs.toggleWrap':
      return {...state, isWrapping: !state.isWrapping, horizontalOffset: 0};
    case 'logs.toggleStreams':
      return {...state, showsStreams: !state.showsStreams};
    case 'logs.scrollLeft':
      return {...state, horizontalOffset: Math.max(0, state.horizontalOffset - halfWidth(state))};
    case 'logs.scrollRight':
      return state.isWrapping ? state : {...state, horizontalOffset: state.horizontalOffset + halfWidth(state)};
    case 'logs.cycleTimestamps':
      return {...state, timestamps: state.timestamps === 'off' ? 'utc' : state.timestamps === 'utc' ? 'local' : 'off'};
    case 'logs.cycleJson':
      return {...state, json: state.json === 'raw' ? 'compact' : state.json === 'compact' ? 'pretty' : 'raw'};
    case 'logs.nextMatch':
      return jumpToMatch(state, 1);
    case 'logs.previousMatch':
      return jumpToMatch(state, -1);
    case 'logs.toggleHighlightOnly':
      return reindex(state, {mode: state.index.mode === 'filter' ? 'highlight' : 'filter'});
    case 'logs.cycleContext': {
      const step = CONTEXT_STEPS[(CONTEXT_STEPS.indexOf(state.index.context) + 1) % CONTEXT_STEPS.length] ?? 0;
      return reindex(
        {...state, message: `context: ${step} line${step === 1 ? '' : 's'} around each match`},
        {context: step},
      );
    }
    case 'logs.marker':
      return addMarker(state, now);
    case 'logs.clear': {
      const buffer = clearBuffer(state.buffer);
      return {...state, buffer, index: rebuildIndex(buffer, state.index), newWhilePaused: 0, currentMatch: undefined};
    }
    case 'logs.save':
      return {...state, prompt: {kind: 'save', text: state.suggestedSavePath}};
    case 'logs.copyVisible':
    case 'logs.copyBuffer':
      return {
        ...state,
        copyRequest: {
          what: command === 'logs.copyVisible' ? 'visible' : 'buffer',
          id: (state.copyRequest?.id ?? now) + 1,
        },
      };
    case 'logs.sinceTyped':
      return {...state, prompt: {kind: 'since', text: ''}};
    case 'app.filter':
      return {...state, prompt: {kind: 'filter', text: state.index.filter?.source ?? ''}};
    case 'logs.sinceTail':
      return withRequest(state, {window: {kind: 'tail', lines: state.initialTail}});
    case 'logs.togglePrevious':
      return withRequest(state, {previous: !state.request.previous, follow: state.request.previous});
    case 'logs.toggleAllContainers':
      return withRequest(state, {allContainers: !state.request.allContainers});
    case 'logs.nextContainer':
      return nextContainer(state);
    case 'journal.cyclePriority': {
      const priority =
        state.request.priority === undefined ? 'err' : state.request.priority === 'err' ? 'warning' : undefined;
      return withRequest({...state, message: `priority: ${priority ? `${priority} and worse` : 'all'}`}, {priority});
    }
    case 'app.toggleHelp':
      return {...state, isHelpOpen: !state.isHelpOpen};
    case 'app.back':
      // The view calls onBack itself when there is nothing to close (see isBackToParent).
      return state.prompt
        ? {...state, prompt: undefined}
        : state.index.filter
          ? {...state, index: emptyIndex(), currentMatch: undefined, message: 'filter cleared'}
          : state;
    default:
      return state;
  }
}

// Esc closes the prompt, then clears the filter, and only then leaves the view.
export function isBackToParent(state: LogViewState): boolean {
  return !state.prompt && !state.index.filter;
}

export function withRequest(state: LogViewState, change: Partial<LogRequest>): LogViewState {
  const request = {...state.request, ...change};
  const buffer = clearBuffer(state.buffer);
  return {
    ...state,
    request,
    requestVersion: state.requestVersion + 1,
    buffer,
    statuses: {},
    index: rebuildIndex(buffer, state.index),
    isFollowing: true,
    newWhilePaused: 0,
    currentMatch: undefined,
  };
}

function scrollTo(state: LogViewState, position: number): LogViewState {
  const lastTop = Math.max(0, shownLength(state) - state.viewport.height);
  const clamped = Math.max(0, Math.min(position, lastTop));
  const topSeq = seqAtShown(state, clamped) ?? firstSeq(state.buffer);
  return {...state, topSeq, newWhilePaused: state.isFollowing ? 0 : state.newWhilePaused, isFollowing: false};
}

function resumeFollowing(state: LogViewState): LogViewState {
  return {...state, isFollowing: true, newWhilePaused: 0};
}

function halfWidth(state: LogViewState): number {
  return Math.max(1, Math.floor(state.viewport.width / 2));
}

function reindex(state: LogViewState, change: Partial<Pick<LogViewState['index'], 'mode' | 'context'>>): LogViewState {
  return {...state, index: rebuildIndex(state.buffer, {...state.index, ...change})};
}

// n/N: the next match after (or before) the last one jumped to, shown a third of the way down the screen.
function jumpToMatch(state: LogViewState, direction: 1 | -1): LogViewState {
  const matches = state.index.matches;
  if (!state.index.filter || matches.length === 0) return {...state, message: 'no matches'};
  const from = state.currentMatch ?? seqAtShown(state, topPosition(state)) ?? 0;
  const position = lowerBound(matches, from, (seq) => seq);
  const target =
    direction === 1
      ? (state.currentMatch === undefined ? position : position + 1) % matches.length
      : (position - 1 + matches.length) % matches.length;
  const seq = itemAt(matches, target) ?? 0;
  const scrolled = scrollTo(state, shownPositionFor(state, seq) - Math.floor(state.viewport.height / 3));
  return {...scrolled, currentMatch: seq, message: `match ${target + 1} of ${matches.length}`};
}

function shownPositionFor(state: LogViewState, seq: number): number {
  return state.index.visible ? lowerBound(state.index.visible, seq, (item) => item) : seq - firstSeq(state.buffer);
}

function addMarker(state: LogViewState, now: number): LogViewState {
  const buffer = appendLines(state.buffer, [
    {streamId: '', timestamp: '', text: `── marker ${clockText(now, state.zone)} ──`, kind: 'separator'},
  ]);
  return {...state, buffer, index: rebuildIndex(buffer, state.index), isFollowing: true, newWhilePaused: 0};
}

function nextContainer(state: LogViewState): LogViewState {
  const names = state.containers.map((container) => container.name);
  const noun = state.scope === 'journal' ? 'unit' : 'container';
  if (names.length === 0) return {...state, message: `no other ${noun}`};
  const current = state.request.container ?? state.containers.find((container) => container.isDefault)?.name;
  const next = names[(names.indexOf(current ?? '') + 1) % names.length];
  return withRequest({...state, message: `${noun} ${next}`}, {container: next, allContainers: false});
}
