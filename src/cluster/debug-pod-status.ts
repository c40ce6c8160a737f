import {CREATED_ANNOTATION, NODE_DEBUG_LABEL, OWNER_ANNOTATION, parseOwner} from './debug-pod-manifest.js';
import type {DebugPodOwner} from './debug-pod-manifest.js';

// The parts of a pod object the debug pod's start and the leftover list read.
export interface PodObject {
  metadata?: {name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>};
  spec?: {nodeName?: string};
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Array<{type?: string; status?: string; reason?: string; message?: string}>;
    containerStatuses?: Array<{
      ready?: boolean;
      state?: {
        waiting?: {reason?: string; message?: string};
        running?: unknown;
        terminated?: {reason?: string; exitCode?: number; message?: string};
      };
    }>;
  };
}

export type DebugPodProgress = {state: 'running'} | {state: 'waiting'; line: string} | {state: 'failed'; line: string};

// Waiting reasons that will not clear up by waiting longer (the kubelet backs off, but the image is wrong).
const FATAL_WAITING = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'ErrImageNeverPull',
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
]);

// Where a starting debug pod is, in the words an operator knows from kubectl get and describe.
export function debugPodProgress(pod: PodObject, latestEvent?: string): DebugPodProgress {
  const status = pod.status ?? {};
  const container = status.containerStatuses?.[0];
  if (status.phase === 'Running' && container?.state?.running !== undefined) return {state: 'running'};
  if (status.phase === 'Failed' || status.phase === 'Succeeded') {
    const terminated = container?.state?.terminated;
    const why = status.reason ?? terminated?.reason ?? status.phase;
    return {state: 'failed', line: `the debug pod ended: ${why}${status.message ? `: ${status.message}` : ''}`};
  }
  const waiting = container?.state?.waiting;
  if (waiting?.reason && FATAL_WAITING.has(waiting.reason))
    return {state: 'failed', line: `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`};
  const scheduled = status.conditions?.find((condition) => condition.type === 'PodScheduled');
  if (scheduled?.status === 'False')
    return {state: 'waiting', line: `not scheduled: ${scheduled.message ?? scheduled.reason ?? 'pending'}`};
  if (latestEvent) return {state: 'waiting', line: latestEvent};
  if (waiting?.reason) return {state: 'waiting', line: waiting.reason};
  return {state: 'waiting', line: pod.spec?.nodeName ? `scheduled on ${pod.spec.nodeName}` : 'pending'};
}

export interface Leftover {
  namespace: string;
  name: string;
  node: string;
  owner: string;
  created: string;
  phase: string;
  // Why kview thinks nobody uses it; undefined when its owner may still be alive (another host, a live pid).
  orphaned: string | undefined;
}

// Debug pods this kview did not create, each with whether its owner is gone: ended pods (the deadline did its
// job, or the node died) and pods of a kview on this host whose process no longer exists are safe to remove.
export function leftoverDebugPods(
  pods: readonly PodObject[],
  self: DebugPodOwner,
  ours: ReadonlySet<string>,
  isAlive: (pid: number) => boolean,
): Leftover[] {
  return pods
    .filter((pod) => pod.metadata?.labels?.[NODE_DEBUG_LABEL] !== undefined)
    .filter((pod) => !ours.has(`${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`))
    .map((pod) => {
      const ownerText = pod.metadata?.annotations?.[OWNER_ANNOTATION] ?? '';
      const owner = parseOwner(ownerText);
      const phase = pod.status?.reason ? `${pod.status.phase ?? ''} ${pod.status.reason}`.trim() : pod.status?.phase;
      const ended = pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded';
      const orphaned = ended
        ? `ended (${phase ?? 'Failed'})`
        : !owner
          ? 'no owner recorded'
          : owner.host === self.host && owner.pid !== self.pid && !isAlive(owner.pid)
            ? `kview pid ${owner.pid} on ${owner.host} is gone`
            : undefined;
      return {
        namespace: pod.metadata?.namespace ?? '',
        name: pod.metadata?.name ?? '',
        node: pod.spec?.nodeName ?? '',
        owner: ownerText,
        created: pod.metadata?.annotations?.[CREATED_ANNOTATION] ?? '',
        phase: phase ?? 'Unknown',
        orphaned,
      };
    })
    .sort((a, b) => a.created.localeCompare(b.created));
}
