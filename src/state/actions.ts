import type {ResourceKind} from '../cluster/resource-kind.js';
import {eachTarget, fixedVerb, onKind, text, wholeNumber} from './action-helpers.js';
import type {ActionId, ActionSpec} from './action-types.js';
import {INTERACTIVE_ACTIONS} from './actions-interactive.js';
import {NODE_ACTIONS} from './actions-nodes.js';
import {WORKLOAD_ACTIONS} from './actions-workloads.js';
import {kindId} from './kind-profile.js';

export type * from './action-types.js';
export {describeTargets, drainLines, parseTimeout} from './action-helpers.js';

// The one registry of actions. An action is data: its keys, the kinds it applies to, the access review it needs,
// the fields its confirmation asks for, whether it is destructive, and the cluster call it makes with the line
// shown after. The keymap, help, hint bar, RBAC gating, --readonly, the dialog and the runner all read it. The
// entries are grouped by what they act on: any object (here), nodes, workloads, and the interactive ones.
export const ACTIONS: readonly ActionSpec[] = [
  {
    id: 'delete',
    command: 'action.delete',
    keys: [{label: 'ctrl-d', input: 'd', ctrl: true}],
    description: 'delete (the marked rows, or the selected one; asks first)',
    kinds: 'any',
    review: onKind('delete'),
    mutating: true,
    destructive: true,
    needsObject: false,
    marks: true,
    verb: fixedVerb('delete'),
    run: {
      type: 'confirm',
      fields: [
        {
          type: 'text',
          name: 'gracePeriod',
          label: 'grace period (s, empty: the object’s own)',
          initial: () => '',
          check: wholeNumber('the grace period', true),
        },
        {type: 'toggle', name: 'force', label: '--force (at once, without waiting)', hotkey: 'f', initial: () => false},
      ],
      call(api, request, values) {
        const grace = text(values, 'gracePeriod');
        const options = {
          force: values['force'] === true,
          ...(grace !== '' ? {gracePeriodSeconds: Number(grace)} : {}),
        };
        return eachTarget(request, 'deleted', (target) =>
          api.deleteObject(request.kind, target.namespace, target.name, options),
        );
      },
    },
  },
  ...NODE_ACTIONS,
  ...WORKLOAD_ACTIONS,
  ...INTERACTIVE_ACTIONS,
];

export function actionSpec(id: ActionId): ActionSpec {
  const spec = ACTIONS.find((entry) => entry.id === id);
  if (!spec) throw new Error(`unknown action ${id}`);
  return spec;
}

export function actionOfCommand(command: string): ActionSpec | undefined {
  return ACTIONS.find((entry) => entry.command === command);
}

export function appliesTo(spec: ActionSpec, kind: Pick<ResourceKind, 'plural' | 'group'>): boolean {
  return spec.kinds === 'any' || spec.kinds.includes(kindId(kind));
}

export function actionsFor(kind: Pick<ResourceKind, 'plural' | 'group'>): ActionSpec[] {
  return ACTIONS.filter((spec) => appliesTo(spec, kind));
}

export const MUTATING_COMMANDS: ReadonlySet<string> = new Set(
  ACTIONS.filter((spec) => spec.mutating).map((spec) => spec.command),
);
