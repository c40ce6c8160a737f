import type {ApiClient} from './api-client.js';
import {KviewError} from './kview-error.js';
import {timedGetJson} from './timed-get.js';
import {labelSelectorString} from './label-selector.js';
import type {LabelSelector} from './label-selector.js';
import {collectionPath, EVENT_KIND, LEASE_KIND, objectPath, POD_KIND} from './resource-kind.js';
import type {ResourceKind} from './resource-kind.js';
import type {RowObject} from './types.js';

// What kubectl's describer for a kind reads besides the object itself (k8s.io/kubectl/pkg/describe). The
// describer registry (resources/describers.ts) names the needs of each kind; this file only fetches them.
export type DescribeNeed =
  | 'events'
  | 'controller-pods'
  | 'node-pods'
  | 'node-lease'
  | 'replica-sets'
  | 'endpoint-slices'
  | 'ingress-backends'
  | 'quotas-and-limits'
  | 'secrets'
  | 'namespace-pods';

export interface ServiceBackend {
  service?: RowObject;
  endpointSlices?: RowObject[];
  // kubectl prints a failed lookup as "(<error: ...>)" in the backend's place.
  error?: string;
}

export interface DescribeInputs {
  object: RowObject;
  events?: RowObject[];
  // The controller's pods (selector), the node's running pods, or a PVC's namespace's pods.
  pods?: RowObject[];
  podsError?: string;
  lease?: RowObject | Error;
  replicaSets?: RowObject[];
  endpointSlices?: RowObject[];
  backends?: Record<string, ServiceBackend>;
  // Absent when the server does not serve them (kubectl then prints no section).
  quotas?: RowObject[];
  limitRanges?: RowObject[];
  secrets?: RowObject[];
}

