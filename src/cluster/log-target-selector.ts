import type {ApiClient} from './api-client.js';
import type {LogTarget, OwnerKind} from './log-types.js';
import {labelSelectorString} from './label-selector.js';
import type {LabelSelector} from './label-selector.js';

export interface PodSelection {
  namespace: string | undefined;
  label?: string;
  field?: string;
}

const OWNER_PATHS: Record<OwnerKind, string> = {
  Deployment: 'apis/apps/v1/namespaces/NS/deployments',
  StatefulSet: 'apis/apps/v1/namespaces/NS/statefulsets',
  DaemonSet: 'apis/apps/v1/namespaces/NS/daemonsets',
  ReplicaSet: 'apis/apps/v1/namespaces/NS/replicasets',
  Job: 'apis/batch/v1/namespaces/NS/jobs',
};

// Every target becomes a pod list+watch query, so one pod, a selector, a workload and a node all pick up pods
// that appear later and drop pods that go away.
export async function podSelectionOf(
  client: ApiClient,
  target: LogTarget,
  signal?: AbortSignal,
): Promise<PodSelection> {
  switch (target.kind) {
    case 'pod':
      return {namespace: target.namespace, field: `metadata.name=${target.pod}`};
    case 'selector':
      return {namespace: target.namespace, label: target.labelSelector};
    case 'node':
      return {namespace: target.namespace, field: `spec.nodeName=${target.node}`};
    case 'journal':
      throw new Error("a node's journal is read on the node with journalctl, not through the API server");
    case 'podFiles':
      throw new Error("a pod's log files are read on its node, not through the API server");
    case 'nodeFile':
      throw new Error("a node's /var/log file is read through the kubelet's /logs/, not as pod logs");
    case 'owner': {
      const collection = OWNER_PATHS[target.ownerKind].replace('NS', encodeURIComponent(target.namespace));
      const owner = await client.getJson<{spec?: {selector?: LabelSelector}}>(
        `/${collection}/${encodeURIComponent(target.name)}`,
        'application/json',
        signal,
      );
      return {namespace: target.namespace, label: labelSelectorString(owner.spec?.selector ?? {})};
    }
  }
}
