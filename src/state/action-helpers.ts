import type {AccessQuestion} from '../cluster/access-review.js';
import {describeState} from '../cluster/drain.js';
import type {DrainProgress} from '../cluster/drain.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {ActionRequest, ActionTarget, FieldValues} from './action-types.js';

// What the registry's entries share: the access review on the row's kind, the targets' names, the fields' checks.
export const onKind =
  (verb: string, subresource?: string) =>
  (kind: ResourceKind, namespace: string | undefined): AccessQuestion => ({
    verb,
    group: kind.group,
    resource: kind.plural,
    ...(kind.namespaced && namespace !== undefined ? {namespace} : {}),
    ...(subresource ? {subresource} : {}),
  });

export const single = (request: ActionRequest): ActionTarget => {
  const target = request.targets[0];
  if (!target) throw new Error('no object selected');
  return target;
};

export function describeTargets(request: ActionRequest): string {
  const name = (target: ActionTarget) => `${target.namespace ? `${target.namespace}/` : ''}${target.name}`;
  if (request.targets.length === 1) return `${request.kind.singular} ${name(single(request))}`;
  return `${request.targets.length} ${request.kind.plural}: ${request.targets.map(name).join(', ')}`;
}

export const text = (values: FieldValues, name: string): string => String(values[name] ?? '').trim();

export const wholeNumber = (what: string, allowEmpty: boolean) => (value: string) => {
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

export interface PodTemplateHolder {
  spec?: {
    replicas?: number;
    suspend?: boolean;
    template?: {spec?: {containers?: Array<{name: string; image?: string}>}};
    jobTemplate?: {spec?: {template?: {spec?: {containers?: Array<{name: string; image?: string}>}}}};
  };
}

export function containersOf(request: ActionRequest): Array<{name: string; image?: string}> {
  const spec = (request.object as PodTemplateHolder | undefined)?.spec;
  return spec?.template?.spec?.containers ?? spec?.jobTemplate?.spec?.template?.spec?.containers ?? [];
}

export const isSuspended = (request: ActionRequest) =>
  (request.object as PodTemplateHolder | undefined)?.spec?.suspend === true;

// Each target in turn: one failure does not stop the rest, and the line says which failed.
export async function eachTarget(
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

export const fixedVerb = (verb: string) => () => verb;
