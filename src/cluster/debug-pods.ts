import {randomBytes} from 'node:crypto';
import type {KubeConfig} from '@kubernetes/client-node';
import {abortableSleep} from './abortable-sleep.js';
import type {ApiClient} from './api-client.js';
import {canI} from './access-review.js';
import {DEBUG_CONTAINER, DEBUG_POD_SELECTOR, debugPodManifest, debugPodName} from './debug-pod-manifest.js';
import type {DebugPodOwner} from './debug-pod-manifest.js';
import {debugPodProgress, leftoverDebugPods} from './debug-pod-status.js';
import type {Leftover, PodObject} from './debug-pod-status.js';
import {KviewError} from './kview-error.js';
import {execInPod} from './pod-exec.js';
import type {ExecEnd, ExecIo} from './pod-exec.js';

export interface DebugPodSettings {
  image: string;
  namespace: string;
  deadlineSeconds: number;
}

export interface DebugPod {
  namespace: string;
  name: string;
  node: string;
  image: string;
  deadlineSeconds: number;
  // When the API accepted it and when it was Running (ms since the epoch), for the pane and the benchmark.
  createdMs: number;
  runningMs: number;
}

// The pod the confirmation names, before anything is created.
export interface DebugPodPlan {
  node: string;
  namespace: string;
  name: string;
  image: string;
  deadlineSeconds: number;
  suffix: string;
}

export interface DebugPodOptions {
  // Polled this often while the pod starts.
  pollMs?: number;
  // Not Running within this long: the pod is deleted and the start fails with its last state.
  startTimeoutMs?: number;
  now?: () => number;
  // Whether a process of this host still exists (a leftover's owner); injected so tests need no such process.
  isAlive?: (pid: number) => boolean;
}

// Node debug pods for one context: created on request, deleted when their pane closes and, for any still there,
// when kview ends (cleanup); the ones other kview processes left behind are listed as leftovers.
export interface DebugPods {
  settings: DebugPodSettings;
  owner: DebugPodOwner;
  // undefined when RBAC allows both; otherwise the one line naming what is forbidden.
  forbidden(): Promise<string | undefined>;
  plan(node: string): DebugPodPlan;
  start(plan: DebugPodPlan, onProgress: (line: string) => void, signal: AbortSignal): Promise<DebugPod>;
  exec(pod: DebugPod, command: readonly string[], io: ExecIo): Promise<ExecEnd>;
  release(pod: DebugPod): Promise<void>;
  leftovers(): Promise<Leftover[]>;
  remove(pod: {namespace: string; name: string}): Promise<void>;
  // Deletes every pod this process created and still holds; resolves with their names.
  cleanup(): Promise<string[]>;
}

const POLL_MS = 250;
const START_TIMEOUT_MS = 90_000;

export function createDebugPods(
  client: ApiClient,
  kubeConfig: KubeConfig,
  settings: DebugPodSettings,
  owner: DebugPodOwner,
  options: DebugPodOptions = {},
): DebugPods {
  const now = options.now ?? Date.now;
  const held = new Map<string, {namespace: string; name: string}>();
  const podPath = (namespace: string, name: string) =>
    `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods/${encodeURIComponent(name)}`;
  const remove = async (pod: {namespace: string; name: string}) => {
    try {
      await client.sendJson('DELETE', podPath(pod.namespace, pod.name), {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        gracePeriodSeconds: 0,
      });
    } catch (error) {
      // Already gone is what was wanted.
      if (!(error instanceof KviewError && error.kind === 'not-found')) throw error;
    }
    held.delete(`${pod.namespace}/${pod.name}`);
  };

  return {
    settings,
    owner,
    async forbidden() {
      const {namespace} = settings;
      const [create, exec] = await Promise.all([
        canI(client, {verb: 'create', group: '', resource: 'pods', namespace}),
        canI(client, {verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace}),
      ]);
      const missing = [create ? undefined : 'create pods', exec ? undefined : 'create pods/exec'].filter(Boolean);
      return missing.length === 0
        ? undefined
        : `forbidden: ${missing.join(' and ')} in namespace ${namespace} ${missing.length > 1 ? 'are' : 'is'} not allowed for you (no debug pod)`;
    },
    plan(node) {
      const suffix = randomBytes(4).toString('hex').slice(0, 5);
      const {namespace, image, deadlineSeconds} = settings;
      return {node, namespace, name: debugPodName(node, suffix), image, deadlineSeconds, suffix};
    },
    async start(plan, onProgress, signal) {
      const {node} = plan;
      const manifest = debugPodManifest({...plan, owner, createdAt: new Date(now())});
      const name = plan.name;
      const pod = {namespace: plan.namespace, name};
      onProgress(`creating pod ${pod.namespace}/${name}`);
      try {
        await client.sendJson('POST', `/api/v1/namespaces/${encodeURIComponent(pod.namespace)}/pods`, manifest);
      } catch (error) {
        throw admissionError(pod, error);
      }
      held.set(`${pod.namespace}/${name}`, pod);
      const createdMs = now();
      try {
        const runningMs = await waitRunning(client, podPath(pod.namespace, name), pod, onProgress, signal, {
          pollMs: options.pollMs ?? POLL_MS,
          timeoutMs: options.startTimeoutMs ?? START_TIMEOUT_MS,
          now,
        });
        return {...pod, node, image: plan.image, deadlineSeconds: plan.deadlineSeconds, createdMs, runningMs};
      } catch (error) {
        // A pod that never ran is not left behind for the deadline to end.
        await remove(pod).catch(() => undefined);
        throw error;
      }
    },
    exec: (pod, command, io) =>
      execInPod(kubeConfig, {namespace: pod.namespace, pod: pod.name, container: DEBUG_CONTAINER}, command, io),
    release: (pod) => remove(pod),
    async leftovers() {
      const list = await client.getJson<{items?: PodObject[]}>(
        `/api/v1/namespaces/${encodeURIComponent(settings.namespace)}/pods?labelSelector=${encodeURIComponent(DEBUG_POD_SELECTOR)}`,
      );
      const ours = new Set(held.keys());
      return leftoverDebugPods(list.items ?? [], owner, ours, options.isAlive ?? (() => true));
    },
    remove,
    async cleanup() {
      const pods = [...held.values()];
      await Promise.all(pods.map((pod) => remove(pod).catch(() => undefined)));
      return pods.map((pod) => `${pod.namespace}/${pod.name}`);
    },
  };
}

