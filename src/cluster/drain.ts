import {abortableSleep} from './abortable-sleep.js';
import type {ApiClient} from './api-client.js';
import {KviewError} from './kview-error.js';
import {setUnschedulable} from './object-actions.js';
import {objectPath, POD_KIND} from './resource-kind.js';

export interface DrainOptions {
  // kubectl drain's defaults in kview: DaemonSet pods are skipped (their controller would recreate them).
  ignoreDaemonSets: boolean;
  deleteEmptyDirData: boolean;
  // Without --force, pods no controller would recreate block the drain, as in kubectl.
  force: boolean;
  gracePeriodSeconds?: number;
}

interface PodSummary {
  metadata: {
    name: string;
    namespace: string;
    uid?: string;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{kind: string; controller?: boolean}>;
  };
  spec?: {volumes?: Array<{emptyDir?: unknown}>};
  status?: {phase?: string};
}

export interface PodReference {
  namespace: string;
  name: string;
  uid?: string;
}

export interface DrainPlan {
  evict: PodReference[];
  skipped: string[];
  blockers: string[];
}

// kubectl drain's filters: mirror pods cannot be evicted, DaemonSet pods would come back, finished pods need nothing,
// and pods with local data or no controller need an explicit option.
export function planDrain(pods: PodSummary[], options: DrainOptions): DrainPlan {
  const plan: DrainPlan = {evict: [], skipped: [], blockers: []};
  for (const pod of pods) {
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const reference = {namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid};
    const controller = pod.metadata.ownerReferences?.find((owner) => owner.controller);
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) {
      plan.skipped.push(`${id} (static pod)`);
    } else if (controller?.kind === 'DaemonSet') {
      if (options.ignoreDaemonSets) plan.skipped.push(`${id} (DaemonSet)`);
      else plan.blockers.push(`${id} is managed by a DaemonSet (allow ignoring DaemonSets)`);
    } else if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      plan.evict.push(reference);
    } else if (!controller && !options.force) {
      plan.blockers.push(`${id} has no controller (use force)`);
    } else if (
      (pod.spec?.volumes ?? []).some((volume) => volume.emptyDir !== undefined) &&
      !options.deleteEmptyDirData
    ) {
      plan.blockers.push(`${id} uses emptyDir data (allow deleting emptyDir data)`);
    } else {
      plan.evict.push(reference);
    }
  }
  return plan;
}

// Where one pod of the drain stands; the screen shows these, so a long drain says what it waits for.
export type PodDrainState =
  | {phase: 'evicting'}
  | {phase: 'blocked-by-budget'; refusals: number; message: string}
  | {phase: 'terminating'}
  | {phase: 'gone'}
  | {phase: 'failed'; message: string};

export interface DrainProgress {
  node: string;
  pods: Array<{pod: PodReference; state: PodDrainState}>;
}

export type DrainOutcome =
  | {kind: 'blocked'; plan: DrainPlan}
  | {kind: 'drained'; plan: DrainPlan; progress: DrainProgress}
  // The node stays cordoned in each of these, as kubectl leaves it: the operator decides whether to uncordon.
  | {kind: 'cancelled' | 'timed-out' | 'failed'; plan: DrainPlan; progress: DrainProgress; remaining: string[]};

