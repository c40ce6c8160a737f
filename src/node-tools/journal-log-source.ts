import {abortableSleep} from '../cluster/abortable-sleep.js';
import {createBackoff} from '../cluster/retry.js';
import type {Sleep} from '../cluster/retry.js';
import type {
  ContainerInfo,
  LogLine,
  LogRequest,
  LogSink,
  LogSource,
  LogTarget,
  StreamStatus,
} from '../cluster/log-types.js';
import type {CommandFailure} from './command-runner.js';
import {displayCommand} from './command-runner.js';
import {journalctlArgs, parseJournalLine} from './journal-entries.js';
import type {JournalEntry, JournalQuery} from './journal-entries.js';
import type {NodeTools} from './node-tools.js';
import {checkedUnitName, UnsafeArgumentError} from './safe-argument.js';

// A node's systemd journal as a log source, so the journal is read with every tool of the log view (follow and
// pause, since, filter with context, timestamps, wrap, marker, save). One journalctl process per request; a
// followed journal whose journalctl ends (killed, OOM, journald rotated under it) is resumed after the last entry's
// cursor, so no entry is lost or shown twice.
type JournalTarget = Extract<LogTarget, {kind: 'journal'}>;

export interface JournalSourceTiming {
  retryDelaysMs: readonly number[];
  sleep: Sleep;
}

// Failures that another try cannot fix.
const FINAL_FAILURES: ReadonlySet<CommandFailure['kind']> = new Set([
  'missing',
  'permission',
  'no-systemd',
  'unsafe-argument',
]);

export function createJournalLogSource(tools: NodeTools, timing: Partial<JournalSourceTiming> = {}): LogSource {
  const {retryDelaysMs, sleep}: JournalSourceTiming = {
    retryDelaysMs: [250, 500, 1000, 2000, 4000],
    sleep: abortableSleep,
    ...timing,
  };
  return {
    containersOf(target) {
      return Promise.resolve(target.kind === 'journal' ? target.units.map(unitInfo) : []);
    },
    open(target, request, sink) {
      const controller = new AbortController();
      if (target.kind !== 'journal') {
        sink.status({
          streamId: 'journal',
          pod: '',
          container: '',
          phase: 'failed',
          lines: 0,
          message: 'the journal source reads systemd units only',
        });
      } else {
        stream(target, request, sink, controller.signal).catch((error: unknown) =>
          sink.status({
            streamId: 'journal',
            pod: target.node,
            container: '',
            phase: 'failed',
            lines: 0,
            message: error instanceof Error ? error.message : String(error),
          }),
        );
      }
      return {stop: () => controller.abort()};
    },
  };

  async function stream(target: JournalTarget, request: LogRequest, sink: LogSink, signal: AbortSignal) {
    let units: string[];
    try {
      units = unitsOf(target, request);
    } catch (error) {
      sink.status({
        streamId: 'journal',
        pod: target.node,
        container: '',
        phase: 'failed',
        lines: 0,
        message: error instanceof Error ? error.message : String(error),
      });
      return;
    }
    const counts = new Map(units.map((unit) => [unit, 0]));
    const count = () => [...counts.values()].reduce((sum, each) => sum + each, 0);
    const report = (phase: StreamStatus['phase'], message: string) => {
      for (const unit of units) {
        sink.status({
          streamId: journalStreamId(target.node, unit),
          pod: target.node,
          container: unit,
          phase,
          lines: counts.get(unit) ?? 0,
          message,
        });
      }
    };
    let cursor: string | undefined;
    const backoff = createBackoff({delaysMs: retryDelaysMs, sleep});
    // journalctl says so only when it exits, so a followed journal that stays empty explains itself up front.
    const rootNote = tools.isRoot
      ? ''
      : 'not root: journalctl shows the system journal only to members of the adm ' + 'or systemd-journal groups';
    report('connecting', rootNote);
    while (!signal.aborted) {
      let args: string[];
      try {
        args = journalctlArgs(journalQueryFor(target, request, tools.now(), cursor));
      } catch (error) {
        report('failed', error instanceof UnsafeArgumentError ? error.message : String(error));
        return;
      }
      let isFirstLine = true;
      // journalctl -f on a journal without entries for the unit (or without journal files) waits silently.
      if (request.follow && !request.previous && count() === 0 && backoff.attempt === 0) {
        report(
          'streaming',
          `no entries yet; following (${journalCommandLine(target, request)})` + (rootNote ? `; ${rootNote}` : ''),
        );
      }
      const outcome = await tools.runner.follow(
        'journalctl',
        args,
        (text) => {
          const entry = parseJournalLine(text);
          if (!entry) return;
          if (isFirstLine) {
            isFirstLine = false;
            backoff.succeeded();
            report('streaming', '');
          }
          cursor = entry.cursor || cursor;
          const line = journalLogLine(entry, target.node, units);
          const unit = line.streamId.slice(line.streamId.lastIndexOf('/') + 1);
          counts.set(unit, (counts.get(unit) ?? 0) + 1);
          sink.lines([line]);
        },
        {signal},
      );
      if (signal.aborted) return;
      const failure = outcome.ok ? undefined : outcome.failure;
      const hint = outcome.stderr
        .split('\n')
        .map((text) => text.trim())
        .find((text) => /^Hint:|insufficient permissions/i.test(text));
      if (!request.follow || request.previous) {
        const total = count();
        report(
          failure ? 'failed' : 'ended',
          failure?.line ??
            hint ??
            (total === 0 ? `-- No entries -- (${journalCommandLine(target, request)})` : `${total} entries`),
        );
        return;
      }
      if (failure && FINAL_FAILURES.has(failure.kind)) {
        report('failed', failure.line);
        return;
      }
      const delay = backoff.nextDelayMs;
      report(
        'reconnecting',
        `journalctl --follow ended (${failure?.line ?? 'exit 0'}); resuming ` +
          `${cursor ? 'after the last entry' : 'from the start'} in ${delay} ms`,
      );
      await backoff.wait(signal);
    }
  }
}

