import type {ApiClient} from './api-client.js';
import {objectPath, POD_KIND, NODE_KIND} from './resource-kind.js';
import type {ResourceKind} from './resource-kind.js';

export async function deleteObject(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
): Promise<void> {
  await client.sendJson('DELETE', objectPath(kind, namespace, name), {kind: 'DeleteOptions', apiVersion: 'v1'});
}

export async function setUnschedulable(client: ApiClient, node: string, unschedulable: boolean): Promise<void> {
  await client.sendJson(
    'PATCH',
    objectPath(NODE_KIND, undefined, node),
    {spec: {unschedulable}},
    'application/strategic-merge-patch+json',
  );
}

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
    annotations?: Record<string, string>;
    ownerReferences?: Array<{kind: string; controller?: boolean}>;
  };
  spec?: {volumes?: Array<{emptyDir?: unknown}>};
  status?: {phase?: string};
}

export interface DrainPlan {
  evict: Array<{namespace: string; name: string}>;
  skipped: string[];
  blockers: string[];
}

// kubectl drain's filters: mirror pods cannot be evicted, DaemonSet pods would come back, finished pods need nothing,
// and pods with local data or no controller need an explicit option.
export function planDrain(pods: PodSummary[], options: DrainOptions): DrainPlan {
  const plan: DrainPlan = {evict: [], skipped: [], blockers: []};
  for (const pod of pods) {
    const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
    const controller = pod.metadata.ownerReferences?.find((owner) => owner.controller);
    if (pod.metadata.annotations?.['kubernetes.io/config.mirror']) {
      plan.skipped.push(`${id} (static pod)`);
    } else if (controller?.kind === 'DaemonSet') {
      if (options.ignoreDaemonSets) plan.skipped.push(`${id} (DaemonSet)`);
      else plan.blockers.push(`${id} is managed by a DaemonSet (allow ignoring DaemonSets)`);
    } else if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      plan.evict.push({namespace: pod.metadata.namespace, name: pod.metadata.name});
    } else if (!controller && !options.force) {
      plan.blockers.push(`${id} has no controller (use force)`);
    } else if (
      (pod.spec?.volumes ?? []).some((volume) => volume.emptyDir !== undefined) &&
      !options.deleteEmptyDirData
    ) {
      plan.blockers.push(`${id} uses emptyDir data (allow deleting emptyDir data)`);
    } else {
      plan.evict.push({namespace: pod.metadata.namespace, name: pod.metadata.name});
    }
  }
  return plan;
}

// Cordon, then evict through the Eviction API so PodDisruptionBudgets are honoured, as kubectl drain does.
export async function drainNode(
  client: ApiClient,
  node: string,
  options: DrainOptions,
  progress: (message: string) => void,
): Promise<DrainPlan> {
  const pods = await client.getJson<{items: PodSummary[]}>(
    `/api/v1/pods?fieldSelector=${encodeURIComponent(`spec.nodeName=${node}`)}`,
  );
  const plan = planDrain(pods.items, options);
  if (plan.blockers.length > 0) return plan;
  await setUnschedulable(client, node, true);
  for (const pod of plan.evict) {
    progress(`evicting ${pod.namespace}/${pod.name}`);
    await client.sendJson('POST', `${objectPath(POD_KIND, pod.namespace, pod.name)}/eviction`, {
      apiVersion: 'policy/v1beta1',
      kind: 'Eviction',
      metadata: {name: pod.name, namespace: pod.namespace},
      ...(options.gracePeriodSeconds !== undefined
        ? {deleteOptions: {gracePeriodSeconds: options.gracePeriodSeconds}}
        : {}),
    });
  }
  return plan;
}