// Admission refusals (PodSecurity, a quota, a webhook, RBAC) are the server's own sentence, on one line.
function admissionError(pod: {namespace: string; name: string}, error: unknown): KviewError {
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  const kind = error instanceof KviewError ? error.kind : 'other';
  return new KviewError(
    `cannot create debug pod ${pod.namespace}/${pod.name}: ${message}`,
    kind === 'forbidden'
      ? 'admission or RBAC refused it: a PodSecurity level below privileged, a quota, or no create pods'
      : 'see the server message',
    kind,
  );
}

async function waitRunning(
  client: ApiClient,
  path: string,
  pod: {namespace: string; name: string},
  onProgress: (line: string) => void,
  signal: AbortSignal,
  timing: {pollMs: number; timeoutMs: number; now: () => number},
): Promise<number> {
  const deadline = timing.now() + timing.timeoutMs;
  let last = '';
  let newestEvent: string | undefined;
  const eventsPath =
    `/api/v1/namespaces/${encodeURIComponent(pod.namespace)}/events?fieldSelector=` +
    encodeURIComponent(`involvedObject.name=${pod.name}`);
  for (let round = 0; ; round++) {
    if (signal.aborted) throw new KviewError('cancelled while the debug pod started', 'the pod is deleted');
    const [object, event] = await Promise.all([
      client.getJson<PodObject>(path, 'application/json', signal),
      // Every fourth round: the kubelet's events say "Pulling image" and "Started" as they happen.
      round % 4 === 0 ? latestEvent(client, eventsPath, signal) : Promise.resolve(undefined),
    ]);
    newestEvent = event ?? newestEvent;
    const progress = debugPodProgress(object, newestEvent);
    if (progress.state === 'running') return timing.now();
    if (progress.state === 'failed')
      throw new KviewError(`debug pod ${pod.namespace}/${pod.name}: ${progress.line}`, 'the pod is deleted');
    if (progress.line !== last) onProgress((last = progress.line));
    if (timing.now() > deadline) {
      throw new KviewError(
        `debug pod ${pod.namespace}/${pod.name} not Running within ${timing.timeoutMs / 1000}s (${last})`,
        'the pod is deleted; check the image and the node',
      );
    }
    await abortableSleep(timing.pollMs, signal);
  }
}

async function latestEvent(client: ApiClient, path: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    const list = await client.getJson<{
      items?: Array<{reason?: string; message?: string; lastTimestamp?: string; eventTime?: string}>;
    }>(path, 'application/json', signal);
    const newest = (list.items ?? [])
      .map((event) => ({...event, at: event.lastTimestamp ?? event.eventTime ?? ''}))
      .sort((a, b) => a.at.localeCompare(b.at))
      .at(-1);
    return newest ? `${newest.reason ?? ''}: ${newest.message ?? ''}` : undefined;
  } catch {
    // Events are progress only; the pod's own status decides.
    return undefined;
  }
}
