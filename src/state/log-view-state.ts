import type {ContainerInfo, LogLine, LogRequest, StreamStatus} from '../cluster/log-types.js';
import type {JsonMode} from '../resources/log-json.js';
import {appendLines, emptyBuffer, firstSeq} from './log-buffer.js';
import type {BufferLimits, LogBuffer} from './log-buffer.js';
import {emptyIndex, indexEntries, trimIndex} from './log-index.js';
import type {LogIndex} from './log-index.js';
import {itemsFrom} from './log-chunked-list.js';
import type {Command, KeyTable} from './keymap.js';
import {applyLogCommand} from './log-view-commands.js';
import {applyPromptKey} from './log-prompt.js';
import type {PromptKey} from './log-prompt.js';
import {applyInput} from './log-input.js';
import type {InputKey} from './log-input.js';
import {LOCAL_ZONE} from '../resources/time-zone.js';
import type {TimeZone} from '../resources/time-zone.js';

// Everything the log view shows, as one pure reducer: the buffer and its index, follow/pause, reading options, the
// request (changing it makes the view reopen its streams) and a prompt for typed input.
export type TimestampMode = 'off' | 'utc' | 'local';

export interface LogPrompt {
  kind: 'filter' | 'since' | 'save';
  text: string;
}

export interface LogViewState {
  // Which keys apply: the log view's, or the journal reader's (units and priority instead of containers).
  scope: 'logs' | 'journal';
  buffer: LogBuffer;
  index: LogIndex;
  isFollowing: boolean;
  // First shown line while paused (a sequence number, so it stays put while old lines rotate out).
  topSeq: number;
  newWhilePaused: number;
  // The match n/N last jumped to.
  currentMatch: number | undefined;
  isWrapping: boolean;
  // One status line per stream above the log (multi-pod logs), instead of only the summary line.
  showsStreams: boolean;
  horizontalOffset: number;
  timestamps: TimestampMode;
  // The zone the view prints its own times in (markers); the process's local zone unless a test picks one.
  zone: TimeZone;
  json: JsonMode;
  request: LogRequest;
  // Bumped whenever the request changes; the view reopens its streams on a new version.
  requestVersion: number;
  initialTail: number;
  statuses: Readonly<Record<string, StreamStatus>>;
  containers: readonly ContainerInfo[];
  prompt: LogPrompt | undefined;
  // One line of feedback: a saved file's path, an invalid regular expression.
  message: string | undefined;
  saveRequest: {path: string; id: number} | undefined;
  // y and Y: the lines on screen or the whole buffer, copied by the view (OSC 52 goes through Ink's stdout).
  copyRequest: {what: 'visible' | 'buffer'; id: number} | undefined;
  suggestedSavePath: string;
  viewport: {width: number; height: number};
  isHelpOpen: boolean;
  // Set by Esc (with nothing left to close) or q; the view hands it to its parent.
  leaving: 'back' | 'quit' | undefined;
}

export type LogViewAction =
  // requestVersion: the request the batch was read for; a batch of an earlier request (flushed after the request
  // changed, before its stream was stopped) is dropped, so old lines never land in the new, cleared buffer.
  | {type: 'received'; requestVersion: number; lines: readonly LogLine[]; statuses: readonly StreamStatus[]}
  | {type: 'containers'; containers: readonly ContainerInfo[]}
  | {type: 'command'; command: Command; now: number}
  | {type: 'promptKey'; key: PromptKey; now: number}
  | {type: 'input'; input: string; key: InputKey; now: number; keymap?: KeyTable}
  | {type: 'resize'; width: number; height: number}
  | {type: 'saved'; id: number; message: string}
  | {type: 'copied'; id: number; message: string};

export function initialLogViewState(options: {
  request: LogRequest;
  suggestedSavePath: string;
  width: number;
  height: number;
  limits?: BufferLimits;
  scope?: LogViewState['scope'];
  timestamps?: TimestampMode;
  isWrapping?: boolean;
  // The line count 0 goes back to, when the view starts with a since window instead.
  tail?: number;
  prompt?: LogPrompt;
  zone?: TimeZone;
}): LogViewState {
  return {
    scope: options.scope ?? 'logs',
    buffer: emptyBuffer(options.limits),
    index: emptyIndex(),
    isFollowing: true,
    topSeq: 0,
    newWhilePaused: 0,
    currentMatch: undefined,
    isWrapping: options.isWrapping ?? false,
    showsStreams: false,
    horizontalOffset: 0,
    timestamps: options.timestamps ?? 'off',
    zone: options.zone ?? LOCAL_ZONE,
    json: 'raw',
    request: options.request,
    requestVersion: 0,
    initialTail: options.request.window.kind === 'tail' ? options.request.window.lines : (options.tail ?? 100),
    statuses: {},
    containers: [],
    prompt: options.prompt,
    message: undefined,
    saveRequest: undefined,
    copyRequest: undefined,
    suggestedSavePath: options.suggestedSavePath,
    viewport: {width: options.width, height: Math.max(1, options.height)},
    isHelpOpen: false,
    leaving: undefined,
  };
}

export function logViewReducer(state: LogViewState, action: LogViewAction): LogViewState {
  switch (action.type) {
    case 'received':
      return action.requestVersion === state.requestVersion ? receive(state, action.lines, action.statuses) : state;
    case 'containers':
      return {...state, containers: action.containers};
    case 'command':
      return applyLogCommand(state, action.command, action.now);
    case 'promptKey':
      return applyPromptKey(state, action.key, action.now);
    case 'input':
      return applyInput(state, action.input, action.key, action.now, action.keymap);
    case 'resize':
      return {...state, viewport: {width: action.width, height: Math.max(1, action.height)}};
    case 'saved':
      return state.saveRequest?.id === action.id ? {...state, saveRequest: undefined, message: action.message} : state;
    case 'copied':
      return state.copyRequest?.id === action.id ? {...state, copyRequest: undefined, message: action.message} : state;
  }
}

export function receive(
  state: LogViewState,
  lines: readonly LogLine[],
  statuses: readonly StreamStatus[],
): LogViewState {
  let next = state;
  if (statuses.length > 0) {
    const merged = {...state.statuses};
    for (const status of statuses) merged[status.streamId] = status;
    next = {...next, statuses: merged};
  }
  if (lines.length === 0) return next;
  const before = next.buffer.nextSeq;
  const buffer = appendLines(next.buffer, lines);
  const added = [...itemsFrom(buffer.entries, Math.max(0, before - firstSeq(buffer)))];
  const previousShown = next.index.visible ? next.index.visible.length : next.buffer.entries.length;
  let index = indexEntries(next.index, added, firstSeq(buffer));
  const newlyShown = (index.visible ? index.visible.length : next.buffer.entries.length + added.length) - previousShown;
  if (buffer.dropped !== next.buffer.dropped) index = trimIndex(index, buffer);
  return {...next, buffer, index, newWhilePaused: next.isFollowing ? 0 : next.newWhilePaused + newlyShown};
}
