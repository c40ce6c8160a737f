import type {KeyBinding, PressedKey, Scope, SpecialKey} from './key-binding.js';
import {journalBindings, logBindings} from './keymap-logs.js';
import type {LogCommand} from './keymap-logs.js';
import {nodeBindings} from './keymap-node.js';
import type {NodeCommand} from './keymap-node.js';
import {ACTIONS} from './actions.js';
import type {ActionCommand} from './actions.js';

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
  | 'app.back'
  | 'app.command'
  | 'app.filter'
  | 'history.back'
  | 'history.forward'
  | 'history.last'
  | 'app.quit';

export type TableCommand =
  | 'view.toggleWide'
  | 'view.toggleFaults'
  | 'view.open'
  | 'view.describe'
  | 'view.yaml'
  | 'view.events'
  | 'view.logs'
  | 'view.nodePane'
  | 'sort.name'
  | 'sort.age'
  | 'sort.status'
  | 'sort.next'
  | 'sort.previous'
  | 'namespace.all'
  | 'namespace.recent'
  | 'marks.toggle'
  | 'marks.clear'
  | 'job.cancel'
  | 'copy.name'
  | ActionCommand;

export type TextCommand = 'text.nextMatch' | 'text.previousMatch' | 'text.copy';

export type Command = GlobalCommand | TableCommand | TextCommand | LogCommand | NodeCommand;

const globalBindings: ReadonlyArray<KeyBinding<GlobalCommand>> = [
  {
    command: 'cursor.down',
    scope: 'global',
    keys: [
      {label: 'j', input: 'j'},
      {label: '↓', special: 'downArrow'},
    ],
    description: 'move down',
  },
  {
    command: 'cursor.up',
    scope: 'global',
    keys: [
      {label: 'k', input: 'k'},
      {label: '↑', special: 'upArrow'},
    ],
    description: 'move up',
  },
  {
    command: 'cursor.pageDown',
    scope: 'global',
    keys: [
      {label: 'PgDn', special: 'pageDown'},
      {label: 'ctrl-f', input: 'f', ctrl: true},
    ],
    description: 'page down',
  },
  // ctrl-b is tmux's prefix, so PgUp and ctrl-u are the page-up keys.
  {
    command: 'cursor.pageUp',
    scope: 'global',
    keys: [
      {label: 'PgUp', special: 'pageUp'},
      {label: 'ctrl-u', input: 'u', ctrl: true},
    ],
    description: 'page up',
  },
  {
    command: 'cursor.top',
    scope: 'global',
    keys: [
      {label: 'g', input: 'g'},
      {label: 'Home', special: 'home'},
    ],
    description: 'first row',
  },
  {
    command: 'cursor.bottom',
    scope: 'global',
    keys: [
      {label: 'G', input: 'G'},
      {label: 'End', special: 'end'},
    ],
    description: 'last row',
  },
  {
    command: 'app.toggleHelp',
    scope: 'global',
    keys: [{label: '?', input: '?'}],
    description: 'show or hide this help',
    hint: 'help',
  },
  {
    command: 'app.back',
    scope: 'global',
    keys: [{label: 'Esc', special: 'escape'}],
    description: 'back to the previous view (or clear the filter)',
    hint: 'back',
  },
  {
    command: 'app.command',
    scope: 'global',
    keys: [{label: ':', input: ':'}],
    description: 'command: a resource (:pods, :no, :deploy kube-system, :po app=web), :ns, :ctx, :cp, :q',
    hint: 'cmd',
  },
  {
    command: 'app.filter',
    scope: 'global',
    keys: [{label: '/', input: '/'}],
    description: 'filter (regex; !x inverts; -l app=web selects by label) or search text',
    hint: 'filter',
  },
  {command: 'history.back', scope: 'global', keys: [{label: '[', input: '['}], description: 'history: back'},
  {command: 'history.forward', scope: 'global', keys: [{label: ']', input: ']'}], description: 'history: forward'},
  {command: 'history.last', scope: 'global', keys: [{label: '-', input: '-'}], description: 'history: last view'},
  {
    command: 'app.quit',
    scope: 'global',
    keys: [
      {label: 'q', input: 'q'},
      {label: 'ctrl-c', input: 'c', ctrl: true},
    ],
    description: 'quit',
    hint: 'quit',
  },
];

