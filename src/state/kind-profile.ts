import {EVENT_KIND, kindLabel, POD_KIND, resolveBuiltin} from '../cluster/resource-kind.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {RowObject, TableRow} from '../cluster/types.js';
import {labelSelectorString} from '../cluster/label-selector.js';
import {involvedObjectOf, isWarning} from '../resources/event-row.js';
import {podSeverity} from '../resources/pod-severity.js';
import type {Severity} from '../resources/pod-severity.js';
import {tableRenderer} from '../resources/table-renderer.js';
import type {RendererOptions, TableRenderer, TableVariant} from '../resources/table-renderer.js';
import type {TableColumnDefinition} from '../cluster/types.js';
import type {ViewTarget} from './navigation.js';

export interface SelectedObject {
  kind: ResourceKind;
  namespace: string | undefined;
  name: string;
  object?: RowObject;
}

// The one registry of what is special about a kind: how its rows are drawn and coloured, what a fault is, where
// Enter and `l` lead. Every other kind gets DEFAULT_PROFILE (the server's columns, Enter opens the YAML). The
// actions a kind offers are in actions.ts, keyed by the same kind ids.
export interface KindProfile {
  // kindLabel of the kinds this profile is for: `pods`, `deployments.apps`, `cronjobs.batch`.
  ids: readonly string[];
  table: TableVariant;
  // The watch asks for whole objects (not just metadata): the renderer or the fault rule reads them.
  wholeObjects: boolean;
  severity(cell: (header: string) => string): Severity;
  // What `f` keeps: the seeds' `kubectl get pods | grep -v Running`.
  isFault(cell: (header: string) => string, row: TableRow | undefined): boolean;
  // Without a sort, newest first (events) instead of the server's order.
  newestFirst: boolean;
  // Enter. A workload needs its full object (the selector), which the caller fetches when `needsObject` says so.
  drill(selected: SelectedObject): ViewTarget | {needsObject: true};
  // `l`: one stream per pod for anything that has pods (stern's model).
  logs(selected: SelectedObject): ViewTarget | undefined;
  // The kubectl command the table is equivalent to, when it is not `kubectl get`.
  kubectl?: (namespaceFlag: string, narrowed: boolean) => string;
}

const yamlOf = ({kind, namespace, name}: SelectedObject): ViewTarget => ({type: 'yaml', kind, namespace, name});

const DEFAULT_PROFILE: KindProfile = {
  ids: [],
  table: 'server',
  wholeObjects: false,
  severity: (cell) => (cell('STATUS') === '' ? 'ok' : podSeverity(cell('STATUS'))),
  isFault: () => false,
  newestFirst: false,
  drill: yamlOf,
  logs: () => undefined,
};

type OwnerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'ReplicaSet';

// A kind whose Enter lists the pods its selector picks, and whose `l` follows them (owner: the logs target's
// kind name; services have pods but no owned log stream).
function workload(id: string, owner: OwnerKind | undefined): KindProfile {
  return {
    ...DEFAULT_PROFILE,
    ids: [id],
    drill(selected) {
      const {kind, namespace, name, object} = selected;
      if (!object?.['spec']) return {needsObject: true};
      const selector = selectorOf(kind, object);
      if (!selector) return yamlOf(selected);
      return {
        type: 'table',
        kind: POD_KIND,
        namespace,
        labelSelector: selector,
        caption: `pods of ${kind.singular} ${name}`,
      };
    },
    logs: ({namespace, name}) =>
      owner ? {type: 'logs', target: {kind: 'owner', namespace: namespace ?? '', ownerKind: owner, name}} : undefined,
  };
}

