import type {AccessQuestion} from '../cluster/access-review.js';
import type {ClusterSession} from '../cluster/cluster-session.js';
import {describeState, drainOutcomeLine} from '../cluster/drain.js';
import type {DrainProgress} from '../cluster/drain.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {RowObject} from '../cluster/types.js';
import type {KeySpec} from './key-binding.js';
import {INTERACTIVE_ACTIONS} from './actions-interactive.js';
import {kindId} from './kind-profile.js';

// The one registry of actions. An action is data: its keys, the kinds it applies to, the access review it needs,
// the fields its confirmation asks for, whether it is destructive, and the cluster call it makes with the line
// shown after. The keymap, help, hint bar, RBAC gating, --readonly, the dialog and the runner all read it.
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

const WORKLOADS_SCALED = ['deployments.apps', 'statefulsets.apps', 'replicasets.apps'];
const WORKLOADS_ROLLED = ['deployments.apps', 'statefulsets.apps', 'daemonsets.apps'];
const WORKLOADS_WITH_IMAGES = [...new Set([...WORKLOADS_SCALED, ...WORKLOADS_ROLLED])];

const onKind =
  (verb: string, subresource?: string) =>
  (kind: ResourceKind, namespace: string | undefined): AccessQuestion => ({
    verb,
    group: kind.group,
    resource: kind.plural,
    ...(kind.namespaced && namespace !== undefined ? {namespace} : {}),
    ...(subresource ? {subresource} : {}),
  });

const single = (request: ActionRequest): ActionTarget => {
  const target = request.targets[0];
  if (!target) throw new Error('no object selected');
  return target;
};

export function describeTargets(request: ActionRequest): string {
  const name = (target: ActionTarget) => `${target.namespace ? `${target.namespace}/` : ''}${target.name}`;
  if (request.targets.length === 1) return `${request.kind.singular} ${name(single(request))}`;
  return `${request.targets.length} ${request.kind.plural}: ${request.targets.map(name).join(', ')}`;
}

const text = (values: FieldValues, name: string): string => String(values[name] ?? '').trim();

const wholeNumber = (what: string, allowEmpty: boolean) => (value: string) => {
  if (allowEmpty && value.trim() === '') return undefined;
  return /^\d+$/.test(value.trim()) ? undefined : `${what} must be a whole number`;
};