const tableBindings: ReadonlyArray<KeyBinding<TableCommand>> = [
  {
    command: 'view.open',
    scope: 'table',
    keys: [{label: 'Enter', special: 'return'}],
    description: 'open: node -> its pods, pod -> containers -> logs, namespace -> its pods',
    hint: 'open',
  },
  {
    command: 'view.describe',
    scope: 'table',
    keys: [{label: 'd', input: 'd'}],
    description: 'describe',
    hint: 'describe',
  },
  {command: 'view.yaml', scope: 'table', keys: [{label: 'y', input: 'y'}], description: 'YAML', hint: 'yaml'},
  {
    command: 'view.logs',
    scope: 'table',
    keys: [{label: 'l', input: 'l'}],
    description: 'logs of the pod or container',
    hint: 'logs',
  },
  {
    command: 'view.nodePane',
    scope: 'table',
    keys: [{label: 'n', input: 'n'}],
    description: 'node pane: kubelet, runtime, journal and OS checks of the node kview runs on',
    hint: 'node',
  },
  {
    command: 'view.events',
    scope: 'table',
    keys: [{label: 'e', input: 'e'}],
    description: 'events of the selected object',
  },
  {
    command: 'view.toggleWide',
    scope: 'table',
    keys: [{label: 'w', input: 'w'}],
    description: 'toggle wide columns (-o wide)',
    hint: 'wide',
  },
  {
    command: 'view.toggleFaults',
    scope: 'table',
    keys: [{label: 'f', input: 'f'}],
    description: 'faults only: pods not running and ready, nodes not Ready, Warning events',
    hint: 'faults',
  },
  {
    command: 'sort.name',
    scope: 'table',
    keys: [{label: 'N', input: 'N'}],
    description: 'sort by name (again: reverse)',
  },
  {command: 'sort.age', scope: 'table', keys: [{label: 'A', input: 'A'}], description: 'sort by age (again: reverse)'},
  {
    command: 'sort.status',
    scope: 'table',
    keys: [{label: 'S', input: 'S'}],
    description: 'sort by status (again: reverse)',
  },
  {command: 'sort.next', scope: 'table', keys: [{label: '>', input: '>'}], description: 'sort by the next column'},
  {
    command: 'sort.previous',
    scope: 'table',
    keys: [{label: '<', input: '<'}],
    description: 'sort by the previous column',
  },
  {command: 'namespace.all', scope: 'table', keys: [{label: '0', input: '0'}], description: 'all namespaces'},
  {
    command: 'namespace.recent',
    scope: 'table',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => ({label: digit, input: digit})),
    description: 'a recently used namespace (listed in the header)',
  },
  {
    command: 'marks.toggle',
    scope: 'table',
    keys: [{label: 'space', input: ' '}],
    description: 'mark or unmark the row (delete then takes every marked row)',
  },
  {
    command: 'marks.clear',
    scope: 'table',
    keys: [{label: 'M', input: 'M'}],
    description: 'clear the marks (Esc too)',
  },
  {
    command: 'job.cancel',
    scope: 'table',
    keys: [{label: 'X', input: 'X'}],
    description: 'cancel the running drain (the node stays cordoned)',
  },
  {
    command: 'copy.name',
    scope: 'table',
    keys: [{label: 'Y', input: 'Y'}],
    description: "copy the row's name to the terminal's clipboard (OSC 52, works over SSH)",
  },
];

// The terminal's actions: kview hands the terminal over and takes it back as it was. Shell and attach stay under
// --readonly (they create nothing in the cluster); edit changes the object, so --readonly removes it.
const textBindings: ReadonlyArray<KeyBinding<TextCommand>> = [
  {command: 'text.nextMatch', scope: 'text', keys: [{label: 'n', input: 'n'}], description: 'next match', hint: 'next'},
  {command: 'text.previousMatch', scope: 'text', keys: [{label: 'N', input: 'N'}], description: 'previous match'},
  {
    command: 'text.copy',
    scope: 'text',
    keys: [{label: 'Y', input: 'Y'}],
    description: "copy the whole text to the terminal's clipboard (OSC 52)",
  },
];

// The actions' keys come from the action registry; a key may be shared by actions on disjoint kinds (`r` drains a
// node and restarts a deployment), and such a binding only matches on a row of its kinds.
const actionBindings: ReadonlyArray<KeyBinding<TableCommand>> = ACTIONS.map((spec) => ({
  command: spec.command,
  scope: 'table',
  keys: [...spec.keys],
  description: spec.description,
  ...(spec.hint ? {hint: spec.hint} : {}),
  ...(spec.kinds === 'any' ? {} : {kinds: spec.kinds}),
}));

export const keymap: ReadonlyArray<KeyBinding<Command>> = [
  ...tableBindings,
  ...actionBindings,
  ...textBindings,
  ...journalBindings,
  ...logBindings,
  ...nodeBindings,
  ...globalBindings,
];

// A keymap: the table above, or the user's copy of it with keys changed by the config file.
export type KeyTable = ReadonlyArray<KeyBinding<Command>>;

// kind: the kindId of the row the keys act on; bindings for some kinds only count on a row of one of them.
function bindingsIn(scope: Scope, table: KeyTable, kind?: string): ReadonlyArray<KeyBinding<Command>> {
  return table.filter(
    (binding) =>
      (binding.scope === scope || binding.alsoIn?.includes(scope) || binding.scope === 'global') &&
      (binding.kinds === undefined || (kind !== undefined && binding.kinds.includes(kind))),
  );
}

// The commands a key press means in a scope: the scope's own bindings first, then the global ones.
const SPECIAL_KEYS: readonly SpecialKey[] = [
  'upArrow',
  'downArrow',
  'leftArrow',
  'rightArrow',
  'pageUp',
  'pageDown',
  'home',
  'end',
  'escape',
  'return',
  'tab',
  'delete',
];

export function commandsFor(
  input: string,
  key: PressedKey,
  scope: Scope = 'table',
  table: KeyTable = keymap,
  kind?: string,
): Command[] {
  const candidates = bindingsIn(scope, table, kind);
  // Only named keys count: Ink also reports modifier and lock states (caps lock, num lock) that are not keys.
  const special = SPECIAL_KEYS.find((name) => Boolean(key[name]));
  if (special) {
    const binding = candidates.find((entry) => entry.keys.some((spec) => spec.special === special));
    return binding ? [binding.command] : [];
  }
  // Key repeat over a slow link can deliver "jjj" as one read: each character is one command.
  const characters = key.ctrl ? [input] : [...input];
  const commands: Command[] = [];
  for (const character of characters) {
    const binding = candidates.find((entry) =>
      entry.keys.some((spec) => spec.input === character && Boolean(spec.ctrl) === Boolean(key.ctrl)),
    );
    if (binding) commands.push(binding.command);
  }
  return commands;
}

export function bindingsForHelp(
  scope: Scope,
  table: KeyTable = keymap,
  kind?: string,
): ReadonlyArray<KeyBinding<Command>> {
  return bindingsIn(scope, table, kind);
}

export function keyLabels(binding: KeyBinding): string {
  return binding.keys.map((spec) => spec.label).join('/');
}
