import type {KeyBinding} from './key-binding.js';

// Keys of the node troubleshooting pane (scope 'node').
export type NodeCommand = never;

export const nodeBindings: ReadonlyArray<KeyBinding<NodeCommand>> = [];
