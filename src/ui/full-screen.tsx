import {constants} from 'node:os';
import type {ReactElement} from 'react';
import {render} from 'ink';
import type {Instance} from 'ink';
import {errorLine} from '../resources/error-line.js';
import type {Skin} from '../state/config/skin.js';
import {FRAME_AT_SCREEN_TOP} from './render/scroll-region.js';
import {SkinContext} from './themed-text.js';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?25h\u001b[?1049l';
// Every signal that ends a terminal program by default and can be caught: ctrl-c arrives as a key in raw mode, so
// SIGINT and SIGQUIT come from outside (kill, a supervisor, a closing SSH session sends SIGHUP).
const TERMINATING_SIGNALS = ['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const;

// Full screen like k9s and less: the operator's scrollback is untouched and restored on exit, on a signal and on
// a crash, so a failure never leaves the terminal in the alternate screen. Roots are one line shorter than the
// terminal: Ink clears and redraws the whole screen for output as tall as the terminal, and only rewrites the
// changed lines for shorter output.
export async function runFullScreen(root: ReactElement, skin: Skin = 'default'): Promise<void> {
  const stdout = process.stdout;
  let instance: Instance | undefined;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    Reflect.deleteProperty(globalThis, FRAME_AT_SCREEN_TOP);
    // Cooked mode again, so the shell after kview echoes and edits lines as before.
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  // Ink first (it draws its last frame, still on the alternate screen), then the terminal; then the exit code a
  // shell expects of a program a signal ended (128 + its number). Node's default would die by the signal with
  // the alternate screen still up, because Ink's signal-exit re-raises it when nobody else listens.
  const unmountThenRestore = () => {
    try {
      instance?.unmount();
    } catch {
      // Ink is already gone or broken; the terminal still gets restored below.
    }
    restore();
  };
  const onSignal = (signal: NodeJS.Signals) => {
    unmountThenRestore();
    process.exit(128 + constants.signals[signal]);
  };
  // A last resort only (every promise has its own handler, every view its boundary): whatever still escapes
  // leaves the terminal usable and says one line, instead of a stack trace lost on the alternate screen.
  const onFatal = (error: unknown) => {
    unmountThenRestore();
    process.stderr.write(
      `kview: unexpected failure: ${errorLine(error)}\n  hint: please report this with the command you ran\n`,
    );
    process.exit(70);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  // The frame starts at the top of the cleared alternate screen and is one line shorter than the terminal, so it
  // never moves: the bundled Ink may then let the terminal scroll a region of rows (see build.mjs).
  Reflect.set(globalThis, FRAME_AT_SCREEN_TOP, true);
  process.once('exit', restore);
  for (const signal of TERMINATING_SIGNALS) process.once(signal, onSignal);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  try {
    instance = render(<SkinContext.Provider value={skin}>{root}</SkinContext.Provider>, {
      exitOnCtrlC: false,
      patchConsole: false,
      incrementalRendering: true,
      // A keystroke's frame goes out at once; bursts (watch events, log floods) are batched before they get here.
      maxFps: 60,
    });
    await instance.waitUntilExit();
  } finally {
    restore();
    for (const signal of TERMINATING_SIGNALS) process.off(signal, onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
}
