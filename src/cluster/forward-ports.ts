import {labelSelectorString} from './label-selector.js';
import type {RowObject} from './types.js';

// Which pod and which of its ports a port-forward reaches, from the objects' specs alone (no requests here).

export interface ContainerPort {
  container: string;
  port: number;
  name?: string;
}

// A port the operator can pick: for a service its port (resolved to a pod port through targetPort), for a pod or a
// workload a container port.
export interface ForwardPort {
  // What the operator types after the local port: the service port or the container port.
  remote: number;
  name?: string;
  // A service's targetPort: a number, or a container port's name resolved on each pod.
  targetPort: number | string;
  label: string;
  // The container that declares it (pods and workloads).
  container?: string;
}

interface PodSpecLike {
  containers?: Array<{name?: string; ports?: Array<{containerPort?: number; name?: string; protocol?: string}>}>;
}

// Port-forward carries TCP only (the kubelet refuses UDP), so only TCP container ports are offered.
export function containerPorts(podSpec: PodSpecLike | undefined): ContainerPort[] {
  return (podSpec?.containers ?? []).flatMap((container) =>
    (container.ports ?? [])
      .filter((port) => (port.protocol ?? 'TCP') === 'TCP' && typeof port.containerPort === 'number')
      .map((port) => ({
        container: container.name ?? '',
        port: port.containerPort!,
        ...(port.name ? {name: port.name} : {}),
      })),
  );
}

function podSpecOf(kindPlural: string, object: RowObject): PodSpecLike | undefined {
  const spec = object['spec'] as {template?: {spec?: PodSpecLike}; jobTemplate?: unknown} | undefined;
  return kindPlural === 'pods' ? (spec as PodSpecLike | undefined) : spec?.template?.spec;
}

// The ports offered for a pod, a workload (its pod template) or a service (its spec.ports).
export function forwardPorts(kindPlural: string, object: RowObject): ForwardPort[] {
  if (kindPlural === 'services') {
    const ports =
      (
        object['spec'] as {
          ports?: Array<{port?: number; name?: string; protocol?: string; targetPort?: number | string}>;
        }
      )?.ports ?? [];
    return ports
      .filter((port) => (port.protocol ?? 'TCP') === 'TCP' && typeof port.port === 'number')
      .map((port) => {
        const targetPort = port.targetPort ?? port.port!;
        return {
          remote: port.port!,
          targetPort,
          ...(port.name ? {name: port.name} : {}),
          label: `${port.port}${port.name ? `/${port.name}` : ''}->${targetPort}`,
        };
      });
  }
  return containerPorts(podSpecOf(kindPlural, object)).map((port) => ({
    remote: port.port,
    targetPort: port.port,
    container: port.container,
    ...(port.name ? {name: port.name} : {}),
    label: `${port.port}${port.name ? `/${port.name}` : ''} (${port.container})`,
  }));
}

// The pod port a target port means on this pod: a number is itself, a name is the container port of that name
// (kubectl port-forward and the endpoints controller resolve it the same way). Undefined when the pod has none.
export function podPortFor(targetPort: number | string, pod: RowObject): number | undefined {
  if (typeof targetPort === 'number') return targetPort;
  if (/^\d+$/.test(targetPort)) return Number(targetPort);
  return containerPorts(pod['spec'] as PodSpecLike | undefined).find((port) => port.name === targetPort)?.port;
}

// The label selector that finds the target's pods again after its pod is gone: a service's spec.selector map, a
// workload's spec.selector. Undefined for a bare pod and for an empty selector (it would select every pod).
export function podSelectorOf(kindPlural: string, object: RowObject): string | undefined {
  const selector = (object['spec'] as {selector?: unknown} | undefined)?.selector;
  if (!selector || typeof selector !== 'object') return undefined;
  const text =
    kindPlural === 'services'
      ? labelSelectorString({matchLabels: selector as Record<string, string>})
      : labelSelectorString(selector);
  return text === '' ? undefined : text;
}

// Ready as the endpoints controller counts it: not being deleted, Running, and its Ready condition True.
export function isPodReady(pod: RowObject): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  const status = pod['status'] as {phase?: string; conditions?: Array<{type?: string; status?: string}>} | undefined;
  return (
    status?.phase === 'Running' &&
    (status.conditions ?? []).some((condition) => condition.type === 'Ready' && condition.status === 'True')
  );
}

// The pod a forward uses: a ready one, the newest first (after a rollout the old ones are on their way out), by name
// when equally new, so the choice is the same on every call.
export function pickReadyPod(pods: readonly RowObject[]): RowObject | undefined {
  return pods.filter(isPodReady).sort((a, b) => {
    const byAge = (b.metadata?.creationTimestamp ?? '').localeCompare(a.metadata?.creationTimestamp ?? '');
    return byAge !== 0 ? byAge : (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? '');
  })[0];
}

// The controller a pod belongs to, to follow it to its replacement: a ReplicaSet (and through it its Deployment),
// a StatefulSet, a DaemonSet or a Job.
export function controllerOf(pod: RowObject): {kind: string; name: string} | undefined {
  const owner = pod.metadata?.ownerReferences?.find((reference) => reference.controller === true);
  return owner ? {kind: owner.kind, name: owner.name} : undefined;
}

// The local port offered first: the pod's own, unless it is privileged (<1024) and kview is not root, in which
// case 0 asks the system for a free one. Whether it is taken is checked when the listener is tried.
export function preferredLocalPort(remotePort: number, isRoot: boolean): number {
  return remotePort < 1024 && !isRoot ? 0 : remotePort;
}