export function journalStreamId(node: string, unit: string): string {
  return `journal/${node}/${unit}`;
}

// The units a request reads: the chosen one (the target's first by default), or all of them interleaved.
export function unitsOf(target: JournalTarget, request: LogRequest): string[] {
  const units = target.units.map((unit) => checkedUnitName(unit));
  if (request.allContainers) return units;
  const chosen = request.container ?? target.unit ?? units[0];
  return chosen ? [checkedUnitName(chosen)] : [];
}

// The log view's window as journalctl options. Times go as "@epoch" (exact whatever the host's time zone); a
// resumed follow starts after the last entry it delivered, whatever the window said.
export function journalQueryFor(
  target: JournalTarget,
  request: LogRequest,
  nowMs: number,
  afterCursor?: string,
): JournalQuery {
  const base: JournalQuery = {
    units: unitsOf(target, request),
    directory: target.directory,
    priority: request.priority,
    follow: request.follow && !request.previous,
    boot: request.previous ? -1 : undefined,
  };
  if (afterCursor !== undefined) return {...base, afterCursor, lines: 'all'};
  const window = request.window;
  switch (window.kind) {
    case 'tail':
      return {...base, lines: window.lines};
    case 'since':
      return {...base, lines: 'all', since: `@${Math.floor(nowMs / 1000) - window.seconds}`};
    case 'sinceTime':
      return {...base, lines: 'all', since: `@${Math.floor(Date.parse(window.time) / 1000)}`};
    case 'all':
      return {...base, lines: 'all'};
  }
}

// The command an operator would type for what the reader shows (displayed only, never run).
export function journalCommandLine(target: JournalTarget, request: LogRequest): string {
  try {
    return (
      displayCommand(
        'journalctl',
        journalctlArgs({...journalQueryFor(target, request, 0), since: undefined}).filter(
          (word) => word !== '--no-pager' && word !== '--output=json',
        ),
      ) + (request.window.kind === 'since' || request.window.kind === 'sinceTime' ? ' --since=…' : '')
    );
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

// journalctl's short format without the date and host (the view shows times itself): "kubelet[992]: message".
// An entry systemd logged about the unit ("Started kubelet.service") is counted to that unit.
export function journalLogLine(entry: JournalEntry, node: string, units: readonly string[]): LogLine {
  const unit = [entry.unit, entry.subjectUnit].find((name) => units.includes(name)) ?? units[0] ?? entry.unit;
  const source = `${entry.identifier || 'journal'}${entry.pid ? `[${entry.pid}]` : ''}`;
  return {
    streamId: journalStreamId(node, unit),
    timestamp: entry.timestamp,
    text: `${source}: ${entry.message}`,
    kind: 'line',
    level:
      entry.priority <= 3 ? 'error' : entry.priority === 4 ? 'warning' : entry.priority === 7 ? 'debug' : undefined,
  };
}

function unitInfo(unit: string, index: number): ContainerInfo {
  return {name: unit, kind: 'regular', isDefault: index === 0, state: '', isCrashLooping: false, restartCount: 0};
}
