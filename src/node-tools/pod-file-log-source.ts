import {abortableSleep} from '../cluster/abortable-sleep.js';
import type {
  ContainerInfo,
  LogLine,
  LogRequest,
  LogSink,
  LogSource,
  LogTarget,
  LogWindow,
  StreamStatus,
} from '../cluster/log-types.js';
import {streamIdOf} from '../cluster/log-types.js';
import type {FileReader, GrowingFile} from './file-reader.js';
import {createCriLineParser} from './pod-log-files.js';
import type {PodLogLine} from './pod-log-files.js';

// A pod's logs read from the files the kubelet keeps on this node (/var/log/pods/<ns>_<pod>_<uid>/<container>/
// <restart>.log), with the log view's windows, following and previous instance, for when the API server is the
// thing that is down. Following reads through one open descriptor, so lines written around a rotation are kept;
// a restart (a new <restart>.log) is marked and followed.
type PodFilesTarget = Extract<LogTarget, {kind: 'podFiles'}>;

export interface PodFileTiming {
  pollMs: number;
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>;
}

// A whole rotated file is at most the kubelet's containerLogMaxSize (10 MiB by default).
const WHOLE_FILE = Number.MAX_SAFE_INTEGER;
const TAIL_BYTES = 4 * 1024 * 1024;

export function createPodFileLogSource(
  files: FileReader,
  now: () => number,
  timing: Partial<PodFileTiming> = {},
): LogSource {
  const {pollMs, sleep}: PodFileTiming = {pollMs: 250, sleep: abortableSleep, ...timing};
  return {
    containersOf(target) {
      if (target.kind !== 'podFiles') return Promise.resolve([]);
      return Promise.resolve(
        target.containers.map((name, index): ContainerInfo => ({
          name,
          kind: 'regular',
          isDefault: index === 0,
          state: '',
          isCrashLooping: false,
          restartCount: 0,
        })),
      );
    },
    open(target, request, sink) {
      const controller = new AbortController();
      if (target.kind === 'podFiles') {
        const chosen = request.allContainers
          ? target.containers
          : [request.container ?? target.container ?? target.containers[0] ?? ''];
        for (const container of chosen) {
          // followContainer reports its own failures; this catch is for a sink that throws while it does so.
          followContainer(target, container, request, sink, controller.signal).catch(() => undefined);
        }
      }
      return {stop: () => controller.abort()};
    },
  };

  async function followContainer(
    target: PodFilesTarget,
    container: string,
    request: LogRequest,
    sink: LogSink,
    signal: AbortSignal,
  ) {
    const streamId = streamIdOf({namespace: target.namespace, pod: target.pod, container});
    const directory = `${target.directory}/${container}`;
    let count = 0;
    const status = (phase: StreamStatus['phase'], message: string) =>
      sink.status({streamId, pod: target.pod, container, phase, message, lines: count});
    const emit = (lines: readonly PodLogLine[]) => {
      if (lines.length === 0) return;
      count += lines.length;
      sink.lines(
        lines.map((line): LogLine => ({
          streamId,
          timestamp: fixedNanoseconds(line.time),
          text: line.text,
          kind: 'line',
        })),
      );
    };
    const isFollowing = request.follow && !request.previous;
    let file: GrowingFile | undefined;
    try {
      file = await readInstances();
    } catch (error) {
      // A file that cannot be read any more (EIO, a sink that failed): one line in the view, and the stream ends.
      if (!signal.aborted) status('failed', error instanceof Error ? error.message : String(error));
    } finally {
      await file?.close();
    }

    // Reads and follows the newest instance; returns the file still open, for the caller to close.
    async function readInstances(): Promise<GrowingFile | undefined> {
      status('connecting', `reading ${directory}`);
      let instance = await chooseInstance(directory, request.previous);
      while (instance === undefined) {
        if (!isFollowing) {
          status(
            'ended',
            request.previous
              ? `no previous instance: ${directory} holds one log file at most`
              : `no log file in ${directory}`,
          );
          return undefined;
        }
        status('waiting', `no log file in ${directory} yet`);
        await sleep(pollMs, signal);
        if (signal.aborted) return undefined;
        instance = await chooseInstance(directory, false);
      }
      const path = (restart: number) => `${directory}/${restart}.log`;
      const opened = await files.openGrowing(path(instance), request.window.kind === 'tail' ? TAIL_BYTES : WHOLE_FILE);
      if ('problem' in opened) {
        status('failed', opened.problem);
        return undefined;
      }
      file = opened;
      let parser = createCriLineParser();
      emit(inWindow(parser.push(file.initial), request.window, now()));
      status(isFollowing ? 'streaming' : 'ended', `${path(instance)}${isFollowing ? '' : `: ${count} lines`}`);
      if (!isFollowing) return file;
      while (!signal.aborted) {
        const appended = await file.readAppended();
        if (appended !== '') {
          emit(parser.push(appended));
          continue;
        }
        const newer = await chooseInstance(directory, false);
        if (newer === undefined && (await files.list(directory)) === undefined) {
          status('ended', `${directory} is gone (the pod was removed from this node)`);
          break;
        }
        const rotated = newer === instance && (await file.isReplaced());
        if (newer !== undefined && (newer > instance || rotated)) {
          const next = await files.openGrowing(path(newer), WHOLE_FILE);
          // Between the kubelet's rename and the runtime's reopen the path is briefly absent: keep the old file.
          if (!('problem' in next)) {
            emit(parser.push('\n'));
            await file.close();
            if (newer > instance) {
              sink.lines([
                {streamId, timestamp: '', text: `── ${container} restarted: instance ${newer} ──`, kind: 'separator'},
              ]);
            }
            file = next;
            instance = newer;
            parser = createCriLineParser();
            emit(parser.push(file.initial));
            status('streaming', path(instance));
            continue;
          }
        }
        await sleep(pollMs, signal);
      }
      return file;
    }
  }

  // The newest instance's file (the restart count in its name), or the one before it for the previous instance.
  async function chooseInstance(directory: string, previous: boolean): Promise<number | undefined> {
    const restarts = ((await files.list(directory)) ?? [])
      .map((name) => /^(\d+)\.log$/.exec(name)?.[1])
      .filter((digits): digits is string => digits !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    return restarts.at(previous ? -2 : -1);
  }
}

// The log view's window over lines already read: the last N, those since a moment, or all.
export function inWindow(lines: readonly PodLogLine[], window: LogWindow, nowMs: number): PodLogLine[] {
  switch (window.kind) {
    case 'tail':
      return lines.slice(-window.lines);
    case 'since':
      return lines.filter((line) => (line.timeMs ?? nowMs) >= nowMs - window.seconds * 1000);
    case 'sinceTime': {
      const from = Date.parse(window.time);
      return lines.filter((line) => (line.timeMs ?? from) >= from);
    }
    case 'all':
      return [...lines];
  }
}

// The runtime writes Go's RFC3339Nano (trailing zeros dropped); the kubelet serves the same time with all nine
// digits (kubectl logs --timestamps), which is what the log view and a saved file show for API streams.
export function fixedNanoseconds(time: string): string {
  const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
  if (!match) return time;
  return `${match[1]}.${(match[2] ?? '').padEnd(9, '0').slice(0, 9)}${match[3]}`;
}
