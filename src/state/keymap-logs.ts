import type {KeyBinding} from './key-binding.js';

// Keys of the log view (scope 'logs').
export type LogCommand = never;

export const logBindings: ReadonlyArray<KeyBinding<LogCommand>> = [];
