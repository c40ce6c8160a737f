// The request an action key makes; the action registry (actions.ts) defines it.
export type {ActionId as ActionVerb, ActionRequest, ActionTarget} from './actions.js';
