import {constants} from 'node:os';
import type {ReactElement} from 'react';
import {render} from 'ink';
import type {Instance} from 'ink';
import {errorLine} from '../resources/error-line.js';
import type {Skin} from '../state/config/skin.js';
import {FRAME_AT_SCREEN_TOP} from './render/scroll-region.js';
import {SkinContext} from './themed-text.js';
import {
  createTerminalHandover,
  ENTER_ALTERNATE_SCREEN,
  HandoverFrame,
  LEAVE_ALTERNATE_SCREEN,
  pausableOutput,
  TerminalHandoverContext,
} from './terminal-handover.js';
// Every signal that ends a terminal program by default and can be caught: ctrl-c arrives as a key in raw mode, so
// SIGINT and SIGQUIT come from outside (kill, a supervisor, a closing SSH session sends SIGHUP).
const TERMINATING_SIGNALS = ['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const;

// Full screen like k9s and less: the operator's scrollback is untouched and restored on exit, on a signal and on
// a crash, so a failure never leaves the terminal in the alternate screen. Roots are one line shorter than the
// terminal: Ink clears and redraws the whole screen for output as tall as the terminal, and only rewrites the
// changed lines for shorter output.
// beforeSignalExit runs after the terminal is restored and before a signal's exit (kview's debug pods are
// deleted then); it must settle on its own within a few seconds.
export async function runFullScreen(
  root: ReactElement,
  skin: Skin = 'default',
  beforeSignalExit?: () => Promise<void>,
): Promise<void> {
  const stdout = process.stdout;
  let instance: Instance | undefined;
  let restored = false;
  let exiting: Promise<never> | undefined;
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
  // Ink's exit resolves below at once; the exit code must still be the signal's (or the failure's), and a second
  // signal or failure while the debug pods are deleted changes nothing.
  const exitAfterCleanup = (code: number) => {
    if (exiting) return;
    if (!beforeSignalExit) process.exit(code);
    exiting = beforeSignalExit()
      .catch(() => undefined)
      .then(() => process.exit(code));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    unmountThenRestore();
    exitAfterCleanup(128 + constants.signals[signal]);
  };
  // A last resort only (every promise has its own handler, every view its boundary): whatever still escapes
  // leaves the terminal usable and says one line, instead of a stack trace lost on the alternate screen.
  const onFatal = (error: unknown) => {
    if (exiting) return;
    unmountThenRestore();
    process.stderr.write(
      `kview: unexpected failure: ${errorLine(error)}\n  hint: please report this with the command you ran\n`,
    );
    exitAfterCleanup(70);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  // The frame starts at the top of the cleared alternate screen and is one line shorter than the terminal, so it
  // never moves: the bundled Ink may then let the terminal scroll a region of rows (see build.mjs).
  Reflect.set(globalThis, FRAME_AT_SCREEN_TOP, true);
  process.once('exit', restore);
  // Kept (not once) while the debug pods are deleted: Ink's signal-exit re-raises a signal nobody else listens
  // to, which would end kview by the signal before the deletion is sent.
  for (const signal of TERMINATING_SIGNALS) process.on(signal, onSignal);
  process.on('uncaughtException', onFatal);
  process.on('unhandledRejection', onFatal);
  try {
    // A shell or an editor can be given the terminal (s, a, E) and kview takes it back as it was.
    const output = pausableOutput(stdout);
    const handover = createTerminalHandover(process.stdin, stdout, output);
    const tree = (
      <SkinContext.Provider value={skin}>
        <TerminalHandoverContext.Provider value={handover}>
          <HandoverFrame frame={handover.frame}>{root}</HandoverFrame>
        </TerminalHandoverContext.Provider>
      </SkinContext.Provider>
    );
    instance = render(tree, {
      stdout: output.stream,
      exitOnCtrlC: false,
      patchConsole: false,
      incrementalRendering: true,
      // A keystroke's frame goes out at once; bursts (watch events, log floods) are batched before they get here.
      maxFps: 60,
    });
    await instance.waitUntilExit();
    if (exiting) await exiting;
  } finally {
    restore();
    for (const signal of TERMINATING_SIGNALS) process.off(signal, onSignal);
    process.off('uncaughtException', onFatal);
    process.off('unhandledRejection', onFatal);
  }
}
