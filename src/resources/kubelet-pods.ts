import {count, fields, list, text} from './kubelet-fields.js';

// A pod as the kubelet itself runs it (/pods): static pods are there even when their mirror pod is not.
export interface KubeletPod {
  namespace: string;
  name: string;
  phase: string;
  // Where the kubelet got the pod from: "api", or "file"/"http" for a static pod.
  source: string;
  static: boolean;
  ready: number;
  containers: number;
  restarts: number;
  // A container's waiting reason (CrashLoopBackOff, ImagePullBackOff...) or a terminated one's, if any.
  problem: string | undefined;
}

export function kubeletPods(podList: unknown): KubeletPod[] {
  return list(fields(podList)['items']).map((item) => {
    const pod = fields(item);
    const metadata = fields(pod['metadata']);
    const status = fields(pod['status']);
    const source = text(fields(metadata['annotations'])['kubernetes.io/config.source']) ?? 'api';
    const statuses = list(status['containerStatuses']).map(fields);
    const containers = list(fields(pod['spec'])['containers']).length;
    return {
      namespace: text(metadata['namespace']) ?? '',
      name: text(metadata['name']) ?? '',
      phase: text(status['phase']) ?? 'Unknown',
      source,
      static: source !== 'api',
      ready: statuses.filter((entry) => entry['ready'] === true).length,
      containers: Math.max(containers, statuses.length),
      restarts: statuses.reduce((sum, entry) => sum + (count(entry['restartCount']) ?? 0), 0),
      problem: statuses.map(containerProblem).find((reason) => reason !== undefined),
    };
  });
}

function containerProblem(status: Record<string, unknown>): string | undefined {
  const state = fields(status['state']);
  const waiting = text(fields(state['waiting'])['reason']);
  if (waiting && waiting !== 'ContainerCreating' && waiting !== 'PodInitializing') return waiting;
  const terminated = fields(state['terminated']);
  const reason = text(terminated['reason']);
  return reason && reason !== 'Completed' ? reason : undefined;
}
