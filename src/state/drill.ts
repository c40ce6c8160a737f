import {EVENT_KIND, NODE_KIND, POD_KIND, resolveBuiltin} from '../cluster/resource-kind.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {RowObject} from '../cluster/types.js';
import {labelSelectorString} from '../cluster/label-selector.js';
import {involvedObjectOf} from '../resources/event-row.js';
import type {ViewTarget} from './navigation.js';

export interface SelectedObject {
  kind: ResourceKind;
  namespace: string | undefined;
  name: string;
  object?: RowObject;
}

const WORKLOADS = new Set(['deployments', 'replicasets', 'statefulsets', 'daemonsets', 'jobs', 'services']);

// Enter, as k9s users expect it: a node opens its pods, a namespace its pods, a pod its containers, a workload
// the pods its selector picks, an event the object it is about; anything else its YAML.
// A workload needs its full object (the selector), which the caller fetches when `needsObject` says so.
export function drillTarget(selected: SelectedObject): ViewTarget | {needsObject: true} {
  const {kind, namespace, name, object} = selected;
  if (kind.group === '' && kind.plural === 'nodes') {
    return {
      type: 'table',
      kind: POD_KIND,
      namespace: undefined,
      fieldSelector: `spec.nodeName=${name}`,
      caption: `pods on node ${name}`,
    };
  }
  if (kind.group === '' && kind.plural === 'namespaces') return {type: 'table', kind: POD_KIND, namespace: name};
  if (kind.group === '' && kind.plural === 'pods') return {type: 'containers', namespace: namespace ?? '', pod: name};
  if (kind.group === '' && kind.plural === 'events') {
    const involved = involvedObjectOf(object);
    const involvedKind = resolveBuiltin(involved.kind);
    if (involvedKind) {
      return {type: 'describe', kind: involvedKind, namespace: involved.namespace || undefined, name: involved.name};
    }
    return {type: 'yaml', kind, namespace, name};
  }
  if (WORKLOADS.has(kind.plural)) {
    if (!object?.['spec']) return {needsObject: true};
    const selector = selectorOf(kind, object);
    if (!selector) return {type: 'yaml', kind, namespace, name};
    return {
      type: 'table',
      kind: POD_KIND,
      namespace,
      labelSelector: selector,
      caption: `pods of ${kind.singular} ${name}`,
    };
  }
  return {type: 'yaml', kind, namespace, name};
}

// The pods a workload selects, in the same text `l` sends (matchLabels and matchExpressions); a service's selector
// is a plain map. Undefined when there is no selector, or an empty one (which would select every pod).
export function selectorOf(kind: ResourceKind, object: RowObject): string | undefined {
  const selector = (object['spec'] as {selector?: unknown} | undefined)?.selector;
  if (!selector || typeof selector !== 'object') return undefined;
  const text =
    kind.group === '' && kind.plural === 'services'
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

export function isNode(kind: ResourceKind): boolean {
  return kind.group === NODE_KIND.group && kind.plural === NODE_KIND.plural;
}

const OWNER_KINDS: Record<string, 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'ReplicaSet'> = {
  deployments: 'Deployment',
  statefulsets: 'StatefulSet',
  daemonsets: 'DaemonSet',
  jobs: 'Job',
  replicasets: 'ReplicaSet',
};

// l: the logs of what is selected, one stream per pod for anything that has pods (stern's model).
export function logsTarget(selected: SelectedObject): ViewTarget | undefined {
  const {kind, namespace, name} = selected;
  if (kind.group === '' && kind.plural === 'pods')
    return {type: 'logs', target: {kind: 'pod', namespace: namespace ?? '', pod: name}};
  if (isNode(kind)) return {type: 'logs', target: {kind: 'node', node: name}};
  const ownerKind = OWNER_KINDS[kind.plural];
  if (ownerKind && (kind.group === 'apps' || kind.group === 'batch')) {
    return {type: 'logs', target: {kind: 'owner', namespace: namespace ?? '', ownerKind, name}};
  }
  return undefined;
}
