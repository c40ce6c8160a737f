import type {ApiClient} from './api-client.js';

// Quantities as metrics-server reports them ("250m", "1048576Ki").
export interface NodeUsage {
  cpu: string;
  memory: string;
}

interface NodeMetricsList {
  items?: Array<{metadata?: {name?: string}; usage?: {cpu?: string; memory?: string}}>;
}

// Current use per node from metrics-server (what `kubectl top nodes` reads). Undefined when the metrics API is
// not there or not answering: the nodes view then shows no usage columns rather than an error.
export async function nodeUsage(client: ApiClient): Promise<Map<string, NodeUsage> | undefined> {
  try {
    const list = await client.getJson<NodeMetricsList>('/apis/metrics.k8s.io/v1beta1/nodes');
    const usage = new Map<string, NodeUsage>();
    for (const item of list.items ?? []) {
      if (item.metadata?.name)
        usage.set(item.metadata.name, {cpu: item.usage?.cpu ?? '0', memory: item.usage?.memory ?? '0'});
    }
    return usage;
  } catch {
    return undefined;
  }
}