// 5m, 90s, 1h30m; 0 waits for ever (kubectl drain's default).
export function parseTimeout(value: string): number | undefined {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(value.trim());
  if (!match || value.trim() === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

interface PodTemplateHolder {
  spec?: {
    replicas?: number;
    suspend?: boolean;
    template?: {spec?: {containers?: Array<{name: string; image?: string}>}};
    jobTemplate?: {spec?: {template?: {spec?: {containers?: Array<{name: string; image?: string}>}}}};
  };
}

function containersOf(request: ActionRequest): Array<{name: string; image?: string}> {
  const spec = (request.object as PodTemplateHolder | undefined)?.spec;
  return spec?.template?.spec?.containers ?? spec?.jobTemplate?.spec?.template?.spec?.containers ?? [];
}

const isSuspended = (request: ActionRequest) =>
  (request.object as PodTemplateHolder | undefined)?.spec?.suspend === true;

// Each target in turn: one failure does not stop the rest, and the line says which failed.
async function eachTarget(
  request: ActionRequest,
  done: string,
  call: (target: ActionTarget) => Promise<void>,
): Promise<string> {
  const failed: string[] = [];
  for (const target of request.targets) {
    try {
      await call(target);
    } catch (error) {
      if (request.targets.length === 1) throw error;
      failed.push(`${target.name} (${error instanceof Error ? error.message : String(error)})`);
    }
  }
  const succeeded = request.targets.length - failed.length;
  const what = request.targets.length === 1 ? describeTargets(request) : `${succeeded} ${request.kind.plural}`;
  return failed.length === 0 ? `${done} ${what}` : `${done} ${what}; failed: ${failed.join(', ')}`;
}

// The progress panel of a drain: one line per pod that is not gone yet.
export function drainLines(progress: DrainProgress): string[] {
  const gone = progress.pods.filter((entry) => entry.state.phase === 'gone').length;
  return [
    `drain ${progress.node}: ${gone}/${progress.pods.length} pods gone`,
    ...progress.pods
      .filter((entry) => entry.state.phase !== 'gone')
      .map((entry) => `  ${entry.pod.namespace}/${entry.pod.name}: ${describeState(entry.state)}`),
  ];
}

const fixedVerb = (verb: string) => () => verb;

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
  {
    id: 'cordon',
    command: 'action.cordon',
    keys: [{label: 'c', input: 'c'}],
    description: 'cordon the node (asks first)',
    kinds: ['nodes'],
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('cordon'),
    run: {
      type: 'confirm',
      fields: [],
      call: (api, request) => eachTarget(request, 'cordoned', (target) => api.setUnschedulable(target.name, true)),
    },
  },
  {
    id: 'uncordon',
    command: 'action.uncordon',
    keys: [{label: 'u', input: 'u'}],
    description: 'uncordon the node (asks first)',
    kinds: ['nodes'],
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('uncordon'),
    run: {
      type: 'confirm',
      fields: [],
      call: (api, request) => eachTarget(request, 'uncordoned', (target) => api.setUnschedulable(target.name, false)),
    },
  },
  {
    id: 'drain',
    command: 'action.drain',
    keys: [{label: 'r', input: 'r'}],
    description: 'drain the node: cordon, evict its pods (asks first; X cancels)',
    hint: 'drain',
    kinds: ['nodes'],
    review: () => ({verb: 'create', group: '', resource: 'pods', subresource: 'eviction'}),
    mutating: true,
    destructive: true,
    needsObject: false,
    marks: false,
    verb: fixedVerb('drain'),
    run: {
      type: 'confirm',
      // kubectl drain's flags with kubectl's defaults; the timeout is kview's (kubectl's 0 waits for ever).
      fields: [
        {
          type: 'text',
          name: 'timeout',
          label: '--timeout (0: wait for ever)',
          initial: () => '5m',
          check: (value) => (parseTimeout(value) === undefined ? 'the timeout is like 5m, 90s or 0' : undefined),
        },
        {type: 'toggle', name: 'ignoreDaemonSets', label: '--ignore-daemonsets', hotkey: 'i', initial: () => false},
        {
          type: 'toggle',
          name: 'deleteEmptyDirData',
          label: '--delete-emptydir-data',
          hotkey: 'e',
          initial: () => false,
        },
        {
          type: 'toggle',
          name: 'force',
          label: '--force (pods without a controller)',
          hotkey: 'f',
          initial: () => false,
        },
      ],
      async call(api, request, values, job) {
        const timeoutMs = parseTimeout(text(values, 'timeout')) ?? 0;
        const outcome = await api.drain(
          single(request).name,
          {
            ignoreDaemonSets: values['ignoreDaemonSets'] === true,
            deleteEmptyDirData: values['deleteEmptyDirData'] === true,
            force: values['force'] === true,
          },
          {
            onProgress: (progress) => job.progress(drainLines(progress)),
            signal: job.signal,
            timeoutMs: timeoutMs === 0 ? Number.MAX_SAFE_INTEGER : timeoutMs,
          },
        );
        return drainOutcomeLine(outcome);
      },
    },
  },
  {
    id: 'scale',
    command: 'action.scale',
    keys: [{label: 's', input: 's'}],
    description: 'scale: set the replicas (asks first)',
    hint: 'scale',
    kinds: WORKLOADS_SCALED,
    review: onKind('patch', 'scale'),
    mutating: true,
    destructive: false,
    needsObject: true,
    marks: false,
    verb: fixedVerb('scale'),
    run: {
      type: 'confirm',
      fields: [
        {
          type: 'text',
          name: 'replicas',
          label: 'replicas',
          initial: (request) => String((request.object as PodTemplateHolder | undefined)?.spec?.replicas ?? 1),
          check: wholeNumber('replicas', false),
        },
      ],
      call(api, request, values) {
        const target = single(request);
        const replicas = Number(text(values, 'replicas'));
        return api
          .scale(request.kind, target.namespace, target.name, replicas)
          .then(() => `scaled ${describeTargets(request)} to ${replicas}`);
      },
    },
  },
  {
    id: 'restart',
    command: 'action.restart',
    keys: [{label: 'r', input: 'r'}],
    description: 'rollout restart: every pod replaced, as a deploy would (asks first)',
    hint: 'restart',
    kinds: WORKLOADS_ROLLED,
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('restart'),
    run: {
      type: 'confirm',
      fields: [],
      call: (api, request, _values, job) =>
        eachTarget(request, 'restarted', (target) =>
          api.rolloutRestart(request.kind, target.namespace, target.name, new Date(job.now())),
        ),
    },
  },
  {
    id: 'setImage',
    command: 'action.setImage',
    keys: [{label: 'i', input: 'i'}],
    description: "set image: one container's image (asks first)",
    kinds: WORKLOADS_WITH_IMAGES,
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: true,
    marks: false,
    verb: fixedVerb('set image'),
    run: {
      type: 'confirm',
      fields: [
        {
          type: 'choice',
          name: 'container',
          label: 'container',
          options: (request) => containersOf(request).map((c) => c.name),
        },
        {
          type: 'text',
          name: 'image',
          label: 'image',
          initial: (request, values) =>
            containersOf(request).find((container) => container.name === values['container'])?.image ?? '',
          follows: 'container',
          check: (value) => (value.trim() === '' || /\s/.test(value.trim()) ? 'an image is one word' : undefined),
        },
      ],
      call(api, request, values) {
        const target = single(request);
        const container = text(values, 'container');
        const image = text(values, 'image');
        if (container === '') return Promise.reject(new Error('the object has no containers'));
        return api
          .setImage(request.kind, target.namespace, target.name, container, image)
          .then(() => `set image of ${describeTargets(request)}: ${container}=${image}`);
      },
    },
  },
  {
    id: 'trigger',
    command: 'action.trigger',
    keys: [{label: 't', input: 't'}],
    description: 'trigger: run the CronJob now, as a Job from its template (asks first)',
    hint: 'trigger',
    kinds: ['cronjobs.batch'],
    review: (_kind, namespace) => ({verb: 'create', group: 'batch', resource: 'jobs', namespace}),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('trigger'),
    run: {
      type: 'confirm',
      fields: [],
      async call(api, request) {
        const target = single(request);
        const job = await api.triggerCronJob(request.kind, target.namespace ?? '', target.name);
        return `triggered ${describeTargets(request)}: job ${job} created`;
      },
    },
  },
  {
    id: 'suspend',
    command: 'action.suspend',
    keys: [{label: 'p', input: 'p'}],
    description: 'suspend or resume the CronJob (asks first)',
    hint: 'suspend/resume',
    kinds: ['cronjobs.batch'],
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: true,
    marks: false,
    verb: (request) => (isSuspended(request) ? 'resume' : 'suspend'),
    run: {
      type: 'confirm',
      fields: [],
      call(api, request) {
        const target = single(request);
        const suspend = !isSuspended(request);
        return api
          .setSuspended(request.kind, target.namespace, target.name, suspend)
          .then(() => `${suspend ? 'suspended' : 'resumed'} ${describeTargets(request)}`);
      },
    },
  },
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
