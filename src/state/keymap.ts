// The one table of keys: input handling, the help screen and the hint bar are all generated from it.
export type Command =
  | 'cursor.down'
  | 'cursor.up'
  | 'cursor.pageDown'
  | 'cursor.pageUp'
  | 'cursor.top'
  | 'cursor.bottom'
  | 'view.toggleWide'
  | 'app.toggleHelp'
  | 'app.quit';

export type SpecialKey = 'upArrow' | 'downArrow' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'escape' | 'return';

export interface KeySpec {
  label: string;
  input?: string;
  ctrl?: boolean;
  special?: SpecialKey;
}

export interface KeyBinding {
  command: Command;
  keys: KeySpec[];
  description: string;
  // Shown in the hint bar when set; the help screen lists every binding.
  hint?: string;
}

// The subset of Ink's key object that matching needs, so this module stays free of ink.
export type PressedKey = Partial<Record<SpecialKey | 'ctrl', boolean>>;

export const keymap: readonly KeyBinding[] = [
  {command: 'cursor.down', keys: [{label: 'j', input: 'j'}, {label: '↓', special: 'downArrow'}], description: 'move down'},
  {command: 'cursor.up', keys: [{label: 'k', input: 'k'}, {label: '↑', special: 'upArrow'}], description: 'move up'},
  {
    command: 'cursor.pageDown',
    keys: [{label: 'PgDn', special: 'pageDown'}, {label: 'ctrl-f', input: 'f', ctrl: true}],
    description: 'page down',
  },
  {
    command: 'cursor.pageUp',
    // ctrl-b is tmux's prefix, so PgUp and ctrl-u are the page-up keys.
    keys: [{label: 'PgUp', special: 'pageUp'}, {label: 'ctrl-u', input: 'u', ctrl: true}],
    description: 'page up',
  },
  {command: 'cursor.top', keys: [{label: 'g', input: 'g'}, {label: 'Home', special: 'home'}], description: 'first row'},
  {command: 'cursor.bottom', keys: [{label: 'G', input: 'G'}, {label: 'End', special: 'end'}], description: 'last row'},
  {command: 'view.toggleWide', keys: [{label: 'w', input: 'w'}], description: 'toggle wide columns (-o wide)',
    hint: 'wide'},
  {command: 'app.toggleHelp', keys: [{label: '?', input: '?'}], description: 'show or hide this help', hint: 'help'},
  {command: 'app.quit', keys: [{label: 'q', input: 'q'}, {label: 'ctrl-c', input: 'c', ctrl: true}],
    description: 'quit', hint: 'quit'},
];

export function commandsFor(input: string, key: PressedKey): Command[] {
  const special = (Object.keys(key) as Array<keyof PressedKey>).find((name) => name !== 'ctrl' && key[name]);
  if (special) {
    const binding = keymap.find((entry) => entry.keys.some((spec) => spec.special === special));
    return binding ? [binding.command] : [];
  }
  // Key repeat over a slow link can deliver "jjj" as one read: each character is one command.
  const characters = key.ctrl ? [input] : [...input];
  const commands: Command[] = [];
  for (const character of characters) {
    const binding = keymap.find((entry) =>
      entry.keys.some((spec) => spec.input === character && Boolean(spec.ctrl) === Boolean(key.ctrl)));
    if (binding) commands.push(binding.command);
  }
  return commands;
}

export function keyLabels(binding: KeyBinding): string {
  return binding.keys.map((spec) => spec.label).join('/');
}
