import type {KeyBinding} from './key-binding.js';

// Keys of the log view (scope 'logs'). Movement, g/G, /, Esc, ? and q are the global keys: scrolling up pauses
// follow and G resumes it, as in less +F. Digits pick the window as in k9s (0 tail, then 1m 5m 15m 30m 1h).
// The journal reader (scope 'journal') shares every reading key; only choosing containers differs, and it has
// its own bindings for units, boots and priority below.
export type LogCommand =
  | 'logs.toggleFollow'
  | 'logs.toggleWrap'
  | 'logs.toggleStreams'
  | 'logs.scrollLeft'
  | 'logs.scrollRight'
  | 'logs.cycleTimestamps'
  | 'logs.nextMatch'
  | 'logs.previousMatch'
  | 'logs.toggleHighlightOnly'
  | 'logs.cycleContext'
  | 'logs.marker'
  | 'logs.clear'
  | 'logs.save'
  | 'logs.copyVisible'
  | 'logs.copyBuffer'
  | 'logs.sinceTail'
  | 'logs.since1m'
  | 'logs.since5m'
  | 'logs.since15m'
  | 'logs.since30m'
  | 'logs.since1h'
  | 'logs.sinceAll'
  | 'logs.sinceTyped'
  | 'logs.togglePrevious'
  | 'logs.nextContainer'
  | 'logs.toggleAllContainers'
  | 'logs.cycleJson'
  | 'journal.cyclePriority';

function key(label: string, input = label): {label: string; input: string} {
  return {label, input};
}

const shared = {alsoIn: ['journal']} as const;

export const logBindings: ReadonlyArray<KeyBinding<LogCommand>> = [
  {
    command: 'logs.toggleFollow',
    scope: 'logs',
    ...shared,
    keys: [key('s')],
    description: 'follow on/off (G also resumes)',
    hint: 'follow',
  },
  {
    command: 'logs.toggleWrap',
    scope: 'logs',
    ...shared,
    keys: [key('w')],
    description: 'wrap long lines on/off',
    hint: 'wrap',
  },
  {
    command: 'logs.toggleStreams',
    scope: 'logs',
    ...shared,
    keys: [key('i')],
    description: 'streams: one status line per pod/container stream on/off',
  },
  {
    command: 'logs.scrollLeft',
    scope: 'logs',
    ...shared,
    keys: [key('h'), {label: '←', special: 'leftArrow'}],
    description: 'scroll left half a screen',
  },
  {
    command: 'logs.scrollRight',
    scope: 'logs',
    ...shared,
    keys: [key('l'), {label: '→', special: 'rightArrow'}],
    description: 'scroll right half a screen',
  },
  {
    command: 'logs.cycleTimestamps',
    scope: 'logs',
    ...shared,
    keys: [key('t')],
    description: 'timestamps: off, UTC, local',
    hint: 'time',
  },
  {command: 'logs.nextMatch', scope: 'logs', ...shared, keys: [key('n')], description: 'next match of the filter'},
  {
    command: 'logs.previousMatch',
    scope: 'logs',
    ...shared,
    keys: [key('N')],
    description: 'previous match of the filter',
  },
  {
    command: 'logs.toggleHighlightOnly',
    scope: 'logs',
    ...shared,
    keys: [key('H')],
    description: 'filter hides other lines / only highlights matches',
  },
  {
    command: 'logs.cycleContext',
    scope: 'logs',
    ...shared,
    keys: [key('x')],
    description: 'context lines around matches: 0 1 3 5',
  },
  {command: 'logs.marker', scope: 'logs', ...shared, keys: [key('m')], description: 'insert a marker line'},
  {command: 'logs.clear', scope: 'logs', ...shared, keys: [key('C')], description: 'clear the view'},
  {
    command: 'logs.save',
    scope: 'logs',
    ...shared,
    keys: [key('S')],
    description: 'save the buffer to a file',
    hint: 'save',
  },
  {
    command: 'logs.copyVisible',
    scope: 'logs',
    ...shared,
    keys: [key('y')],
    description: "copy the lines on screen to the terminal's clipboard (OSC 52)",
  },
  {
    command: 'logs.copyBuffer',
    scope: 'logs',
    ...shared,
    keys: [key('Y')],
    description: "copy the whole buffer to the terminal's clipboard (OSC 52, cut at about 75 KB)",
  },
  {command: 'logs.sinceTail', scope: 'logs', ...shared, keys: [key('0')], description: 'the last lines (tail)'},
  {command: 'logs.since1m', scope: 'logs', ...shared, keys: [key('1')], description: 'since 1 minute ago'},
  {command: 'logs.since5m', scope: 'logs', ...shared, keys: [key('2')], description: 'since 5 minutes ago'},
  {command: 'logs.since15m', scope: 'logs', ...shared, keys: [key('3')], description: 'since 15 minutes ago'},
  {command: 'logs.since30m', scope: 'logs', ...shared, keys: [key('4')], description: 'since 30 minutes ago'},
  {command: 'logs.since1h', scope: 'logs', ...shared, keys: [key('5')], description: 'since 1 hour ago'},
  {command: 'logs.sinceAll', scope: 'logs', ...shared, keys: [key('6')], description: 'the whole log'},
  {
    command: 'logs.sinceTyped',
    scope: 'logs',
    ...shared,
    keys: [key('@')],
    description: 'since a typed duration (90s, 1h30m), time (09:30, RFC 3339), today, yesterday; N: last N lines',
    hint: 'since',
  },
  {
    command: 'logs.togglePrevious',
    scope: 'logs',
    keys: [key('p')],
    description: 'previous (crashed) container instance on/off',
  },
  {command: 'logs.nextContainer', scope: 'logs', keys: [key('c')], description: 'next container'},
  {command: 'logs.toggleAllContainers', scope: 'logs', keys: [key('a')], description: 'all containers on/off'},
  {
    command: 'logs.cycleJson',
    scope: 'logs',
    ...shared,
    keys: [key('J')],
    description: 'JSON lines: raw, compact, pretty',
  },
];

// The journal reader's own keys: a unit plays the part of a container, a boot the part of a container instance.
export const journalBindings: ReadonlyArray<KeyBinding<LogCommand>> = [
  {
    command: 'logs.nextContainer',
    scope: 'journal',
    keys: [key('u')],
    description: 'next unit (kubelet, container runtime)',
    hint: 'unit',
  },
  {
    command: 'logs.toggleAllContainers',
    scope: 'journal',
    keys: [key('a')],
    description: 'all units interleaved by time on/off',
  },
  {
    command: 'logs.togglePrevious',
    scope: 'journal',
    keys: [key('b')],
    description: 'previous boot (journalctl -b -1) on/off',
  },
  {
    command: 'journal.cyclePriority',
    scope: 'journal',
    keys: [key('p')],
    description: 'priority: all, err and worse, warning and worse (journalctl -p)',
    hint: 'priority',
  },
];
