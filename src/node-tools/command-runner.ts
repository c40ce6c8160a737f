// The one interface every node check runs its commands through. Commands are an executable and an argument array,
// never a shell string, so nothing a pod or a user names can be read by a shell.
export interface RunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  // Output beyond this is a failure rather than memory growth (a journal without -n can be gigabytes).
  maxOutputBytes?: number;
  // Exit codes that still mean "answered" (systemctl is-active exits 3 for an inactive unit).
  okExitCodes?: readonly number[];
}

export type FailureKind =
  | 'missing'
  | 'permission'
  | 'no-systemd'
  | 'exit'
  | 'timeout'
  | 'aborted'
  | 'too-large'
  | 'unsafe-argument'
  // The way to the node broke while the command ran (a debug pod's exec goes through the kubelet): it may
  // have run to its end or not.
  | 'disconnected';

export interface CommandFailure {
  kind: FailureKind;
  // One line an operator can act on, never a stack trace.
  line: string;
  exitCode?: number;
}

export type CommandOutcome =
  | {ok: true; stdout: string; stderr: string; exitCode: number}
  | {ok: false; failure: CommandFailure; stdout: string; stderr: string};

export interface CommandRunner {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<CommandOutcome>;
  // Streams stdout line by line until the process ends or the signal aborts it (journalctl -f, tail -F).
  follow(
    command: string,
    args: readonly string[],
    onLine: (line: string) => void,
    options: {signal: AbortSignal},
  ): Promise<CommandOutcome>;
}

// The command as an operator would type it, for evidence lines and hints; only ever displayed, never executed.
export function displayCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map(quoteForDisplay).join(' ');
}

function quoteForDisplay(word: string): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// Turns how a command ended into one line, with the usual causes on a node named plainly.
export function describeExit(command: string, exitCode: number, stderr: string): CommandFailure {
  const firstLine =
    stderr
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? '';
  if (/System has not been booted with systemd|Failed to connect to bus|systemd is not running/i.test(stderr)) {
    return {
      kind: 'no-systemd',
      exitCode,
      line: `${command}: systemd is not PID 1 on this host (System has not been booted with systemd)`,
    };
  }
  if (/permission denied|operation not permitted|EACCES|must be root|access denied/i.test(stderr)) {
    return {kind: 'permission', exitCode, line: `${command}: permission denied (${firstLine}); try again as root`};
  }
  return {kind: 'exit', exitCode, line: `${command}: exit ${exitCode}${firstLine ? `: ${firstLine}` : ''}`};
}

export function describeSpawnError(command: string, code: string | undefined, message: string): CommandFailure {
  if (code === 'ENOENT') return {kind: 'missing', line: `${command}: not installed (not found on PATH)`};
  if (code === 'EACCES' || code === 'EPERM') {
    return {kind: 'permission', line: `${command}: permission denied when starting it`};
  }
  return {kind: 'exit', line: `${command}: could not start (${message.split('\n')[0]})`};
}

// A program that takes the terminal (an editor): stdin, stdout and stderr are kview's own, so the caller hands
// the terminal over first. No timeout: the user decides how long an edit takes.
export interface InteractiveRunner {
  runInteractive(command: string, args: readonly string[]): Promise<CommandOutcome>;
}
