import type {KeyBinding, KeySpec, Scope} from '../key-binding.js';
import type {Command} from '../keymap.js';
import {keyLabels} from '../keymap.js';
import {keyIdentity, parseKeySpec} from './key-spec.js';
import type {Keymap} from './settings.js';

export interface KeyOverride {
  // A command name (every binding of it), or scope:command for one binding of a command bound in several scopes.
  name: string;
  keys: readonly string[];
  line: number;
}

export interface ConfigProblem {
  line: number;
  message: string;
}

const VIEW_SCOPES: readonly Scope[] = ['table', 'text', 'logs', 'journal', 'node'];

// The name a binding goes by in a config file: its command, qualified by its scope when the command is bound in
// several scopes (the journal reader's own keys for unit and boot are log commands).
export function bindingName(table: Keymap, binding: KeyBinding<Command>): string {
  const shared = table.filter((entry) => entry.command === binding.command).length > 1;
  return shared ? `${binding.scope}:${binding.command}` : binding.command;
}

function targetsOf(table: Keymap, name: string): number[] {
  const colon = name.indexOf(':');
  const scope = colon > 0 ? name.slice(0, colon) : undefined;
  const command = colon > 0 ? name.slice(colon + 1) : name;
  return table.flatMap((binding, index) =>
    binding.command === command && (scope === undefined || binding.scope === scope) ? [index] : [],
  );
}

// The user's keys in place of the defaults: each override replaces its bindings' keys, unless a key is not one,
// is one tmux, screen or flow control takes, or meets another command's key in a scope; then the default stays
// and the problem names the line.
export function remapKeys(
  table: Keymap,
  overrides: readonly KeyOverride[],
): {keymap: Keymap; problems: ConfigProblem[]} {
  const problems: ConfigProblem[] = [];
  const applied = new Map<number, {override: KeyOverride; keys: KeySpec[]}>();
  for (const override of overrides) {
    const targets = targetsOf(table, override.name);
    if (targets.length === 0) {
      problems.push({
        line: override.line,
        message: `keys: unknown command "${override.name}" (kview config lists them)`,
      });
      continue;
    }
    if (override.keys.length === 0) {
      problems.push({line: override.line, message: `keys: ${override.name}: needs at least one key`});
      continue;
    }
    const parsed = override.keys.map((text) => parseKeySpec(text));
    const failed = parsed.find((spec): spec is {error: string} => 'error' in spec);
    if (failed) {
      problems.push({line: override.line, message: `keys: ${override.name}: ${failed.error}`});
      continue;
    }
    const keys = parsed as KeySpec[];
    // The default keys written out (as `kview config` prints them) leave the binding as it is, labels included.
    const same = (index: number) => table[index]?.keys.map(keyIdentity).join(' ') === keys.map(keyIdentity).join(' ');
    for (const target of targets) if (!same(target)) applied.set(target, {override, keys});
  }
  // Refuse the overrides that meet another key until none is left; a swap of two keys is applied together.
  for (;;) {
    const current = build(table, applied);
    const conflict = findConflicts(current).find((found) => applied.has(found.second) || applied.has(found.first));
    if (!conflict) return {keymap: current, problems};
    const refused = applied.has(conflict.second) ? conflict.second : conflict.first;
    const other = refused === conflict.second ? conflict.first : conflict.second;
    const {override} = applied.get(refused)!;
    for (const index of targetsOf(table, override.name)) applied.delete(index);
    const otherBinding = current[other]!;
    problems.push({
      line: override.line,
      message:
        `keys: ${override.name}: ${conflict.label} is already the key of ${bindingName(table, otherBinding)} in the ` +
        `${conflict.scope} view; kept ${keyLabels(table[refused]!)}`,
    });
  }
}

function build(table: Keymap, applied: ReadonlyMap<number, {keys: KeySpec[]}>): Keymap {
  return table.map((binding, index) => {
    const override = applied.get(index);
    return override ? {...binding, keys: override.keys} : binding;
  });
}

export interface KeyConflict {
  scope: Scope;
  label: string;
  // Indexes into the table, first the earlier binding.
  first: number;
  second: number;
}

// Two bindings can meet on a row: unless both are for some kinds only, and no kind is in both.
function overlap(first: KeyBinding<Command>, second: KeyBinding<Command>): boolean {
  if (first.kinds === undefined || second.kinds === undefined) return true;
  return first.kinds.some((kind) => second.kinds?.includes(kind));
}

// Two bindings with one key where both are active: the view's own keys and the global ones, per view.
export function findConflicts(table: Keymap): KeyConflict[] {
  const conflicts: KeyConflict[] = [];
  for (const scope of VIEW_SCOPES) {
    const seen = new Map<string, number[]>();
    table.forEach((binding, index) => {
      const active = binding.scope === scope || binding.scope === 'global' || binding.alsoIn?.includes(scope);
      if (!active) return;
      for (const spec of binding.keys) {
        const identity = keyIdentity(spec);
        const earlier = seen.get(identity) ?? [];
        const clash = earlier.find((other) => other !== index && overlap(table[other]!, binding));
        if (clash !== undefined) conflicts.push({scope, label: spec.label, first: clash, second: index});
        seen.set(identity, [...earlier, index]);
      }
    });
  }
  return conflicts;
}
