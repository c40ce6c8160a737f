import {execFileSync} from 'node:child_process';

// A real terminal for end-to-end tests: kview runs in a detached tmux pane of a fixed size, read with
// capture-pane and driven with send-keys, exactly what a user over SSH sees and types.
export class TmuxTerminal {
  readonly name = `kview-test-${process.pid}-${Math.floor(Math.random() * 1e6)}`;

  constructor(command: string[], options: {columns?: number; rows?: number; environment?: Record<string, string>}) {
    // Colours as a terminal has them, whatever the test runner's environment forces (the selection is inverse).
    const environment = Object.entries({FORCE_COLOR: '1', ...options.environment}).flatMap(([key, value]) => [
      '-e',
      `${key}=${value}`,
    ]);
    execFileSync('tmux', [
      'new-session',
      '-d',
      '-s',
      this.name,
      '-x',
      String(options.columns ?? 160),
      '-y',
      String(options.rows ?? 40),
      ...environment,
      ...command,
    ]);
    // Keep the pane after kview exits so the test can read what it left on the screen.
    execFileSync('tmux', ['set-option', '-t', this.name, 'remain-on-exit', 'on']);
  }

  screen(): string {
    return execFileSync('tmux', ['capture-pane', '-p', '-t', this.name], {encoding: 'utf8'});
  }

  // The selected row: the last line drawn in inverse video (tab bars above a list are inverse too).
  selectedLine(): string {
    const screen = execFileSync('tmux', ['capture-pane', '-p', '-e', '-t', this.name], {encoding: 'utf8'});
    // tmux may combine attributes into one sequence (ESC[33;7m), so any SGR with a 7 parameter counts.
    const inverse = screen.split('\n').filter((line) => /\u001b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m/.test(line));
    return (inverse.at(-1) ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  }

  sendKeys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.name, ...keys]);
  }

  resize(columns: number, rows: number): void {
    execFileSync('tmux', ['resize-window', '-t', this.name, '-x', String(columns), '-y', String(rows)]);
  }

  // "1" once the pane's process has exited, with remain-on-exit keeping the pane.
  exited(): boolean {
    return (
      execFileSync('tmux', ['display-message', '-p', '-t', this.name, '#{pane_dead}'], {encoding: 'utf8'}).trim() ===
      '1'
    );
  }

  exitStatus(): number {
    return Number(
      execFileSync('tmux', ['display-message', '-p', '-t', this.name, '#{pane_dead_status}'], {
        encoding: 'utf8',
      }).trim(),
    );
  }

  // A tmux format of the pane (#{alternate_on}, #{cursor_flag}, #{pane_pid}...), as tmux reports it now.
  format(text: string): string {
    return execFileSync('tmux', ['display-message', '-p', '-t', this.name, text], {encoding: 'utf8'}).trim();
  }

  close(): void {
    try {
      execFileSync('tmux', ['kill-session', '-t', this.name], {stdio: 'ignore'});
    } catch {
      // already gone
    }
  }
}
