import type {KeyBinding} from './key-binding.js';

// Keys of the node troubleshooting pane (scope 'node'). Movement, help, quit, / (opens the selected journal with
// its filter) and Esc (back: closes the pod or the dialog, then leaves the pane) are the global keys. A journal
// opens in the log reader (scope 'journal'), which has the log view's reading keys.
export type NodeCommand =
  | 'node.nextSection'
  | 'node.previousSection'
  | 'node.open'
  | 'node.refresh'
  | 'node.runtimeView'
  | 'node.restart'
  | 'node.debugPod'
  | 'node.removeLeftovers';

export const nodeBindings: ReadonlyArray<KeyBinding<NodeCommand>> = [
  {
    command: 'node.nextSection',
    scope: 'node',
    keys: [
      {label: 'tab', special: 'tab'},
      {label: 'l', input: 'l'},
      {label: '→', special: 'rightArrow'},
    ],
    description: 'next section (in a dialog: next button)',
    hint: 'section',
  },
  {
    command: 'node.previousSection',
    scope: 'node',
    keys: [
      {label: 'h', input: 'h'},
      {label: '←', special: 'leftArrow'},
    ],
    description: 'previous section (in a dialog: previous button)',
  },
  {
    command: 'node.open',
    scope: 'node',
    keys: [{label: 'enter', special: 'return'}],
    description: 'open: a journal in the log reader, a runtime pod (sandbox, shim, processes, log files) or container',
    hint: 'open',
  },
  {
    command: 'node.refresh',
    scope: 'node',
    keys: [{label: 'r', input: 'r'}],
    description: 'run the checks again',
    hint: 'refresh',
  },
  {
    command: 'node.runtimeView',
    scope: 'node',
    keys: [{label: 'v', input: 'v'}],
    description: 'runtime: pods, containers (incl. exited), images',
  },
  {
    command: 'node.restart',
    scope: 'node',
    keys: [{label: 'R', input: 'R'}],
    description: 'units: restart the selected unit (asks first; root only, never with --readonly)',
  },
  {
    command: 'node.debugPod',
    scope: 'node',
    keys: [{label: 'D', input: 'D'}],
    description: 'another node: start a node debug pod for units, journal, runtime (asks first; never with --readonly)',
    hint: 'debug pod',
  },
  {
    command: 'node.removeLeftovers',
    scope: 'node',
    keys: [{label: 'X', input: 'X'}],
    description: 'another node: delete the leftover debug pods whose kview is gone (asks first)',
  },
];
