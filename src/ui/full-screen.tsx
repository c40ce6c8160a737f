import type {ReactElement} from 'react';
import {render} from 'ink';
import type {Skin} from '../state/config/skin.js';
import {SkinContext} from './themed-text.js';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?25h\u001b[?1049l';
const FRAME_AT_SCREEN_TOP = Symbol.for('kview.frameAtScreenTop');

// Full screen like k9s and less: the operator's scrollback is untouched and restored on exit, on a signal and on
// a crash, so a failure never leaves the terminal in the alternate screen. Roots are one line shorter than the
// terminal: Ink clears and redraws the whole screen for output as tall as the terminal, and only rewrites the
// changed lines for shorter output.
export async function runFullScreen(root: ReactElement, skin: Skin = 'default'): Promise<void> {
  const stdout = process.stdout;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    Reflect.deleteProperty(globalThis, FRAME_AT_SCREEN_TOP);
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  // The frame starts at the top of the cleared alternate screen and is one line shorter than the terminal, so it
  // never moves: the bundled Ink may then let the terminal scroll a region of rows (see build.mjs).
  Reflect.set(globalThis, FRAME_AT_SCREEN_TOP, true);
  process.once('exit', restore);
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  try {
    const instance = render(<SkinContext.Provider value={skin}>{root}</SkinContext.Provider>, {
      exitOnCtrlC: false,
      patchConsole: false,
      incrementalRendering: true,
      // A keystroke's frame goes out at once; bursts (watch events, log floods) are batched before they get here.
      maxFps: 60,
    });
    await instance.waitUntilExit();
  } finally {
    restore();
  }
}
