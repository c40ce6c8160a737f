import type {KeyBinding} from './key-binding.js';

// Keys of the node troubleshooting pane (scope 'node'). Movement, help, quit, / (the journal's filter) and Esc
// (back: closes the pod or the dialog, clears the journal's filter, then leaves the pane) are the global keys.
export type NodeCommand =
  | 'node.nextSection'
  | 'node.previousSection'
  | 'node.open'
  | 'node.refresh'
  | 'node.follow'
  | 'node.since'
  | 'node.priority'
  | 'node.lines'
  | 'node.unit'
  | 'node.nextMatch'
  | 'node.previousMatch'
  | 'node.runtimeView'
  | 'node.restart';

export const nodeBindings: ReadonlyArray<KeyBinding<NodeCommand>> = [
  {command: 'node.nextSection', scope: 'node',
    keys: [{label: 'tab', special: 'tab'}, {label: 'l', input: 'l'}, {label: '→', special: 'rightArrow'}],
    description: 'next section (in a dialog: next button)', hint: 'section'},
  {command: 'node.previousSection', scope: 'node', keys: [{label: 'h', input: 'h'}, {label: '←', special: 'leftArrow'}],
    description: 'previous section (in a dialog: previous button)'},
  {command: 'node.open', scope: 'node', keys: [{label: 'enter', special: 'return'}],
    description: 'open the selected pod (sandbox, containers, shim, processes, log files)', hint: 'open'},
  {command: 'node.refresh', scope: 'node', keys: [{label: 'r', input: 'r'}], description: 'run the checks again',
    hint: 'refresh'},
  {command: 'node.follow', scope: 'node', keys: [{label: 'f', input: 'f'}], description: 'journal: follow new entries',
    hint: 'follow'},
  {command: 'node.since', scope: 'node', keys: [{label: 's', input: 's'}],
    description: 'journal: since (all, today, last hour, last 10 minutes)'},
  {command: 'node.priority', scope: 'node', keys: [{label: 'p', input: 'p'}],
    description: 'journal: priority (all, err and worse, warning and worse)'},
  // c (count), because n/N walk the filter's matches as in the log and text views.
  {command: 'node.lines', scope: 'node', keys: [{label: 'c', input: 'c'}],
    description: 'journal: how many entries (200, 1000, 5000)'},
  {command: 'node.nextMatch', scope: 'node', keys: [{label: 'n', input: 'n'}],
    description: 'journal: next match of the filter (/ sets it, !x inverts)'},
  {command: 'node.previousMatch', scope: 'node', keys: [{label: 'N', input: 'N'}],
    description: 'journal: previous match of the filter'},
  {command: 'node.unit', scope: 'node', keys: [{label: 'u', input: 'u'}], description: 'journal: next unit'},
  {command: 'node.runtimeView', scope: 'node', keys: [{label: 'v', input: 'v'}],
    description: 'runtime: pods, containers (incl. exited), images'},
  {command: 'node.restart', scope: 'node', keys: [{label: 'R', input: 'R'}],
    description: 'units: restart the selected unit (asks first; root only, never with --readonly)'},
];
