// Types shared by the keymap's per-scope tables (kept apart so each scope's file can import them without a cycle).
export type Scope = 'global' | 'table' | 'text' | 'logs' | 'journal' | 'node';

export type SpecialKey =
  | 'upArrow'
  | 'downArrow'
  | 'leftArrow'
  | 'rightArrow'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'escape'
  | 'return'
  | 'tab'
  | 'delete';

export interface KeySpec {
  label: string;
  input?: string;
  ctrl?: boolean;
  special?: SpecialKey;
}

export interface KeyBinding<C extends string = string> {
  command: C;
  // Global bindings work in every view; the others only where their scope is active.
  scope: Scope;
  // Further scopes the binding works in: the journal reader shares most of the log view's keys.
  alsoIn?: readonly Scope[];
  keys: KeySpec[];
  // kindId of the kinds it works on (an action's); absent: every row. Bindings of disjoint kinds may share a key.
  kinds?: readonly string[];
  description: string;
  // Shown in the hint bar when set; the help screen lists every binding.
  hint?: string;
}

// The subset of Ink's key object that matching needs, so the state layer stays free of ink.
export type PressedKey = Partial<Record<SpecialKey | 'ctrl' | 'shift' | 'meta', boolean>>;
