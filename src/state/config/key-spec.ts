import type {KeySpec, SpecialKey} from '../key-binding.js';

// Key names as a config file spells them (case-insensitive), with the label help and the hint bar show.
const NAMED: Record<string, {label: string; special: SpecialKey}> = {
  enter: {label: 'Enter', special: 'return'},
  return: {label: 'Enter', special: 'return'},
  esc: {label: 'Esc', special: 'escape'},
  escape: {label: 'Esc', special: 'escape'},
  tab: {label: 'tab', special: 'tab'},
  up: {label: '↑', special: 'upArrow'},
  down: {label: '↓', special: 'downArrow'},
  left: {label: '←', special: 'leftArrow'},
  right: {label: '→', special: 'rightArrow'},
  pgup: {label: 'PgUp', special: 'pageUp'},
  pgdn: {label: 'PgDn', special: 'pageDown'},
  pageup: {label: 'PgUp', special: 'pageUp'},
  pagedown: {label: 'PgDn', special: 'pageDown'},
  home: {label: 'Home', special: 'home'},
  end: {label: 'End', special: 'end'},
  delete: {label: 'Delete', special: 'delete'},
};

// The name a config file uses for a special key (the first spelling above).
const SPELLING: Record<SpecialKey, string> = {
  return: 'enter',
  escape: 'esc',
  tab: 'tab',
  upArrow: 'up',
  downArrow: 'down',
  leftArrow: 'left',
  rightArrow: 'right',
  pageUp: 'pgup',
  pageDown: 'pgdn',
  home: 'home',
  end: 'end',
  delete: 'delete',
};

// Keys kview must never take: tmux's and screen's prefixes and terminal flow control (XOFF/XON).
const RESERVED: Record<string, string> = {
  a: "screen's prefix",
  b: "tmux's prefix",
  s: 'terminal flow control (XOFF)',
  q: 'terminal flow control (XON)',
};

// Control keys a terminal sends as other keys, so a binding on them could never be told apart.
const INDISTINCT: Record<string, string> = {
  h: 'Backspace',
  i: 'Tab',
  j: 'Enter (line feed)',
  m: 'Enter',
};

export function parseKeySpec(text: string): KeySpec | {error: string} {
  const named = NAMED[text.toLowerCase()];
  if (named) return {label: named.label, special: named.special};
  if (text === 'space') return {label: 'space', input: ' '};
  const control = /^ctrl-(.)$/i.exec(text);
  if (control) {
    const letter = (control[1] ?? '').toLowerCase();
    if (!/^[a-z]$/.test(letter)) return {error: `"${text}": ctrl- takes a letter`};
    const reserved = RESERVED[letter];
    if (reserved) return {error: `"${text}" is never bound: ${reserved} takes it`};
    const indistinct = INDISTINCT[letter];
    if (indistinct) return {error: `"${text}" arrives as ${indistinct} in a terminal`};
    return {label: `ctrl-${letter}`, input: letter, ctrl: true};
  }
  if ([...text].length === 1 && /^[\x21-\x7e]$/.test(text)) return {label: text, input: text};
  return {
    error: `"${text}" is not a key (one character, ctrl-<letter>, space, or ${Object.keys(SPELLING_NAMES).join(', ')})`,
  };
}

const SPELLING_NAMES = Object.fromEntries(Object.values(SPELLING).map((name) => [name, true]));

// How a config file writes a key, so `kview config` prints what parseKeySpec reads back.
export function formatKeySpec(spec: KeySpec): string {
  if (spec.special) return SPELLING[spec.special];
  if (spec.input === ' ') return 'space';
  return spec.ctrl ? `ctrl-${spec.input ?? ''}` : (spec.input ?? spec.label);
}

// The identity of a key for conflict checks: what commandsFor matches on.
export function keyIdentity(spec: KeySpec): string {
  if (spec.special) return `special:${spec.special}`;
  return `${spec.ctrl ? 'ctrl-' : ''}${spec.input ?? ''}`;
}
