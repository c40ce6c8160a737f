import type {KeyBinding} from './key-binding.js';

// Keys of the log view (scope 'logs'). Movement, g/G, /, Esc, ? and q are the global keys: scrolling up pauses
// follow and G resumes it, as in less +F. Digits pick the window as in k9s (0 tail, then 1m 5m 15m 30m 1h).
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
  | 'logs.cycleJson';

function key(label: string, input = label): {label: string; input: string} {
  return {label, input};
}

export const logBindings: ReadonlyArray<KeyBinding<LogCommand>> = [
  {command: 'logs.toggleFollow', scope: 'logs', keys: [key('s')], description: 'follow on/off (G also resumes)',
    hint: 'follow'},
  {command: 'logs.toggleWrap', scope: 'logs', keys: [key('w')], description: 'wrap long lines on/off', hint: 'wrap'},
  {command: 'logs.toggleStreams', scope: 'logs', keys: [key('i')],
    description: 'streams: one status line per pod/container stream on/off'},
  {command: 'logs.scrollLeft', scope: 'logs', keys: [key('h'), {label: '←', special: 'leftArrow'}],
    description: 'scroll left half a screen'},
  {command: 'logs.scrollRight', scope: 'logs', keys: [key('l'), {label: '→', special: 'rightArrow'}],
    description: 'scroll right half a screen'},
  {command: 'logs.cycleTimestamps', scope: 'logs', keys: [key('t')], description: 'timestamps: off, UTC, local',
    hint: 'time'},
  {command: 'logs.nextMatch', scope: 'logs', keys: [key('n')], description: 'next match of the filter'},
  {command: 'logs.previousMatch', scope: 'logs', keys: [key('N')], description: 'previous match of the filter'},
  {command: 'logs.toggleHighlightOnly', scope: 'logs', keys: [key('H')],
    description: 'filter hides other lines / only highlights matches'},
  {command: 'logs.cycleContext', scope: 'logs', keys: [key('x')], description: 'context lines around matches: 0 1 3 5'},
  {command: 'logs.marker', scope: 'logs', keys: [key('m')], description: 'insert a marker line'},
  {command: 'logs.clear', scope: 'logs', keys: [key('C')], description: 'clear the view'},
  {command: 'logs.save', scope: 'logs', keys: [key('S')], description: 'save the buffer to a file', hint: 'save'},
  {command: 'logs.sinceTail', scope: 'logs', keys: [key('0')], description: 'the last lines (tail)'},
  {command: 'logs.since1m', scope: 'logs', keys: [key('1')], description: 'since 1 minute ago'},
  {command: 'logs.since5m', scope: 'logs', keys: [key('2')], description: 'since 5 minutes ago'},
  {command: 'logs.since15m', scope: 'logs', keys: [key('3')], description: 'since 15 minutes ago'},
  {command: 'logs.since30m', scope: 'logs', keys: [key('4')], description: 'since 30 minutes ago'},
  {command: 'logs.since1h', scope: 'logs', keys: [key('5')], description: 'since 1 hour ago'},
  {command: 'logs.sinceAll', scope: 'logs', keys: [key('6')], description: 'the whole log'},
  {command: 'logs.sinceTyped', scope: 'logs', keys: [key('@')],
    description: 'since a typed duration (90s, 1h30m) or time (09:30, RFC 3339)', hint: 'since'},
  {command: 'logs.togglePrevious', scope: 'logs', keys: [key('p')],
    description: 'previous (crashed) container instance on/off'},
  {command: 'logs.nextContainer', scope: 'logs', keys: [key('c')], description: 'next container'},
  {command: 'logs.toggleAllContainers', scope: 'logs', keys: [key('a')], description: 'all containers on/off'},
  {command: 'logs.cycleJson', scope: 'logs', keys: [key('J')], description: 'JSON lines: raw, compact, pretty'},
];