export const KIND_PROFILES: readonly KindProfile[] = [
  {
    ...DEFAULT_PROFILE,
    ids: ['pods'],
    table: 'pods',
    isFault(cell) {
      const status = cell('STATUS');
      if (status === 'Completed') return false;
      const [ready, total] = cell('READY').split('/');
      return status !== 'Running' || ready !== total;
    },
    drill: ({namespace, name}) => ({type: 'containers', namespace: namespace ?? '', pod: name}),
    logs: ({namespace, name}) => ({type: 'logs', target: {kind: 'pod', namespace: namespace ?? '', pod: name}}),
  },
  {
    ...DEFAULT_PROFILE,
    ids: ['nodes'],
    table: 'nodes',
    wholeObjects: true,
    severity(cell) {
      const status = cell('STATUS');
      return status === 'Ready' ? 'ok' : status.startsWith('Ready') ? 'progressing' : 'failing';
    },
    isFault: (cell) => cell('STATUS') !== 'Ready',
    drill: ({name}) => ({
      type: 'table',
      kind: POD_KIND,
      namespace: undefined,
      fieldSelector: `spec.nodeName=${name}`,
      caption: `pods on node ${name}`,
    }),
    logs: ({name}) => ({type: 'logs', target: {kind: 'node', node: name}}),
  },
  {
    ...DEFAULT_PROFILE,
    ids: ['events'],
    table: 'events',
    wholeObjects: true,
    severity: (cell) => (cell('TYPE') === 'Warning' ? 'progressing' : 'ok'),
    isFault: (_cell, row) => isWarning(row?.object),
    newestFirst: true,
    drill(selected) {
      const involved = involvedObjectOf(selected.object);
      const involvedKind = resolveBuiltin(involved.kind);
      if (!involvedKind) return yamlOf(selected);
      return {type: 'describe', kind: involvedKind, namespace: involved.namespace || undefined, name: involved.name};
    },
    kubectl: (namespaceFlag, narrowed) => `kubectl events ${namespaceFlag}${narrowed ? ` --for ...` : ''}`,
  },
  {
    ...DEFAULT_PROFILE,
    ids: ['namespaces'],
    drill: ({name}) => ({type: 'table', kind: POD_KIND, namespace: name}),
  },
  workload('deployments.apps', 'Deployment'),
  workload('replicasets.apps', 'ReplicaSet'),
  workload('statefulsets.apps', 'StatefulSet'),
  workload('daemonsets.apps', 'DaemonSet'),
  workload('jobs.batch', 'Job'),
  workload('services', undefined),
];

export function kindId(kind: Pick<ResourceKind, 'plural' | 'group'>): string {
  return kindLabel(kind as ResourceKind);
}

export function profileOf(kind: Pick<ResourceKind, 'plural' | 'group'>): KindProfile {
  const id = kindId(kind);
  return KIND_PROFILES.find((profile) => profile.ids.includes(id)) ?? DEFAULT_PROFILE;
}

// The kind's rows as cells, with the renderer its profile names.
export function rendererFor(
  kind: ResourceKind,
  columns: TableColumnDefinition[],
  options: RendererOptions,
): TableRenderer {
  return tableRenderer({variant: profileOf(kind).table, namespaced: kind.namespaced}, columns, options);
}

// The pods a workload selects, in the same text `l` sends (matchLabels and matchExpressions); a service's selector
// is a plain map. Undefined when there is no selector, or an empty one (which would select every pod).
export function selectorOf(kind: ResourceKind, object: RowObject): string | undefined {
  const selector = (object['spec'] as {selector?: unknown} | undefined)?.selector;
  if (!selector || typeof selector !== 'object') return undefined;
  const text =
    kindId(kind) === 'services'
      ? labelSelectorString({matchLabels: selector as Record<string, string>})
      : labelSelectorString(selector);
  return text === '' ? undefined : text;
}

// The events view for one object, as `kubectl events --for kind/name` narrows it.
export function eventsFor(selected: SelectedObject): ViewTarget {
  const fields = [`involvedObject.name=${selected.name}`, `involvedObject.kind=${selected.kind.kind}`];
  return {
    type: 'table',
    kind: EVENT_KIND,
    namespace: selected.kind.namespaced ? selected.namespace : undefined,
    fieldSelector: fields.join(','),
    caption: `events of ${selected.kind.singular}/${selected.name}`,
  };
}