const REQUEST_TIMEOUT_MS = 15_000;
const REPLICA_SET_KIND = kindOf('apps', 'v1', 'replicasets', 'ReplicaSet', true);
const ENDPOINT_SLICE_KIND = kindOf('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true);
const SERVICE_KIND = kindOf('', 'v1', 'services', 'Service', true);
const QUOTA_KIND = kindOf('', 'v1', 'resourcequotas', 'ResourceQuota', true);
const LIMIT_RANGE_KIND = kindOf('', 'v1', 'limitranges', 'LimitRange', true);
const SECRET_KIND = kindOf('', 'v1', 'secrets', 'Secret', true);

// Fetches the object and what its describer needs, as kubectl's describer does: the same requests, and the same
// tolerance (a failed events or endpoint-slice list leaves the section empty rather than failing the describe).
export async function gatherDescribeInputs(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  needs: readonly DescribeNeed[],
  timeoutMs = REQUEST_TIMEOUT_MS,
): Promise<DescribeInputs> {
  // Every request has its own deadline, so a describe never waits on a server that stopped answering.
  const get = <T>(path: string): Promise<T> => timedGetJson<T>(client, path, timeoutMs);
  const list = async (listed: ResourceKind, scope: string | undefined, query: Record<string, string> = {}) => {
    const params = new URLSearchParams(query).toString();
    const body = await get<{items?: RowObject[]}>(`${collectionPath(listed, scope)}${params ? `?${params}` : ''}`);
    return body.items ?? [];
  };
  const object = await get<RowObject>(objectPath(kind, namespace, name));
  const objectNamespace = object.metadata?.namespace;
  const inputs: DescribeInputs = {object};
  const has = (need: DescribeNeed) => needs.includes(need);
  const spec = (object['spec'] ?? {}) as {selector?: LabelSelector; volumeName?: string};

  if (has('events')) {
    inputs.events = await list(EVENT_KIND, kind.namespaced ? objectNamespace : undefined, {
      fieldSelector: eventFieldSelector(kind, object),
    }).catch(() => []);
  }
  if (has('controller-pods')) {
    try {
      const pods = await list(POD_KIND, objectNamespace, {labelSelector: labelSelectorString(spec.selector ?? {})});
      const uid = object.metadata?.uid;
      // Pods the selector matches but another controller owns are not this workload's (getPodStatusForController).
      inputs.pods = pods.filter((pod) =>
        (pod.metadata?.ownerReferences ?? []).some((owner) => owner.controller === true && owner.uid === uid),
      );
    } catch (error) {
      inputs.podsError = error instanceof Error ? error.message : String(error);
    }
  }
  if (has('node-pods')) {
    inputs.pods = await list(POD_KIND, undefined, {
      fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
    }).catch(() => undefined);
  }
  if (has('node-lease')) {
    inputs.lease = await get<RowObject>(objectPath(LEASE_KIND, 'kube-node-lease', name)).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
  }
  if (has('namespace-pods')) inputs.pods = await list(POD_KIND, objectNamespace);
  if (has('replica-sets')) {
    const uid = object.metadata?.uid;
    inputs.replicaSets = await list(REPLICA_SET_KIND, objectNamespace, {
      labelSelector: labelSelectorString(spec.selector ?? {}),
    })
      .then((sets) => sets.filter((set) => set.metadata?.ownerReferences?.some((o) => o.controller && o.uid === uid)))
      .catch(() => undefined);
  }
  if (has('endpoint-slices')) inputs.endpointSlices = await slicesOf(list, objectNamespace, name).catch(() => []);
  if (has('ingress-backends')) {
    inputs.backends = {};
    for (const service of ingressServiceNames(object)) {
      inputs.backends[service] = await backendOf(list, get, objectNamespace, service);
    }
  }
  if (has('quotas-and-limits')) {
    inputs.quotas = await list(QUOTA_KIND, name).catch(unlessNotFound);
    inputs.limitRanges = await list(LIMIT_RANGE_KIND, name).catch(unlessNotFound);
  }
  // kubectl describes a service account with the secrets it references even when it may not list them.
  if (has('secrets')) inputs.secrets = await list(SECRET_KIND, objectNamespace).catch(() => undefined);
  return inputs;
}

type Lister = (kind: ResourceKind, scope: string | undefined, query?: Record<string, string>) => Promise<RowObject[]>;

function slicesOf(list: Lister, namespace: string | undefined, service: string): Promise<RowObject[]> {
  return list(ENDPOINT_SLICE_KIND, namespace, {labelSelector: `kubernetes.io/service-name=${service}`});
}

async function backendOf(
  list: Lister,
  get: <T>(path: string) => Promise<T>,
  namespace: string | undefined,
  service: string,
): Promise<ServiceBackend> {
  try {
    const endpointSlices = await slicesOf(list, namespace, service);
    return {endpointSlices, service: await get<RowObject>(objectPath(SERVICE_KIND, namespace, service))};
  } catch (error) {
    return {error: clientGoMessage(error)};
  }
}

// The services an ingress routes to: its default backend and every rule's paths (networking.k8s.io/v1 and v1beta1).
function ingressServiceNames(object: RowObject): string[] {
  interface Backend {
    service?: {name?: string};
    serviceName?: string;
  }
  const spec = (object['spec'] ?? {}) as {
    defaultBackend?: Backend;
    backend?: Backend;
    rules?: Array<{http?: {paths?: Array<{backend?: Backend}>}}>;
  };
  const backends = [
    spec.defaultBackend ?? spec.backend,
    ...(spec.rules ?? []).flatMap((rule) => (rule.http?.paths ?? []).map((path) => path.backend)),
  ];
  const names = backends.map((backend) => backend?.service?.name ?? backend?.serviceName).filter(Boolean);
  return [...new Set(names as string[])];
}

// The event field selector kubectl's searchEvents builds from the object's reference. describe pod leaves the
// kind out; a mirror pod's events carry the static pod's UID; a node's events carry its name as UID.
export function eventFieldSelector(kind: ResourceKind, object: RowObject): string {
  const metadata = object.metadata ?? {};
  const isPod = kind.group === '' && kind.kind === 'Pod';
  const isNode = kind.group === '' && kind.kind === 'Node';
  const uid = isNode ? metadata.name : (metadata.annotations?.['kubernetes.io/config.mirror'] ?? metadata.uid);
  const fields: Array<[string, string | undefined]> = [
    ['involvedObject.kind', isPod ? undefined : kind.kind],
    ['involvedObject.name', metadata.name ?? ''],
    ['involvedObject.namespace', metadata.namespace ?? ''],
    ['involvedObject.uid', uid],
  ];
  return fields
    .filter((field): field is [string, string] => field[1] !== undefined)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

function unlessNotFound(error: unknown): undefined {
  if (error instanceof KviewError && error.kind === 'not-found') return undefined;
  throw error;
}

// client-go's text for a failed request, which kubectl prints inside describe output.
function clientGoMessage(error: unknown): string {
  if (error instanceof KviewError && error.kind === 'not-found')
    return 'the server could not find the requested resource';
  return error instanceof Error ? error.message : String(error);
}

function kindOf(group: string, version: string, plural: string, kind: string, namespaced: boolean): ResourceKind {
  return {
    plural,
    singular: kind.toLowerCase(),
    kind,
    group,
    version,
    namespaced,
    shortNames: [],
    verbs: ['get', 'list'],
  };
}
