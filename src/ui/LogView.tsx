import {useEffect, useMemo, useReducer} from 'react';
import {Box, useApp} from 'ink';
import {Text} from './themed-text.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {LogRequest, LogSource, LogTarget} from '../cluster/log-types.js';
import {cachedLineFormatter, rowsNeeded} from '../resources/log-row-format.js';
import type {PrefixMode, RowFormat} from '../resources/log-row-format.js';
import type {LogEntry} from '../state/log-buffer.js';
import {initialLogViewState, logViewReducer} from '../state/log-view-state.js';
import type {TimestampMode} from '../state/log-view-state.js';
import type {TypedKey} from '../state/log-input.js';
import type {Command} from '../state/keymap.js';
import {DEFAULT_BUFFER_LIMITS} from '../state/log-buffer.js';
import type {BufferLimits} from '../state/log-buffer.js';
import {parseSince} from '../resources/log-since.js';
import type {LogDefaults} from '../state/config/settings.js';
import {logWindow} from '../state/log-window.js';
import {HelpOverlay} from './HelpOverlay.js';
import {HintBar} from './HintBar.js';
import {describeTarget, LogStreamList, LogStreamsLine, LogTitle} from './log-header.js';
import {LogLines} from './log-lines.js';
import type {LogBodyLine} from './log-lines.js';
import {useLogContainers, useLogStream} from './use-log-stream.js';
import {useLogSave, writeLogFile} from './use-log-save.js';
import {useLogCopy} from './use-log-copy.js';
import {useClaimKeys, useViewKeys} from './input-gate.js';
import {useSettings} from './settings-context.js';
import type {LogFileWriter} from './use-log-save.js';

export interface LogViewProps {
  source: LogSource;
  target: LogTarget;
  width: number;
  height: number;
  isActive: boolean;
  onBack: () => void;
  now: () => number;
  // Injected in tests; defaults to writing the file (mode 0600).
  writeFile?: LogFileWriter;
  bufferLimits?: BufferLimits;
  initialTail?: number;
  // The journal reader starts with times shown (journalctl shows them) and may open with its filter prompt.
  initialTimestamps?: TimestampMode;
  initialPrompt?: 'filter';
  // A filter in force from the start (a node finding's lines), as if typed after /.
  initialFilter?: string;
  // Keys typed after the opener asked for this view and before it was drawn; applied first, so none is lost.
  typedAhead?: readonly TypedKey[];
  // q: where there is no App around (the node pane in node-only mode) the caller decides how to quit.
  onQuit?: () => void;
  // Keys that do nothing where the view is shown (':' and history without the App), left out of hints and help.
  hiddenKeys?: readonly Command[];
  // The command an operator would type for what is shown, in the message line when there is no message.
  equivalentCommand?: (request: LogRequest) => string;
}

export type {TypedKey} from '../state/log-input.js';

// Title, streams line, prompt/message line, hint bar.
const CHROME_ROWS = 4;