export interface DrainControl {
  onProgress(progress: DrainProgress): void;
  signal?: AbortSignal;
  // kubectl drain's defaults: a refused eviction is retried every 5 s; kview gives up after 5 minutes (kubectl
  // waits forever by default), and checks every second whether an evicted pod is gone.
  retryEveryMs?: number;
  timeoutMs?: number;
  pollEveryMs?: number;
  sleep?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

interface CoreResources {
  resources?: Array<{name: string; group?: string; version?: string}>;
}

// The Eviction version the server takes, found as kubectl finds it: core v1 discovery names the group and version
// of pods/eviction (policy/v1 from Kubernetes 1.22, policy/v1beta1 before).
export async function evictionVersion(client: ApiClient, signal?: AbortSignal): Promise<string> {
  const core = await client.getJson<CoreResources>('/api/v1', 'application/json', signal);
  const eviction = core.resources?.find((resource) => resource.name === 'pods/eviction');
  return eviction?.group && eviction.version ? `${eviction.group}/${eviction.version}` : 'policy/v1beta1';
}

// kubectl drain: list the node's pods, refuse when a filter blocks, cordon, evict every pod through the Eviction
// API so PodDisruptionBudgets hold (a refusal, HTTP 429, is retried every 5 s), and wait until each evicted pod
// is gone. Cancelling or a timeout stops it with the node still cordoned and says which pods are left.
export async function drainNode(
  client: ApiClient,
  node: string,
  options: DrainOptions,
  control: DrainControl,
): Promise<DrainOutcome> {
  const signal = control.signal ?? new AbortController().signal;
  const sleep = control.sleep ?? abortableSleep;
  const now = control.now ?? Date.now;
  const deadline = now() + (control.timeoutMs ?? 5 * 60_000);
  const pods = await client.getJson<{items: PodSummary[]}>(
    `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`,
    'application/json',
    signal,
  );
  const plan = planDrain(pods.items, options);
  if (plan.blockers.length > 0) return {kind: 'blocked', plan};
  await setUnschedulable(client, node, true);
  const version = await evictionVersion(client, signal);

  const progress: DrainProgress = {node, pods: plan.evict.map((pod) => ({pod, state: {phase: 'evicting'}}))};
  const report = () => control.onProgress({node, pods: progress.pods.map((entry) => ({...entry}))});
  const settle = (index: number, state: PodDrainState) => {
    const entry = progress.pods[index];
    if (entry) entry.state = state;
    report();
  };
  const stopped = () => signal.aborted || now() >= deadline;
  report();

  // Evicts until the server accepts (a budget refusal is asked again), then waits for the pod to be gone.
  const evict = async (pod: PodReference, index: number): Promise<'accepted' | 'settled' | 'stopped'> => {
    let refusals = 0;
    while (!stopped()) {
      try {
        await client.sendJson('POST', `${objectPath(POD_KIND, pod.namespace, pod.name)}/eviction`, {
          apiVersion: version,
          kind: 'Eviction',
          metadata: {name: pod.name, namespace: pod.namespace},
          ...(options.gracePeriodSeconds !== undefined
            ? {deleteOptions: {gracePeriodSeconds: options.gracePeriodSeconds}}
            : {}),
        });
        return 'accepted';
      } catch (error) {
        if (error instanceof KviewError && error.kind === 'not-found') {
          settle(index, {phase: 'gone'});
          return 'settled';
        }
        if (!(error instanceof KviewError && error.kind === 'too-many-requests')) {
          settle(index, {phase: 'failed', message: error instanceof Error ? error.message : String(error)});
          return 'settled';
        }
        refusals += 1;
        settle(index, {phase: 'blocked-by-budget', refusals, message: error.message});
        await sleep(control.retryEveryMs ?? 5000, signal);
      }
    }
    return 'stopped';
  };
  const drainPod = async (pod: PodReference, index: number): Promise<void> => {
    if ((await evict(pod, index)) !== 'accepted') return;
    // The eviction was accepted: from here the pod is on its way out, whether or not the drain waits for it.
    settle(index, {phase: 'terminating'});
    while (!stopped()) {
      if (await isGone(client, pod, signal)) return settle(index, {phase: 'gone'});
      await sleep(control.pollEveryMs ?? 1000, signal);
    }
  };
  await Promise.all(plan.evict.map((pod, index) => drainPod(pod, index)));

  const remaining = progress.pods
    .filter((entry) => entry.state.phase !== 'gone')
    .map((entry) => `${entry.pod.namespace}/${entry.pod.name} (${describeState(entry.state)})`);
  if (remaining.length === 0) return {kind: 'drained', plan, progress};
  if (signal.aborted) return {kind: 'cancelled', plan, progress, remaining};
  if (progress.pods.some((entry) => entry.state.phase === 'failed')) return {kind: 'failed', plan, progress, remaining};
  return {kind: 'timed-out', plan, progress, remaining};
}

// A pod is gone when it is not found, or when its name now belongs to a new pod (a StatefulSet recreates it).
async function isGone(client: ApiClient, pod: PodReference, signal: AbortSignal): Promise<boolean> {
  try {
    const current = await client.getJson<{metadata?: {uid?: string}}>(
      objectPath(POD_KIND, pod.namespace, pod.name),
      'application/json',
      signal,
    );
    return pod.uid !== undefined && current.metadata?.uid !== pod.uid;
  } catch (error) {
    // Anything but "not found" (a timeout, a reconnect) is asked again at the next poll.
    return error instanceof KviewError && error.kind === 'not-found';
  }
}

export function describeState(state: PodDrainState): string {
  switch (state.phase) {
    case 'evicting':
      return 'evicting';
    case 'blocked-by-budget':
      return `refused by a disruption budget ${state.refusals} ${state.refusals === 1 ? 'time' : 'times'}, retrying`;
    case 'terminating':
      return 'terminating';
    case 'gone':
      return 'gone';
    case 'failed':
      return `failed: ${state.message}`;
  }
}

// One line for the status line while a drain runs: how many pods are gone and what the rest wait for.
export function drainSummary(progress: DrainProgress): string {
  const count = (phase: PodDrainState['phase']) => progress.pods.filter((entry) => entry.state.phase === phase).length;
  const blocked = progress.pods.find((entry) => entry.state.phase === 'blocked-by-budget');
  const parts = [`${count('gone')}/${progress.pods.length} pods gone`];
  if (count('terminating') > 0) parts.push(`${count('terminating')} terminating`);
  if (blocked) {
    parts.push(
      `${count('blocked-by-budget')} refused by a disruption budget (${blocked.pod.namespace}/${blocked.pod.name}: ${describeState(blocked.state)})`,
    );
  }
  if (count('failed') > 0) parts.push(`${count('failed')} failed`);
  return `drain ${progress.node}: ${parts.join(', ')}`;
}

// The one line that ends a drain on screen.
export function drainOutcomeLine(outcome: DrainOutcome): string {
  const {plan} = outcome;
  switch (outcome.kind) {
    case 'blocked':
      return `drain refused: ${plan.blockers.join('; ')}`;
    case 'drained':
      return `drained ${outcome.progress.node}: evicted ${plan.evict.length}, skipped ${plan.skipped.length}`;
    case 'cancelled':
      return `drain of ${outcome.progress.node} cancelled; it stays cordoned; left: ${outcome.remaining.join(', ')}`;
    case 'timed-out':
      return `drain of ${outcome.progress.node} timed out; it stays cordoned; left: ${outcome.remaining.join(', ')}`;
    case 'failed':
      return `drain of ${outcome.progress.node} failed; it stays cordoned; left: ${outcome.remaining.join(', ')}`;
  }
}
