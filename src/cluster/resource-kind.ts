// A kind of object the API serves, as discovery describes it (what `kubectl api-resources` prints).
export interface ResourceKind {
  plural: string;
  singular: string;
  kind: string;
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
}

function core(plural: string, kind: string, namespaced: boolean, shortNames: string[]): ResourceKind {
  return {
    plural,
    singular: kind.toLowerCase(),
    kind,
    group: '',
    version: 'v1',
    namespaced,
    shortNames,
    verbs: ['get', 'list', 'watch', 'delete', 'patch'],
  };
}

// The kinds kview has dedicated views for, usable before (or without) discovery.
export const POD_KIND = core('pods', 'Pod', true, ['po']);
export const NODE_KIND = core('nodes', 'Node', false, ['no']);
export const EVENT_KIND = core('events', 'Event', true, ['ev']);
export const NAMESPACE_KIND = core('namespaces', 'Namespace', false, ['ns']);
// Node heartbeats, which describe node shows as its Lease.
export const LEASE_KIND: ResourceKind = {
  plural: 'leases',
  singular: 'lease',
  kind: 'Lease',
  group: 'coordination.k8s.io',
  version: 'v1',
  namespaced: true,
  shortNames: [],
  verbs: ['get', 'list', 'watch'],
};
export const BUILTIN_KINDS: readonly ResourceKind[] = [POD_KIND, NODE_KIND, EVENT_KIND, NAMESPACE_KIND];

// The dedicated kinds by their Kind name, as events name their involved objects.
export function resolveBuiltin(kindName: string): ResourceKind | undefined {
  return BUILTIN_KINDS.find((kind) => kind.kind === kindName);
}

export interface CollectionQuery {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export function collectionPath(kind: ResourceKind, namespace: string | undefined): string {
  const base = kind.group === '' ? `/api/${kind.version}` : `/apis/${kind.group}/${kind.version}`;
  const scope = kind.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${scope}/${kind.plural}`;
}

export function objectPath(kind: ResourceKind, namespace: string | undefined, name: string): string {
  return `${collectionPath(kind, kind.namespaced ? namespace : undefined)}/${encodeURIComponent(name)}`;
}

export function kindLabel(kind: ResourceKind): string {
  return kind.group === '' ? kind.plural : `${kind.plural}.${kind.group}`;
}
