import type {ObjectMetadata} from './types.js';
import type {ContainerInfo, ContainerKind} from './log-types.js';

// The few fields of a v1 Pod that logs need: which containers exist, which one is the default, and whether each
// is running, waiting or gone (a new containerID means the container restarted).
export interface PodJson {
  metadata?: ObjectMetadata;
  spec?: {
    restartPolicy?: string;
    nodeName?: string;
    containers?: Array<{name: string}>;
    initContainers?: Array<{name: string}> | null;
    ephemeralContainers?: Array<{name: string}> | null;
  };
  status?: {
    phase?: string;
    containerStatuses?: ContainerStatusJson[] | null;
    initContainerStatuses?: ContainerStatusJson[] | null;
    ephemeralContainerStatuses?: ContainerStatusJson[] | null;
  };
}

export interface ContainerStatusJson {
  name: string;
  containerID?: string;
  restartCount?: number;
  state?: ContainerStateJson;
  lastState?: ContainerStateJson;
}

interface ContainerStateJson {
  running?: {startedAt?: string};
  waiting?: {reason?: string; message?: string};
  terminated?: {reason?: string; exitCode?: number; containerID?: string};
}

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

export function podPath(namespace: string, pod: string): string {
  return `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(pod)}`;
}

export function containerStatusOf(pod: PodJson, container: string): ContainerStatusJson | undefined {
  const status = pod.status ?? {};
  return [
    ...(status.containerStatuses ?? []),
    ...(status.initContainerStatuses ?? []),
    ...(status.ephemeralContainerStatuses ?? []),
  ].find((entry) => entry.name === container);
}

// As kubectl: the annotation if it names a container of the pod, else the first container.
export function defaultContainerOf(pod: PodJson): string | undefined {
  const names = (pod.spec?.containers ?? []).map((container) => container.name);
  const annotated = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  return annotated && names.includes(annotated) ? annotated : names[0];
}

export function containersOfPod(pod: PodJson): ContainerInfo[] {
  const defaultName = defaultContainerOf(pod);
  const listed: Array<[string, ContainerKind]> = [
    ...(pod.spec?.initContainers ?? []).map((entry): [string, ContainerKind] => [entry.name, 'init']),
    ...(pod.spec?.containers ?? []).map((entry): [string, ContainerKind] => [entry.name, 'regular']),
    ...(pod.spec?.ephemeralContainers ?? []).map((entry): [string, ContainerKind] => [entry.name, 'ephemeral']),
  ];
  return listed.map(([name, kind]) => {
    const status = containerStatusOf(pod, name);
    return {
      name,
      kind,
      isDefault: name === defaultName,
      state: describeState(status),
      isCrashLooping: status?.state?.waiting?.reason === 'CrashLoopBackOff',
      restartCount: status?.restartCount ?? 0,
    };
  });
}

export function describeState(status: ContainerStatusJson | undefined): string {
  const state = status?.state;
  if (!state) return 'unknown';
  if (state.running) return 'running';
  if (state.waiting) return `waiting: ${state.waiting.reason ?? 'unknown'}`;
  if (state.terminated) {
    return `terminated: ${state.terminated.reason ?? 'unknown'} (exit ${state.terminated.exitCode ?? '?'})`;
  }
  return 'unknown';
}

// Whether the kubelet will start this container again after it exits. An init container that succeeded is done
// whatever the pod's restartPolicy says.
export function willRestart(pod: PodJson, container: string, status: ContainerStatusJson | undefined): boolean {
  if (pod.metadata?.deletionTimestamp) return false;
  const succeeded = (status?.state?.terminated?.exitCode ?? 1) === 0;
  const isInit = (pod.spec?.initContainers ?? []).some((entry) => entry.name === container);
  if (isInit && succeeded) return false;
  const policy = pod.spec?.restartPolicy ?? 'Always';
  if (policy === 'Never') return false;
  if (policy === 'OnFailure') return !succeeded;
  return true;
}

// What kubectl logs --all-containers streams (init, regular, ephemeral), or the one container asked for.
export function containersToStream(pod: PodJson, container: string | undefined, allContainers: boolean): string[] {
  if (allContainers) return containersOfPod(pod).map((entry) => entry.name);
  const names = containersOfPod(pod).map((entry) => entry.name);
  const chosen = container && names.includes(container) ? container : defaultContainerOf(pod);
  return chosen ? [chosen] : [];
}
