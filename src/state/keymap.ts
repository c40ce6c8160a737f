import type {KeyBinding, PressedKey, Scope, SpecialKey} from './key-binding.js';
import {logBindings} from './keymap-logs.js';
import type {LogCommand} from './keymap-logs.js';
import {nodeBindings} from './keymap-node.js';
import type {NodeCommand} from './keymap-node.js';

export type {KeyBinding, KeySpec, PressedKey, Scope, SpecialKey} from './key-binding.js';

// The one table of keys: input handling, the help screen and the hint bar are all generated from it.
// Movement is global: every view moves its own cursor or scroll position with the same keys.
export type GlobalCommand =
  | 'cursor.down'
  | 'cursor.up'
  | 'cursor.pageDown'
  | 'cursor.pageUp'
  | 'cursor.top'
  | 'cursor.bottom'
  | 'app.toggleHelp'
  | 'app.quit';

export type TableCommand = 'view.toggleWide';

export type Command = GlobalCommand | TableCommand | LogCommand | NodeCommand;

const globalBindings: ReadonlyArray<KeyBinding<GlobalCommand>> = [
  {command: 'cursor.down', scope: 'global', keys: [{label: 'j', input: 'j'}, {label: '↓', special: 'downArrow'}],
    description: 'move down'},
  {command: 'cursor.up', scope: 'global', keys: [{label: 'k', input: 'k'}, {label: '↑', special: 'upArrow'}],
    description: 'move up'},
  {command: 'cursor.pageDown', scope: 'global',
    keys: [{label: 'PgDn', special: 'pageDown'}, {label: 'ctrl-f', input: 'f', ctrl: true}], description: 'page down'},
  // ctrl-b is tmux's prefix, so PgUp and ctrl-u are the page-up keys.
  {command: 'cursor.pageUp', scope: 'global',
    keys: [{label: 'PgUp', special: 'pageUp'}, {label: 'ctrl-u', input: 'u', ctrl: true}], description: 'page up'},
  {command: 'cursor.top', scope: 'global', keys: [{label: 'g', input: 'g'}, {label: 'Home', special: 'home'}],
    description: 'first row'},
  {command: 'cursor.bottom', scope: 'global', keys: [{label: 'G', input: 'G'}, {label: 'End', special: 'end'}],
    description: 'last row'},
  {command: 'app.toggleHelp', scope: 'global', keys: [{label: '?', input: '?'}], description: 'show or hide this help',
    hint: 'help'},
  {command: 'app.quit', scope: 'global', keys: [{label: 'q', input: 'q'}, {label: 'ctrl-c', input: 'c', ctrl: true}],
    description: 'quit', hint: 'quit'},
];

const tableBindings: ReadonlyArray<KeyBinding<TableCommand>> = [
  {command: 'view.toggleWide', scope: 'table', keys: [{label: 'w', input: 'w'}],
    description: 'toggle wide columns (-o wide)', hint: 'wide'},
];

export const keymap: ReadonlyArray<KeyBinding<Command>> = [
  ...tableBindings, ...logBindings, ...nodeBindings, ...globalBindings,
];

function bindingsIn(scope: Scope): ReadonlyArray<KeyBinding<Command>> {
  return keymap.filter((binding) => binding.scope === scope || binding.scope === 'global');
}

// The commands a key press means in a scope: the scope's own bindings first, then the global ones.
export function commandsFor(input: string, key: PressedKey, scope: Scope = 'table'): Command[] {
  const candidates = bindingsIn(scope);
  const special = (Object.keys(key) as Array<keyof PressedKey>)
    .find((name): name is SpecialKey => name !== 'ctrl' && name !== 'shift' && name !== 'meta' && Boolean(key[name]));
  if (special) {
    const binding = candidates.find((entry) => entry.keys.some((spec) => spec.special === special));
    return binding ? [binding.command] : [];
  }
  // Key repeat over a slow link can deliver "jjj" as one read: each character is one command.
  const characters = key.ctrl ? [input] : [...input];
  const commands: Command[] = [];
  for (const character of characters) {
    const binding = candidates.find((entry) =>
      entry.keys.some((spec) => spec.input === character && Boolean(spec.ctrl) === Boolean(key.ctrl)));
    if (binding) commands.push(binding.command);
  }
  return commands;
}

export function bindingsForHelp(scope: Scope): ReadonlyArray<KeyBinding<Command>> {
  return bindingsIn(scope);
}

export function keyLabels(binding: KeyBinding): string {
  return binding.keys.map((spec) => spec.label).join('/');
}