export function LogView(props: LogViewProps) {
  const {source, target, width, height, isActive, onBack, now} = props;
  const {exit} = useApp();
  const quit = props.onQuit ?? exit;
  const bodyHeight = Math.max(1, height - CHROME_ROWS);
  const scope = target.kind === 'journal' ? 'journal' : 'logs';
  const settings = useSettings();
  const keys = settings.keymap;
  const [state, dispatch] = useReducer(logViewReducer, undefined, () => {
    let initial = initialLogViewState({
      request: initialRequest(target, props.initialTail ?? settings.logs.tail, startWindow(settings.logs, now())),
      width,
      height: bodyHeight,
      limits: props.bufferLimits ?? {...DEFAULT_BUFFER_LIMITS, maxLines: settings.logs.bufferLines},
      isWrapping: settings.logs.wrap,
      tail: props.initialTail ?? settings.logs.tail,
      suggestedSavePath: join(tmpdir(), `kview-${describeTarget(target).replace(/[^\w.-]+/g, '_')}-${now()}.log`),
      scope,
      timestamps: props.initialTimestamps ?? settings.logs.timestamps,
      prompt: props.initialFilter ? {kind: 'filter', text: props.initialFilter} : undefined,
    });
    if (props.initialFilter) {
      initial = {
        ...logViewReducer(initial, {type: 'promptKey', key: {kind: 'enter'}, now: now()}),
        message: `filtered to /${props.initialFilter}/ (Esc clears it, H only highlights)`,
      };
    }
    if (props.initialPrompt) {
      initial = {...initial, prompt: {kind: props.initialPrompt, text: initial.index.filter?.source ?? ''}};
    }
    return (props.typedAhead ?? []).reduce(
      (state, typed) =>
        logViewReducer(state, {type: 'input', input: typed.input, key: typed.key, now: now(), keymap: keys}),
      initial,
    );
  });
  // The per-stream list (i) takes up to a third of the body; the log gets the rest.
  const streamCount = Object.keys(state.statuses).length;
  const streamLines = state.showsStreams ? Math.min(streamCount + 1, Math.floor(bodyHeight / 3)) : 0;
  const logHeight = Math.max(1, bodyHeight - streamLines);
  useEffect(() => dispatch({type: 'resize', width, height: logHeight}), [width, logHeight]);
  useLogStream(source, target, state.request, state.requestVersion, dispatch);
  useLogContainers(source, target, dispatch);
  useLogSave(state, dispatch, props.writeFile ?? writeLogFile);
  useClaimKeys(state.prompt !== undefined);

  useViewKeys((input, key) => dispatch({type: 'input', input, key, now: now(), keymap: keys}), isActive);
  useEffect(() => {
    if (state.leaving === 'quit') quit();
    if (state.leaving === 'back') onBack();
  }, [state.leaving, quit, onBack]);

  const format: RowFormat = {
    timestamps: state.timestamps,
    json: state.json,
    filter: state.index.filter,
    prefix: prefixMode(target, state.request),
  };
  const {timestamps, json, filter, prefix} = format;
  // Lines formatted once, whether to measure them or draw them; another format starts afresh.
  const formatLine = useMemo(
    () => cachedLineFormatter({timestamps, json, filter, prefix}),
    [timestamps, json, filter, prefix],
  );
  const rowsOf = (entry: LogEntry) => formatLine(entry.seq, entry.line);
  const window = logWindow(state, (entry) => rowsNeeded(rowsOf(entry), width, state.isWrapping));
  useLogCopy(state, window.entries, dispatch);
  const lines: LogBodyLine[] = window.entries.map((entry) => ({
    key: String(entry.seq),
    rows: rowsOf(entry),
    isCurrentMatch: entry.seq === state.currentMatch,
  }));
  const statuses = Object.values(state.statuses);
  const crashLooping = state.containers.find(
    (container) =>
      container.isCrashLooping &&
      (state.request.allContainers ||
        container.name === (state.request.container ?? state.containers.find((entry) => entry.isDefault)?.name)),
  );
  const hint =
    crashLooping && !state.request.previous
      ? `${crashLooping.name} is in CrashLoopBackOff: p shows the previous instance's log`
      : undefined;
  const emptyLines =
    state.request.previous && target.kind === 'journal' && statuses.length === 0
      ? ['Reading the previous boot…']
      : emptyText(statuses);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <LogTitle state={state} target={target} width={width} />
      <LogStreamsLine statuses={statuses} hint={hint} />
      {state.showsStreams ? <LogStreamList statuses={statuses} height={streamLines} /> : null}
      {state.isHelpOpen ? (
        <HelpOverlay height={bodyHeight} width={width} scope={scope} hidden={props.hiddenKeys} />
      ) : (
        <LogLines
          lines={lines}
          dropped={window.showsDroppedMarker ? state.buffer.dropped : 0}
          height={logHeight}
          width={width}
          isWrapping={state.isWrapping}
          horizontalOffset={state.horizontalOffset}
          emptyText={emptyLines}
        />
      )}
      {state.prompt ? (
        <Text wrap="truncate-start">
          <Text color="cyan">{promptLabel(state.prompt.kind)}</Text>
          <Text>{state.prompt.text}</Text>
          <Text inverse> </Text>
        </Text>
      ) : (
        <Text dimColor wrap="truncate-end">
          {/* Never empty: an empty Text takes no row, and the hint bar would rise one above the last. */}
          {sanitizeCell(state.message ?? props.equivalentCommand?.(state.request) ?? '') || ' '}
        </Text>
      )}
      <HintBar width={width} scope={scope} hidden={props.hiddenKeys} />
    </Box>
  );
}

// The configured since (logs.since), when it is one: a window kubectl logs --since would give.
function startWindow(defaults: LogDefaults, now: number): LogRequest['window'] | undefined {
  if (defaults.since === '') return undefined;
  const parsed = parseSince(defaults.since, now);
  return 'window' in parsed ? parsed.window : undefined;
}

function initialRequest(target: LogTarget, tail: number, since?: LogRequest['window']): LogRequest {
  const container =
    target.kind === 'pod' || target.kind === 'podFiles'
      ? target.container
      : target.kind === 'journal'
        ? target.unit
        : undefined;
  return {
    window: since ?? {kind: 'tail', lines: tail},
    follow: target.kind === 'pod' ? !target.previous : true,
    previous: target.kind === 'pod' ? (target.previous ?? false) : false,
    container,
    allContainers: target.allContainers ?? false,
  };
}

function prefixMode(target: LogTarget, request: LogRequest): PrefixMode {
  if (target.kind === 'pod' || target.kind === 'journal' || target.kind === 'podFiles' || target.kind === 'nodeFile') {
    return request.allContainers ? 'container' : 'none';
  }
  return request.allContainers ? 'pod-container' : 'pod';
}

// With no lines yet, each stream says why: still connecting, waiting for its container, or the server's reason.
function emptyText(
  statuses: ReadonlyArray<{pod: string; container: string; phase: string; message: string}>,
): string[] {
  const explained = statuses
    .filter((status) => status.message !== '')
    .map((status) =>
      sanitizeCell(
        `${status.container ? `${status.pod}/${status.container}` : 'pods'}: ${status.phase}: ${status.message}`,
      ),
    );
  return explained.length > 0 ? explained : ['Waiting for logs…'];
}

function promptLabel(kind: 'filter' | 'since' | 'save'): string {
  if (kind === 'filter') return 'filter (regex, !inverts): /';
  if (kind === 'since') return 'since (90s, 5m, 1h30m, 09:30, RFC 3339, today) or last N lines: ';
  return 'save buffer to: ';
}
