import {createContext, useCallback, useContext} from 'react';
import {useStdout} from 'ink';
import {clipboardTerminalFromEnvironment, copyStatusLine, osc52Copy} from '../resources/osc52.js';
import type {ClipboardTerminal} from '../resources/osc52.js';

// The terminal kview draws on, as far as its clipboard goes; the App provides the world's (tmux's options asked).
export const ClipboardContext = createContext<ClipboardTerminal>(clipboardTerminalFromEnvironment(process.env));

// Copies text to the clipboard of the terminal the operator sits at and returns the status line to show. The
// sequence goes straight to Ink's stdout between two frames: OSC 52 draws nothing and moves no cursor, so the
// frame Ink last wrote stays exactly as it is (Ink's own write() would clear and redraw it).
export function useClipboard(): (what: string, text: string) => string {
  const terminal = useContext(ClipboardContext);
  const {stdout} = useStdout();
  return useCallback(
    (what: string, text: string) => {
      const copy = osc52Copy(text, terminal);
      if (copy.written) stdout.write(copy.sequence);
      return copyStatusLine(what, copy);
    },
    [terminal, stdout],
  );
}
