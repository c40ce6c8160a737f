import {actionSpec} from './actions.js';
import type {ActionField, ActionRequest, FieldValues} from './actions.js';
import {editLine} from './line-editor.js';

// The confirmation dialog of an action: its fields (from the action registry), then Cancel and the action's
// button. `focus` indexes the fields, then Cancel (fields.length), then the action (fields.length + 1).
export interface ConfirmState {
  request: ActionRequest;
  verb: string;
  destructive: boolean;
  fields: readonly ActionField[];
  values: FieldValues;
  // A choice field's options, resolved once from the object.
  choices: Readonly<Record<string, readonly string[]>>;
  // Text fields not typed into yet: the first key replaces the default, as a selected text would.
  pristine: ReadonlySet<string>;
  focus: number;
  // Why the action did not run (a field's check), shown in the dialog.
  problem?: string;
}

export type ConfirmOutcome = {state: ConfirmState} | {answer: boolean; state: ConfirmState};

export interface ConfirmKey {
  escape?: boolean;
  return?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
  tab?: boolean;
  shift?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
}

export function openConfirm(request: ActionRequest): ConfirmState {
  const spec = actionSpec(request.action);
  // Only confirm runs open the dialog; an interactive one has no fields.
  const fields = spec.run.type === 'confirm' ? spec.run.fields : [];
  const values: Record<string, string | boolean> = {};
  const choices: Record<string, readonly string[]> = {};
  // Choices first: a text field's default may depend on one (the image of the container picked).
  for (const field of fields) {
    if (field.type === 'choice') {
      choices[field.name] = field.options(request);
      values[field.name] = choices[field.name]?.[0] ?? '';
    } else if (field.type === 'toggle') values[field.name] = field.initial(request);
  }
  for (const field of fields) if (field.type === 'text') values[field.name] = field.initial(request, values);
  // Cancel has the focus on a destructive action, so Enter alone never runs it; otherwise the first field there
  // is something to do in (a choice of one is not).
  const editable = fields.findIndex((field) => field.type !== 'choice' || (choices[field.name]?.length ?? 0) > 1);
  const focus = spec.destructive || editable < 0 ? fields.length : editable;
  return {
    request,
    verb: spec.verb(request),
    destructive: spec.destructive,
    fields,
    values,
    choices,
    pristine: new Set(fields.filter((field) => field.type === 'text').map((field) => field.name)),
    focus,
  };
}

export const cancelFocused = (state: ConfirmState) => state.focus === state.fields.length;
export const actionFocused = (state: ConfirmState) => state.focus === state.fields.length + 1;

// One key in the dialog: Tab and ↑/↓ move between fields and buttons, ←/→ switch the buttons or a choice, text is
// typed into the focused text field, a toggle's hotkey (or space on it) flips it, Enter answers with the focused
// button (in a field: runs a non-destructive action, moves to Cancel on a destructive one), Esc cancels.
export function confirmKey(state: ConfirmState, input: string, key: ConfirmKey): ConfirmOutcome {
  const stops = state.fields.length + 2;
  const field = state.fields[state.focus];
  if (key.escape) return {answer: false, state};
  if (key.return) {
    if (cancelFocused(state)) return {answer: false, state};
    if (field && state.destructive) return {state: {...state, focus: state.fields.length}};
    return submit(state);
  }
  if (key.tab || key.upArrow || key.downArrow) {
    const step = key.upArrow || (key.tab && key.shift) ? stops - 1 : 1;
    return {state: {...state, focus: (state.focus + step) % stops}};
  }
  if (key.leftArrow || key.rightArrow) {
    if (!field) return {state: {...state, focus: cancelFocused(state) ? stops - 1 : stops - 2}};
    if (field.type !== 'choice') return {state};
    const options = state.choices[field.name] ?? [];
    const index = options.indexOf(String(state.values[field.name]));
    const next = options[(index + (key.rightArrow ? 1 : options.length - 1)) % Math.max(1, options.length)] ?? '';
    return {state: withFollowers(withValue(state, field.name, next), field.name)};
  }
  if (field?.type === 'text') {
    const current = state.pristine.has(field.name) ? '' : String(state.values[field.name] ?? '');
    const edited = editLine(
      key.backspace || key.delete ? String(state.values[field.name] ?? '') : current,
      input,
      key,
    ).text;
    const pristine = new Set(state.pristine);
    pristine.delete(field.name);
    return {state: {...withValue(state, field.name, edited), pristine}};
  }
  if (field?.type === 'toggle' && input === ' ') return {state: flip(state, field.name)};
  const toggle = state.fields.find((entry) => entry.type === 'toggle' && entry.hotkey === input);
  return {state: toggle ? flip(state, toggle.name) : state};
}

function submit(state: ConfirmState): ConfirmOutcome {
  for (const [index, field] of state.fields.entries()) {
    if (field.type !== 'text') continue;
    const problem = field.check?.(String(state.values[field.name] ?? ''));
    if (problem) return {state: {...state, focus: index, problem}};
  }
  return {answer: true, state};
}

function withValue(state: ConfirmState, name: string, value: string | boolean): ConfirmState {
  return {...state, values: {...state.values, [name]: value}, problem: undefined};
}

// The text fields that follow a changed field, still untouched, take their default for its new value.
function withFollowers(state: ConfirmState, changed: string): ConfirmState {
  const values = {...state.values};
  for (const field of state.fields) {
    if (field.type === 'text' && field.follows === changed && state.pristine.has(field.name)) {
      values[field.name] = field.initial(state.request, values);
    }
  }
  return {...state, values};
}

function flip(state: ConfirmState, name: string): ConfirmState {
  return withValue(state, name, state.values[name] !== true);
}

// The dialog's height: title, one line per field, the problem, the buttons, and the border.
export function confirmLines(state: ConfirmState): number {
  return 4 + state.fields.length + (state.problem ? 1 : 0);
}
