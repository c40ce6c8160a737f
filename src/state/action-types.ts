import type {AccessQuestion} from '../cluster/access-review.js';
import type {ClusterSession} from '../cluster/cluster-session.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {RowObject} from '../cluster/types.js';
import type {KeySpec} from './key-binding.js';

// The shape of an entry of the one action registry (src/state/actions.ts).
export type ActionId =
  | 'delete'
  | 'cordon'
  | 'uncordon'
  | 'drain'
  | 'scale'
  | 'restart'
  | 'setImage'
  | 'trigger'
  | 'suspend'
  | 'shell'
  | 'attach'
  | 'edit'
  | 'portForward';

export type ActionCommand = `action.${ActionId}`;

export interface ActionTarget {
  namespace: string | undefined;
  name: string;
}

// What the user asked for; it runs only after the confirmation says so. Several targets: the marked rows.
export interface ActionRequest {
  action: ActionId;
  kind: ResourceKind;
  targets: readonly ActionTarget[];
  // The selected object, fetched whole when the action's fields need it (replicas, containers, suspend).
  object?: RowObject;
}

// A field of the confirmation. Text fields are typed into (the first key replaces the default); a toggle flips
// with its hotkey or space; a choice cycles with ←/→ (the container of several).
export type ActionField =
  | {
      type: 'text';
      name: string;
      label: string;
      // The default; values: the dialog's other fields (the container picked).
      initial(request: ActionRequest, values: FieldValues): string;
      // Why the text is not acceptable, or undefined.
      check?(text: string): string | undefined;
      // Another field whose change resets this one to its default while it has not been typed into.
      follows?: string;
    }
  | {type: 'toggle'; name: string; label: string; hotkey: string; initial(request: ActionRequest): boolean}
  | {type: 'choice'; name: string; label: string; options(request: ActionRequest): string[]};

export type FieldValues = Readonly<Record<string, string | boolean>>;

// What an action's call may use: the cluster session's mutating calls.
export type ActionApi = Pick<
  ClusterSession,
  | 'deleteObject'
  | 'setUnschedulable'
  | 'drain'
  | 'scale'
  | 'rolloutRestart'
  | 'setImage'
  | 'setSuspended'
  | 'triggerCronJob'
>;

// What runs around a call: cancelling (the job key), progress lines on screen while it runs, the clock.
export interface ActionJob {
  signal: AbortSignal;
  progress(lines: readonly string[]): void;
  now(): number;
}

// How an action runs once its key is pressed. `confirm`: the dialog, then the call. Actions that hand the terminal
// over (shell, attach, edit) or open a prompt of their own (port-forward) are further members of this union with
// their own runner in the UI; their keys, kinds, reviews and --readonly handling come from the same entry.
export interface ConfirmRun {
  type: 'confirm';
  fields: readonly ActionField[];
  // The line shown after it; a failure is thrown and shown as "VERB failed: reason".
  call(api: ActionApi, request: ActionRequest, values: FieldValues, job: ActionJob): Promise<string>;
}

// Runs in the UI with the terminal or a prompt of its own (src/ui/use-interactive-actions.ts).
export interface InteractiveRun {
  type: 'interactive';
}

export type ActionRun = ConfirmRun | InteractiveRun;

export interface ActionSpec {
  id: ActionId;
  command: ActionCommand;
  keys: readonly KeySpec[];
  description: string;
  hint?: string;
  // kindId of the kinds it applies to, or every kind.
  kinds: readonly string[] | 'any';
  // The SelfSubjectAccessReview that must allow it.
  review(kind: ResourceKind, namespace: string | undefined): AccessQuestion;
  // It changes the cluster: --readonly removes it from keys, help and the hint bar.
  mutating: boolean;
  // Cancel keeps the focus until the operator moves it; Enter in a field does not run it.
  destructive: boolean;
  // The dialog needs the whole object (the table row has only its metadata).
  needsObject: boolean;
  // It applies to every marked row at once.
  marks: boolean;
  // The word in the dialog and the messages: `suspend` reads `resume` on a suspended CronJob.
  verb(request: ActionRequest): string;
  run: ActionRun;
}
