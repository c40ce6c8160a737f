import type {ResourceKind} from '../cluster/resource-kind.js';
import type {LogTarget} from '../cluster/log-types.js';
import type {RowFilter} from './row-projection.js';
import {profileOf} from './kind-profile.js';

export type ViewTarget =
  | {
      type: 'table';
      kind: ResourceKind;
      // undefined means all namespaces (ignored for cluster-scoped kinds).
      namespace: string | undefined;
      labelSelector?: string;
      fieldSelector?: string;
      filter?: RowFilter;
      // Shown in the header when the view is a drill-down, e.g. "pods on node worker-1".
      caption?: string;
    }
  | {type: 'containers'; namespace: string; pod: string}
  | {type: 'describe' | 'yaml'; kind: ResourceKind; namespace: string | undefined; name: string; search?: string}
  | {type: 'logs'; target: LogTarget}
  | {type: 'node'; node?: string}
  | {type: 'contexts'}
  // :pf, the session's port-forwards.
  | {type: 'forwards'};

// Browser-like history: Esc and [ go back, ] forward, - jumps to the view before the last jump.
export interface Navigation {
  entries: readonly ViewTarget[];
  index: number;
  previousIndex: number;
}

export function startNavigation(first: ViewTarget): Navigation {
  return {entries: [first], index: 0, previousIndex: 0};
}

export function currentView(navigation: Navigation): ViewTarget {
  return navigation.entries[navigation.index] ?? navigation.entries[0]!;
}

export function pushView(navigation: Navigation, target: ViewTarget): Navigation {
  const entries = [...navigation.entries.slice(0, navigation.index + 1), target];
  // History is bounded so a long session does not grow without end.
  const trimmed = entries.length > 50 ? entries.slice(entries.length - 50) : entries;
  return {entries: trimmed, index: trimmed.length - 1, previousIndex: Math.min(navigation.index, trimmed.length - 1)};
}

// Filters and selectors refine the current view rather than adding history entries, as in k9s.
export function replaceView(navigation: Navigation, target: ViewTarget): Navigation {
  const entries = navigation.entries.map((entry, index) => (index === navigation.index ? target : entry));
  return {...navigation, entries};
}

export function goBack(navigation: Navigation): Navigation {
  if (navigation.index === 0) return navigation;
  return {...navigation, index: navigation.index - 1, previousIndex: navigation.index};
}

export function goForward(navigation: Navigation): Navigation {
  if (navigation.index >= navigation.entries.length - 1) return navigation;
  return {...navigation, index: navigation.index + 1, previousIndex: navigation.index};
}

export function goLast(navigation: Navigation): Navigation {
  return {...navigation, index: navigation.previousIndex, previousIndex: navigation.index};
}

export function describeTarget(target: ViewTarget): string {
  switch (target.type) {
    case 'table':
      return target.caption ?? `${target.kind.plural}${target.kind.namespaced ? `(${target.namespace ?? 'all'})` : ''}`;
    case 'containers':
      return `containers of ${target.namespace}/${target.pod}`;
    case 'describe':
    case 'yaml':
      return `${target.type} ${target.kind.singular}/${target.name}`;
    case 'logs':
      return `logs ${logTargetName(target.target)}`;
    case 'node':
      return target.node ? `node pane of ${target.node}` : 'node pane';
    case 'contexts':
      return 'contexts';
    case 'forwards':
      return 'port-forwards';
  }
}

// The kubectl command each view is equivalent to, shown in the header so the operator can take it elsewhere.
export function kubectlEquivalent(target: ViewTarget, wide: boolean): string {
  const scope = (namespace: string | undefined) => (namespace === undefined ? '-A' : `-n ${namespace}`);
  switch (target.type) {
    case 'table': {
      const special = profileOf(target.kind).kubectl;
      if (special) return special(scope(target.namespace), target.fieldSelector !== undefined);
      const name = target.kind.group === '' ? target.kind.plural : `${target.kind.plural}.${target.kind.group}`;
      const parts = ['kubectl get', name];
      if (target.kind.namespaced) parts.push(scope(target.namespace));
      if (target.labelSelector) parts.push(`-l ${target.labelSelector}`);
      if (target.fieldSelector) parts.push(`--field-selector ${target.fieldSelector}`);
      if (wide) parts.push('-o wide');
      return parts.join(' ');
    }
    case 'containers':
      return `kubectl get pod ${target.pod} -n ${target.namespace} -o jsonpath='{.spec.containers[*].name}'`;
    case 'describe':
      return `kubectl describe ${target.kind.singular} ${target.name}${target.namespace ? ` -n ${target.namespace}` : ''}`;
    case 'yaml':
      return `kubectl get ${target.kind.singular} ${target.name}${target.namespace ? ` -n ${target.namespace}` : ''} -o yaml`;
    case 'logs':
      return logsCommand(target.target);
    case 'node':
      return 'systemctl status kubelet; journalctl -u kubelet; crictl ps -a';
    case 'contexts':
      return 'kubectl config get-contexts';
    case 'forwards':
      // kubectl has no list of its port-forwards; each is a process of its own.
      return 'ps -C kubectl -o args | grep port-forward';
  }
}

function logTargetName(target: LogTarget): string {
  switch (target.kind) {
    case 'pod':
      return `${target.namespace}/${target.pod}${target.container ? `/${target.container}` : ''}`;
    case 'selector':
      return `${target.namespace} -l ${target.labelSelector}`;
    case 'owner':
      return `${target.ownerKind.toLowerCase()}/${target.name}`;
    case 'node':
      return `node ${target.node}`;
    case 'journal':
      return `journal of node ${target.node}`;
    case 'podFiles':
      return `${target.namespace}/${target.pod} (log files)`;
    case 'nodeFile':
      return `${target.node}:/var/log/${target.path}`;
  }
}

function logsCommand(target: LogTarget): string {
  switch (target.kind) {
    case 'pod':
      return (
        `kubectl logs -f ${target.pod} -n ${target.namespace}${target.container ? ` -c ${target.container}` : ''}` +
        `${target.previous ? ' -p' : ''}`
      );
    case 'selector':
      return `kubectl logs -f -n ${target.namespace} -l ${target.labelSelector} --all-containers`;
    case 'owner':
      return `kubectl logs -f -n ${target.namespace} ${target.ownerKind.toLowerCase()}/${target.name}`;
    case 'node':
      return `kubectl logs -f -A --field-selector spec.nodeName=${target.node}  (one stream per pod)`;
    case 'journal':
      return `journalctl ${target.units.map((unit) => `-u ${unit}`).join(' ')} -f`;
    case 'podFiles':
      return `tail -F ${target.directory}/*/*.log`;
    case 'nodeFile':
      return `kubectl get --raw /api/v1/nodes/${target.node}/proxy/logs/${target.path}`;
  }
}
