import {createContext, useContext, useLayoutEffect, useState} from 'react';
import type {ReactNode} from 'react';
import {Box} from 'ink';
import {FRAME_AT_SCREEN_TOP} from './render/scroll-region.js';

export const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
export const LEAVE_ALTERNATE_SCREEN = '\u001b[?25h\u001b[?1049l';
// Back on the alternate screen: blank it and hide the cursor, as when kview started.
const REDRAW_FROM_BLANK = '\u001b[2J\u001b[H\u001b[?25l';

// The terminal as a program inside a container (a shell) or beside kview (an editor) gets it.
// The part of the terminal's output stream a session uses (a test hands in its own).
export interface TerminalOutput {
  write(chunk: Uint8Array | string): unknown;
  readonly columns: number;
  readonly rows: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

export interface HandedTerminal {
  output: TerminalOutput;
  // What is typed, until the returned function is called. Read as Ink reads ('readable' and read()): switching
  // the stream to flowing mode and back left it delivering nothing to Ink's reader afterwards.
  onInput: (listener: (chunk: string) => void) => () => void;
}

// Gives the whole terminal to something else and takes it back intact: kview's views stay mounted (the same
// view, cursor row and filter after), but draw nothing and read no keys meanwhile. 'raw' keeps the terminal raw
// (a remote TTY does its own echo and line editing, as under kubectl exec -t); 'cooked' restores the mode a
// program started from a shell expects (an editor sets up its own).
export interface TerminalHandover {
  run<T>(mode: 'raw' | 'cooked', session: (terminal: HandedTerminal) => Promise<T>): Promise<T>;
}

export const TerminalHandoverContext = createContext<TerminalHandover | undefined>(undefined);

// Undefined where kview has no terminal of its own to give (a test renderer).
export function useTerminalHandover(): TerminalHandover | undefined {
  return useContext(TerminalHandoverContext);
}

// Ink's output goes through this: while the terminal is handed over its frames are dropped, not written over
// the shell's screen.
export function pausableOutput(stdout: NodeJS.WriteStream): {
  stream: NodeJS.WriteStream;
  setPaused(paused: boolean): void;
} {
  let paused = false;
  const write = (...args: Parameters<NodeJS.WriteStream['write']>): boolean => {
    if (!paused) return stdout.write(...(args as [string]));
    // A dropped write still calls its callback (Ink waits on one at exit).
    const callback = args.find((arg) => typeof arg === 'function') as ((error?: Error) => void) | undefined;
    callback?.();
    return true;
  };
  const stream = new Proxy(stdout, {
    get(target, property) {
      if (property === 'write') return write;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return {
    stream,
    setPaused(next) {
      paused = next;
    },
  };
}

export function createTerminalHandover(
  stdin: NodeJS.ReadStream,
  stdout: NodeJS.WriteStream,
  output: {setPaused(paused: boolean): void},
): TerminalHandover & {frame: HandoverFrameControl} {
  let hide: ((hidden: boolean) => void) | undefined;
  const frame: HandoverFrameControl = {
    attach(next) {
      hide = next;
      return () => {
        hide = undefined;
      };
    },
  };
  let busy = false;
  return {
    frame,
    async run(mode, session) {
      if (busy) throw new Error('the terminal is already handed over');
      busy = true;
      // Dropped from here on: the frame below (an empty one) becomes what Ink believes is on the screen, so the
      // first frame after the return is written in full onto the blanked screen.
      output.setPaused(true);
      hide?.(true);
      // Ink's key reader is set aside, so every key goes to the session (and none is read as a kview command).
      const readers = stdin.listeners('readable') as Array<() => void>;
      for (const reader of readers) stdin.removeListener('readable', reader);
      Reflect.deleteProperty(globalThis, FRAME_AT_SCREEN_TOP);
      stdout.write(LEAVE_ALTERNATE_SCREEN);
      if (stdin.isTTY) stdin.setRawMode(mode === 'raw');
      // An editor reads the terminal itself: kview must not read a byte of it meanwhile.
      if (mode === 'cooked') stopReading(stdin);
      try {
        return await session({output: stdout, onInput: (listener) => readInput(stdin, mode, listener)});
      } finally {
        if (stdin.isTTY) stdin.setRawMode(true);
        stdout.write(ENTER_ALTERNATE_SCREEN + REDRAW_FROM_BLANK);
        Reflect.set(globalThis, FRAME_AT_SCREEN_TOP, true);
        for (const reader of readers) stdin.addListener('readable', reader);
        output.setPaused(false);
        hide?.(false);
        busy = false;
      }
    },
  };
}

export interface HandoverFrameControl {
  attach(hide: (hidden: boolean) => void): () => void;
}

function readInput(stdin: NodeJS.ReadStream, mode: 'raw' | 'cooked', listener: (chunk: string) => void) {
  const reader = () => {
    let chunk: string | Buffer | null;
    while ((chunk = stdin.read() as string | Buffer | null) !== null) listener(chunk.toString());
  };
  stdin.on('readable', reader);
  return () => {
    stdin.removeListener('readable', reader);
    if (mode === 'cooked') stopReading(stdin);
  };
}

// A stream without listeners still has a read armed on the terminal, and it took the first bytes meant for the
// editor (vim's cursor-position report came back to kview as keys after vim exited). This stops it as Node's own
// pause handler for process.stdin does (the stream's read marked not pending, the handle's read stopped); the
// next reader of the stream (Ink's, or a prompt's) starts it again. Stream.pause() itself is not used: its
// handler runs a tick later and would stop the read the next reader has just started.
function stopReading(stdin: NodeJS.ReadStream): void {
  const handle: unknown = Reflect.get(stdin, '_handle');
  const state: unknown = Reflect.get(stdin, '_readableState');
  if (typeof handle !== 'object' || handle === null || typeof state !== 'object' || state === null) return;
  const readStop: unknown = Reflect.get(handle, 'readStop');
  if (Reflect.get(handle, 'reading') !== true || typeof readStop !== 'function') return;
  Reflect.set(state, 'reading', false);
  Reflect.set(handle, 'reading', false);
  Reflect.apply(readStop, handle, []);
}

// Hides kview's whole frame while the terminal is handed over; the views under it stay mounted.
export function HandoverFrame(props: {frame: HandoverFrameControl; children: ReactNode}) {
  const [hidden, setHidden] = useState(false);
  const {frame} = props;
  useLayoutEffect(() => frame.attach(setHidden), [frame]);
  return (
    <Box display={hidden ? 'none' : 'flex'} flexDirection="column">
      {props.children}
    </Box>
  );
}
