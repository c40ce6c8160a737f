import {abortableSleep} from './abortable-sleep.js';
import type {LogRange, LogRangeRead} from './kubelet-proxy.js';
import type {LogLine, LogRequest, LogSink, LogSource, LogTarget, StreamStatus} from './log-types.js';
import {streamIdOf} from './log-types.js';
import {splitLines} from './line-splitter.js';

// A file under a node's /var/log (syslog, kern.log, a pod's file under pods/) in the log view, read through the
// kubelet's /logs/ by Range requests: its last bytes first, whatever its size, then what is appended, polled.
// Nothing is created on the node. Such files carry no timestamps kview can read, so --since shows the tail.
export type ReadNodeLogRange = (node: string, path: string, range: LogRange) => Promise<LogRangeRead>;

export interface NodeFileTiming {
  pollMs: number;
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>;
}

// The tail read on opening; a window of all lines reads at most ALL_BYTES from the end.
const TAIL_BYTES = 2 * 1024 * 1024;
const ALL_BYTES = 16 * 1024 * 1024;
// One poll reads at most this much; a burst is read in several polls without waiting between them.
const APPEND_BYTES = 1024 * 1024;

type NodeFileTarget = Extract<LogTarget, {kind: 'nodeFile'}>;

export function createNodeFileLogSource(read: ReadNodeLogRange, timing: Partial<NodeFileTiming> = {}): LogSource {
  const {pollMs, sleep}: NodeFileTiming = {pollMs: 2000, sleep: abortableSleep, ...timing};
  return {
    containersOf: () => Promise.resolve([]),
    open(target, request, sink) {
      const controller = new AbortController();
      if (target.kind === 'nodeFile') {
        follow(target, request, sink, controller.signal).catch((error: unknown) => {
          // A sink that throws: the stream is stopped, with its one line if the sink still takes it.
          controller.abort();
          try {
            sink.status({...statusOf(target), phase: 'failed', message: messageOf(error), lines: 0});
          } catch {
            // Nobody is left to tell.
          }
        });
      }
      return {stop: () => controller.abort()};
    },
  };

  async function follow(target: NodeFileTarget, request: LogRequest, sink: LogSink, signal: AbortSignal) {
    const name = `/var/log/${target.path}`;
    let count = 0;
    const status = (phase: StreamStatus['phase'], message: string) =>
      sink.status({...statusOf(target), phase, message, lines: count});
    const lines = splitLines();
    const emit = (texts: readonly string[]) => {
      if (texts.length === 0) return;
      count += texts.length;
      const streamId = statusOf(target).streamId;
      sink.lines(texts.map((text): LogLine => ({streamId, timestamp: '', text, kind: 'line'})));
    };
    status('connecting', "through the kubelet's /logs/");
    let first: LogRangeRead;
    try {
      first = await read(target.node, target.path, {lastBytes: request.window.kind === 'all' ? ALL_BYTES : TAIL_BYTES});
    } catch (error) {
      if (!signal.aborted) status('failed', messageOf(error));
      return;
    }
    if (signal.aborted) return;
    let offset = 'unchanged' in first ? 0 : first.start + first.bytes.length;
    if (!('unchanged' in first)) {
      // Read from the middle of the file: its first line is a part of one.
      const complete = lines.push(first.bytes);
      // Read once, the last line counts even without its newline; followed, it waits for the rest of it.
      if (!request.follow) complete.push(...lines.flush());
      const shown = first.start > 0 ? complete.slice(1) : complete;
      emit(request.window.kind === 'tail' ? shown.slice(-request.window.lines) : shown);
    }
    if (!request.follow) {
      status('ended', `${count} lines`);
      return;
    }
    status('streaming', `read every ${pollMs / 1000} s`);
    let failing = false;
    while (!signal.aborted) {
      let answer: LogRangeRead;
      try {
        answer = await read(target.node, target.path, {fromByte: offset, maxBytes: APPEND_BYTES});
      } catch (error) {
        if (signal.aborted) return;
        failing = true;
        status('reconnecting', `${messageOf(error)}; trying again`);
        await sleep(pollMs, signal);
        continue;
      }
      if (signal.aborted) return;
      if (failing) {
        failing = false;
        status('streaming', `read every ${pollMs / 1000} s`);
      }
      if ('unchanged' in answer) {
        if (answer.totalBytes < offset) {
          // Truncated, or rotated and replaced by a smaller file: what it holds now is read from its start.
          emit(lines.flush());
          sink.lines([
            {
              streamId: statusOf(target).streamId,
              timestamp: '',
              text: `── ${name} was truncated or replaced: reading it from its start ──`,
              kind: 'separator',
            },
          ]);
          offset = 0;
          continue;
        }
        await sleep(pollMs, signal);
        continue;
      }
      offset = answer.start + answer.bytes.length;
      emit(lines.push(answer.bytes));
      if (answer.bytes.length < APPEND_BYTES) await sleep(pollMs, signal);
    }
  }
}

function statusOf(target: NodeFileTarget): Pick<StreamStatus, 'streamId' | 'pod' | 'container'> {
  // Shown as node/var/log/PATH beside each message.
  const container = `var/log/${target.path}`;
  return {streamId: streamIdOf({namespace: '', pod: target.node, container}), pod: target.node, container};
}

function messageOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
