import type {DrainOptions} from '../cluster/drain.js';
import type {ActionRequest} from './action-request.js';

export interface ConfirmState {
  request: ActionRequest;
  // Cancel has the focus until the operator moves it: Enter alone never runs a destructive action.
  confirmFocused: boolean;
  drain: DrainOptions;
}

export type ConfirmOutcome = {state: ConfirmState} | {answer: boolean; state: ConfirmState};

export const DRAIN_TOGGLES: Array<{
  key: keyof Omit<DrainOptions, 'gracePeriodSeconds'>;
  label: string;
  hotkey: string;
}> = [
  {key: 'ignoreDaemonSets', label: '--ignore-daemonsets', hotkey: 'i'},
  {key: 'deleteEmptyDirData', label: '--delete-emptydir-data', hotkey: 'e'},
  {key: 'force', label: '--force (pods without a controller)', hotkey: 'f'},
];

export function openConfirm(request: ActionRequest): ConfirmState {
  return {request, confirmFocused: false, drain: {ignoreDaemonSets: true, deleteEmptyDirData: false, force: false}};
}

// One key in the confirmation dialog: arrows and Tab move the focus, Enter answers with the focused button,
// Esc cancels, and a drain's option keys toggle its options.
export function confirmKey(
  state: ConfirmState,
  input: string,
  key: {escape?: boolean; return?: boolean; leftArrow?: boolean; rightArrow?: boolean; tab?: boolean},
): ConfirmOutcome {
  if (key.escape) return {answer: false, state};
  if (key.return) return {answer: state.confirmFocused, state};
  if (key.leftArrow || key.rightArrow || key.tab) return {state: {...state, confirmFocused: !state.confirmFocused}};
  const toggle = state.request.verb === 'drain' ? DRAIN_TOGGLES.find((entry) => entry.hotkey === input) : undefined;
  if (!toggle) return {state};
  return {state: {...state, drain: {...state.drain, [toggle.key]: !state.drain[toggle.key]}}};
}
