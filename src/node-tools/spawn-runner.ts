import {spawn} from 'node:child_process';
import type {ChildProcess} from 'node:child_process';
import {describeExit, describeSpawnError} from './command-runner.js';
import type {CommandOutcome, CommandRunner, InteractiveRunner, RunOptions} from './command-runner.js';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;
// After SIGTERM a stuck process (a hung NFS stat, a wedged runtime socket) gets this long before SIGKILL.
const KILL_GRACE_MS = 1000;

// The only place in kview that starts processes. No shell is ever involved: spawn gets the executable and the
// argument array as they are. The environment fixes the locale and disables pagers and colours so output parses.
export function createSpawnRunner(environment: NodeJS.ProcessEnv = process.env): CommandRunner {
  const env = {...environment, LC_ALL: 'C', SYSTEMD_COLORS: '0', SYSTEMD_PAGER: '', PAGER: 'cat'};
  return {
    run: (command, args, options = {}) => runToEnd(command, args, env, options),
    follow: (command, args, onLine, options) => followLines(command, args, env, onLine, options.signal),
  };
}

function start(command: string, args: readonly string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, [...args], {env, shell: false, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true});
}

function stop(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  setTimeout(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }, KILL_GRACE_MS).unref();
}

function runToEnd(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: RunOptions,
): Promise<CommandOutcome> {
  const maxBytes = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const okExitCodes = options.okExitCodes ?? [0];
  return new Promise((resolve) => {
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let ending: 'timeout' | 'aborted' | 'too-large' | undefined;
    const child = start(command, args, env);
    const end = (reason: 'timeout' | 'aborted' | 'too-large') => {
      ending ??= reason;
      stop(child);
    };
    const timer = setTimeout(() => end('timeout'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const onAbort = () => end('aborted');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, {once: true});
    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) end('too-large');
      else into.push(chunk);
    };
    child.stdout?.on('data', collect(stdout));
    child.stderr?.on('data', collect(stderr));
    let spawnError: NodeJS.ErrnoException | undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      const out = Buffer.concat(stdout).toString('utf8');
      const err = Buffer.concat(stderr).toString('utf8');
      if (spawnError) {
        resolve({
          ok: false,
          stdout: out,
          stderr: err,
          failure: describeSpawnError(command, spawnError.code, spawnError.message),
        });
      } else if (ending) {
        resolve({ok: false, stdout: out, stderr: err, failure: describeEnding(command, ending, options, maxBytes)});
      } else if (code !== null && okExitCodes.includes(code)) {
        resolve({ok: true, stdout: out, stderr: err, exitCode: code});
      } else {
        resolve({ok: false, stdout: out, stderr: err, failure: describeExit(command, code ?? -1, err)});
      }
    });
  });
}

function describeEnding(
  command: string,
  ending: 'timeout' | 'aborted' | 'too-large',
  options: RunOptions,
  maxBytes: number,
) {
  switch (ending) {
    case 'timeout':
      return {kind: ending, line: `${command}: no answer within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000}s`};
    case 'aborted':
      return {kind: ending, line: `${command}: cancelled`};
    case 'too-large':
      return {kind: ending, line: `${command}: output larger than ${Math.round(maxBytes / 1024)} KiB, stopped`};
  }
}

function followLines(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void,
  signal: AbortSignal,
): Promise<CommandOutcome> {
  return new Promise((resolve) => {
    const child = start(command, args, env);
    const onAbort = () => stop(child);
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, {once: true});
    let pending = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      // Only the start matters for the one-line description.
      if (stderr.length < 4096) stderr += chunk;
    });
    let spawnError: NodeJS.ErrnoException | undefined;
    child.on('error', (error: NodeJS.ErrnoException) => {
      spawnError = error;
    });
    child.on('close', (code) => {
      signal.removeEventListener('abort', onAbort);
      if (pending !== '') onLine(pending);
      if (spawnError) {
        resolve({
          ok: false,
          stdout: '',
          stderr,
          failure: describeSpawnError(command, spawnError.code, spawnError.message),
        });
      } else if (signal.aborted || code === 0) {
        resolve({ok: true, stdout: '', stderr, exitCode: code ?? 0});
      } else {
        resolve({ok: false, stdout: '', stderr, failure: describeExit(command, code ?? -1, stderr)});
      }
    });
  });
}

// The user's own environment, unchanged (their locale, TERM and editor settings), and the terminal inherited.
export function createInteractiveRunner(environment: NodeJS.ProcessEnv = process.env): InteractiveRunner {
  return {
    runInteractive: (command, args) =>
      new Promise((resolve) => {
        const child = spawn(command, [...args], {env: environment, shell: false, stdio: 'inherit'});
        let spawnError: NodeJS.ErrnoException | undefined;
        child.on('error', (error: NodeJS.ErrnoException) => {
          spawnError = error;
        });
        child.on('close', (code, signal) => {
          if (spawnError) {
            const failure = describeSpawnError(command, spawnError.code, spawnError.message);
            resolve({ok: false, stdout: '', stderr: '', failure});
          } else if (code === 0) {
            resolve({ok: true, stdout: '', stderr: '', exitCode: 0});
          } else {
            const failure = describeExit(command, code ?? -1, signal ? `ended by ${signal}` : '');
            resolve({ok: false, stdout: '', stderr: '', failure});
          }
        });
      }),
  };
}
