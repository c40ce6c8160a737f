import {spawn} from 'node:child_process';
import type {ChildProcess} from 'node:child_process';
import {TerminalModel} from '../unit/terminal-model.js';

// A program on a real pseudo-terminal of a fixed size (util-linux `script`), with every byte it writes
// timestamped: what a terminal receives is what kview costs over SSH.
export class PtySession {
  readonly child: ChildProcess;
  readonly chunks: Array<{at: number; bytes: number; text: string}> = [];
  readonly startedAt = performance.now();
  // Every chunk replayed in order through a terminal model, up to `replayed`.
  private readonly terminal: TerminalModel;
  private replayed = 0;

  constructor(command: string[], options: {columns: number; rows: number; environment?: Record<string, string>}) {
    this.terminal = new TerminalModel(options.columns, options.rows, false);
    const quoted = command.map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
    this.child = spawn(
      'script',
      ['-qfec', `stty cols ${options.columns} rows ${options.rows}; exec ${quoted}`, '/dev/null'],
      {env: {...process.env, TERM: 'xterm-256color', ...options.environment}},
    );
    this.child.stdout?.on('data', (chunk: Buffer) => {
      this.chunks.push({at: performance.now(), bytes: chunk.length, text: chunk.toString('utf8')});
    });
  }

  write(text: string): void {
    this.child.stdin?.write(text);
  }

  // Resolves with the time of the first output (from chunk `from` on) after which the screen shows the pattern.
  // The screen, not the bytes: kview writes only the cells that change, so a count may arrive digit by digit.
  async waitFor(pattern: RegExp | ((screen: string) => boolean), from = 0, timeoutMs = 60_000): Promise<number> {
    const matches = typeof pattern === 'function' ? pattern : (screen: string) => pattern.test(screen);
    const deadline = performance.now() + timeoutMs;
    let scanned = from;
    for (;;) {
      while (scanned < this.chunks.length) {
        const chunk = this.chunks[scanned++]!;
        while (this.replayed <= scanned - 1) this.terminal.write(this.chunks[this.replayed++]!.text);
        if (matches(this.terminal.screen().join('\n'))) return chunk.at;
      }
      if (performance.now() > deadline) throw new Error(`no ${String(pattern)} within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  // What the terminal shows now.
  screen(): string[] {
    while (this.replayed < this.chunks.length) this.terminal.write(this.chunks[this.replayed++]!.text);
    return this.terminal.screen();
  }

  // The first output after `from` (a chunk index): the frame a keystroke produced.
  async nextOutput(from: number, timeoutMs = 5000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    while (this.chunks.length <= from) {
      if (performance.now() > deadline) throw new Error('no output');
      await new Promise((resolve) => setImmediate(resolve));
    }
    return this.chunks[from]!.at;
  }

  // Bytes written from chunk `from` on.
  bytesSince(from: number): number {
    return this.chunks.slice(from).reduce((sum, chunk) => sum + chunk.bytes, 0);
  }

  // The time of the last output after `from` once nothing more came for quietMs: a keystroke whose result takes
  // several frames (a filter, a sort) is done at its last one.
  async settled(from: number, quietMs = 150, timeoutMs = 30_000): Promise<number> {
    const deadline = performance.now() + timeoutMs;
    await this.nextOutput(from, timeoutMs);
    for (;;) {
      const last = this.chunks.at(-1)!.at;
      if (performance.now() - last >= quietMs) return last;
      if (performance.now() > deadline) throw new Error('output never settled');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop(): void {
    this.child.kill('SIGTERM');
  }
}
