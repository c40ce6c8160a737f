import type {ExecEnd, ExecIo} from '../cluster/pod-exec.js';
import {describeExit, describeSpawnError} from './command-runner.js';
import type {CommandFailure, CommandOutcome, CommandRunner, RunOptions} from './command-runner.js';

// Runs one argument array in the debug pod (the exec API); never a shell.
export type PodExec = (command: readonly string[], io: ExecIo) => Promise<ExecEnd>;

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
const CONNECT_TIMEOUT_MS = 10_000;
// env's exit status when the program cannot be found or started (as a shell's 127 and 126).
const NOT_FOUND = 127;
const NOT_EXECUTABLE = 126;

// The command as it runs in the pod: in the node's own mount namespace (nsenter -t 1 -m; the pod already has the
// node's PID, network and IPC namespaces), so the root, the mount table (df, findmnt) and /proc/self are the
// node's, where `chroot /host` would keep the container's mounts; under busybox's timeout, so a command whose
// connection the local timeout closed does not keep running on the node. The node's own env finds the program
// on the node's PATH: busybox would run its own applet of that name (ps, ls, stat) instead.
export const NODE_ENTRY = ['nsenter', '-t', '1', '-m', '--', '/usr/bin/env', '--'] as const;

export function podCommand(command: string, args: readonly string[], timeoutMs?: number): string[] {
  const entered = [...NODE_ENTRY, command, ...args];
  if (timeoutMs === undefined) return entered;
  return ['timeout', '-s', 'KILL', String(Math.ceil(timeoutMs / 1000) + 2), ...entered];
}

// The same interface as the local runner (src/node-tools/spawn-runner.ts), over a node debug pod: every node
// tool of the pane runs through it unchanged. Timeouts, aborts and the output cap close the exec connection.
export function createExecRunner(exec: PodExec): CommandRunner {
  return {
    run: (command, args, options = {}) => runToEnd(exec, command, args, options),
    follow: (command, args, onLine, options) => followLines(exec, command, args, onLine, options.signal),
  };
}

async function runToEnd(
  exec: PodExec,
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<CommandOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const controller = new AbortController();
  let ending: 'timeout' | 'aborted' | 'too-large' | undefined;
  const end = (reason: 'timeout' | 'aborted' | 'too-large') => {
    ending ??= reason;
    controller.abort();
  };
  const timer = setTimeout(() => end('timeout'), timeoutMs);
  const onAbort = () => end('aborted');
  if (options.signal?.aborted) onAbort();
  options.signal?.addEventListener('abort', onAbort, {once: true});
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  let size = 0;
  const collect = (into: Buffer[]) => (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBytes) end('too-large');
    else into.push(chunk);
  };
  const finished = await exec(podCommand(command, args, timeoutMs), {
    onStdout: collect(stdout),
    onStderr: collect(stderr),
    signal: controller.signal,
    connectTimeoutMs: Math.min(CONNECT_TIMEOUT_MS, timeoutMs),
  });
  clearTimeout(timer);
  options.signal?.removeEventListener('abort', onAbort);
  const out = Buffer.concat(stdout).toString('utf8');
  const err = Buffer.concat(stderr).toString('utf8');
  const failed = (failure: CommandFailure): CommandOutcome => ({ok: false, stdout: out, stderr: err, failure});
  if (ending) return failed(describeEnding(command, ending, timeoutMs, maxBytes));
  if ('connectProblem' in finished) return failed({kind: 'exit', line: `${command}: ${finished.connectProblem}`});
  if ('closed' in finished)
    return failed({kind: 'disconnected', line: `${command}: the exec connection closed before the command ended`});
  if ('problem' in finished) return failed({kind: 'exit', line: `${command}: ${finished.problem}`});
  const okExitCodes = options.okExitCodes ?? [0];
  if (okExitCodes.includes(finished.exitCode)) return {ok: true, stdout: out, stderr: err, exitCode: finished.exitCode};
  return failed(describeEntryExit(command, finished.exitCode, err));
}

// env (and nsenter) report a program they cannot run on stderr with 127/126, which the local runner sees as a spawn error.
function describeEntryExit(command: string, exitCode: number, stderr: string): CommandFailure {
  if (exitCode === NOT_FOUND && /(nsenter|env): .*(No such file|not found)/i.test(stderr))
    return describeSpawnError(command, 'ENOENT', stderr);
  if (exitCode === NOT_EXECUTABLE && /(nsenter|env): .*(Permission denied)/i.test(stderr))
    return describeSpawnError(command, 'EACCES', stderr);
  return describeExit(command, exitCode, stderr);
}

function describeEnding(command: string, ending: 'timeout' | 'aborted' | 'too-large', timeoutMs: number, max: number) {
  switch (ending) {
    case 'timeout':
      return {kind: ending, line: `${command}: no answer within ${timeoutMs / 1000}s`};
    case 'aborted':
      return {kind: ending, line: `${command}: cancelled`};
    case 'too-large':
      return {kind: ending, line: `${command}: output larger than ${Math.round(max / 1024)} KiB, stopped`};
  }
}

async function followLines(
  exec: PodExec,
  command: string,
  args: readonly string[],
  onLine: (line: string) => void,
  signal: AbortSignal,
): Promise<CommandOutcome> {
  let pending = '';
  let stderr = '';
  const decoder = new TextDecoder();
  const finished = await exec(podCommand(command, args), {
    onStdout: (chunk) => {
      const lines = (pending + decoder.decode(chunk, {stream: true})).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    },
    onStderr: (chunk) => {
      if (stderr.length < 4096) stderr += chunk.toString('utf8');
    },
    signal,
    connectTimeoutMs: CONNECT_TIMEOUT_MS,
  });
  if (pending !== '') onLine(pending);
  if (signal.aborted) return {ok: true, stdout: '', stderr, exitCode: 0};
  if ('exitCode' in finished) {
    if (finished.exitCode === 0) return {ok: true, stdout: '', stderr, exitCode: 0};
    return {ok: false, stdout: '', stderr, failure: describeEntryExit(command, finished.exitCode, stderr)};
  }
  const line =
    'connectProblem' in finished
      ? finished.connectProblem
      : 'problem' in finished
        ? finished.problem
        : 'the exec connection closed';
  return {ok: false, stdout: '', stderr, failure: {kind: 'exit', line: `${command}: ${line}`}};
}
