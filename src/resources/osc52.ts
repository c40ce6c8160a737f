// Copying to the clipboard of the terminal the operator sits at, which over SSH is the only clipboard there is:
// OSC 52 (`ESC ] 52 ; c ; BASE64 BEL`), which xterm, iTerm2, kitty, WezTerm, Windows Terminal, foot and tmux read.

// tmux takes an OSC 52 of up to about 1 MB, but xterm's default and several terminals stop near 100 KB of base64,
// so the text is cut to what 100,000 base64 characters carry and the status line says so.
export const OSC52_MAX_BASE64 = 100_000;

// What kview knows of the terminal it writes to (from the environment, and tmux's own options when inside tmux).
export interface ClipboardTerminal {
  term: string | undefined;
  inTmux: boolean;
  // tmux's set-clipboard option (on, external, off) and allow-passthrough (3.3+), when tmux could be asked.
  tmuxSetClipboard?: string;
  tmuxPassthrough?: string;
  inScreen: boolean;
}

export interface Osc52Copy {
  // Empty when nothing is written (a terminal that cannot take it).
  sequence: string;
  // Bytes of UTF-8 text the sequence carries, and of the text asked for.
  copiedBytes: number;
  totalBytes: number;
  truncated: boolean;
  // Why the clipboard may not receive it, or why nothing was written.
  note?: string;
  written: boolean;
}

const BEL = '\u0007';
const ESC = '\u001b';

export function osc52Copy(text: string, terminal: ClipboardTerminal, maxBase64 = OSC52_MAX_BASE64): Osc52Copy {
  const bytes = Buffer.from(text, 'utf8');
  const kept = cutAtCharacter(bytes, Math.floor(maxBase64 / 4) * 3);
  const base = {copiedBytes: kept.length, totalBytes: bytes.length, truncated: kept.length < bytes.length};
  const refusal = refusalFor(terminal);
  if (refusal) return {...base, sequence: '', note: refusal, written: false, copiedBytes: 0};
  const plain = `${ESC}]52;c;${kept.toString('base64')}${BEL}`;
  const route = routeFor(terminal);
  return {...base, sequence: route.wrap ? route.wrap(plain) : plain, note: route.note, written: true};
}

// The status line after a copy: what, how many bytes, and what may stop it arriving.
export function copyStatusLine(what: string, copy: Osc52Copy): string {
  if (!copy.written) return `${what} not copied: ${copy.note ?? 'the terminal cannot take it'}`;
  const size = copy.truncated
    ? `${copy.copiedBytes} of ${copy.totalBytes} bytes: truncated at the OSC 52 limit of ${OSC52_MAX_BASE64} base64 characters`
    : `${copy.copiedBytes} bytes`;
  return `copied ${what} (${size}) to the terminal's clipboard (OSC 52)${copy.note ? `; ${copy.note}` : ''}`;
}

function refusalFor(terminal: ClipboardTerminal): string | undefined {
  // The Linux console prints an OSC it does not know onto the screen on older kernels: nothing is written there.
  if (terminal.term === 'linux') return 'the Linux console (TERM=linux) has no clipboard for OSC 52';
  if (terminal.term === 'dumb') return 'TERM=dumb has no clipboard for OSC 52';
  return undefined;
}

interface Route {
  wrap?: (sequence: string) => string;
  note?: string;
}

// Inside tmux, tmux itself reads OSC 52 when set-clipboard is on (it sets its buffer and forwards to the outer
// terminal where that has the Ms capability); with the default `external` it drops what applications send. Its
// DCS passthrough (`ESC P tmux; ...`, every ESC doubled) reaches the outer terminal only with allow-passthrough on.
function routeFor(terminal: ClipboardTerminal): Route {
  if (terminal.inTmux) {
    if (terminal.tmuxSetClipboard === 'on') return {};
    if (terminal.tmuxPassthrough === 'on' || terminal.tmuxPassthrough === 'all') {
      return {wrap: (sequence) => `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\`};
    }
    const setting = terminal.tmuxSetClipboard
      ? `set-clipboard is ${terminal.tmuxSetClipboard}`
      : 'set-clipboard unknown';
    return {note: `tmux (${setting}) may drop it: tmux set -g set-clipboard on`};
  }
  if (terminal.inScreen) {
    // screen forwards a DCS string's content to the outer terminal, but only a short one (its buffer is 768 bytes).
    return {
      wrap: (sequence) => `${ESC}P${sequence}${ESC}\\`,
      note: 'GNU screen passes only short OSC 52 strings on; tmux with set-clipboard on takes any size',
    };
  }
  return {};
}

// At most `limit` bytes, never ending inside a UTF-8 character.
function cutAtCharacter(bytes: Buffer, limit: number): Buffer {
  if (bytes.length <= limit) return bytes;
  let end = limit;
  // 10xxxxxx is a continuation byte: step back to the start of the character it belongs to.
  while (end > 0 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

// The terminal as the environment describes it; tmux's options are asked separately (node-tools/tmux-options.ts).
export function clipboardTerminalFromEnvironment(environment: Readonly<Record<string, string | undefined>>) {
  return {
    term: environment.TERM,
    inTmux: Boolean(environment.TMUX),
    inScreen: !environment.TMUX && Boolean(environment.STY),
  } satisfies ClipboardTerminal;
}
