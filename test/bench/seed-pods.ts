import type {ApiClient} from '../../src/cluster/api-client.js';

export const BENCH_NAMESPACES = Array.from({length: 20}, (_, index) => `bench-${String(index).padStart(2, '0')}`);
export const BENCH_NODE = 'bench-node';

// 10,000 pods (2 containers each, 20 namespaces) bound to an API-only node: they stay Pending, cost the cluster
// nothing to run, and make a list as large as a big production cluster's.
export async function seedPods(client: ApiClient, total: number, concurrency = 16): Promise<number> {
  await client
    .sendJson('POST', '/api/v1/nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {name: BENCH_NODE, labels: {'kubernetes.io/hostname': BENCH_NODE}},
    })
    .catch(() => undefined);
  for (const namespace of BENCH_NAMESPACES) {
    await client
      .sendJson('POST', '/api/v1/namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}})
      .catch(() => undefined);
  }
  // The ServiceAccount admission refuses pods until the namespace's default account exists.
  for (const namespace of BENCH_NAMESPACES) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const found = await client.getJson(`/api/v1/namespaces/${namespace}/serviceaccounts/default`).then(
        () => true,
        () => false,
      );
      if (found) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const jobs: Array<() => Promise<unknown>> = [];
  for (let index = 0; index < total; index++) {
    const namespace = BENCH_NAMESPACES[index % BENCH_NAMESPACES.length] ?? 'bench-00';
    jobs.push(() =>
      client
        .sendJson('POST', `/api/v1/namespaces/${namespace}/pods`, {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {name: `load-${String(index).padStart(5, '0')}`, labels: {app: 'bench', shard: String(index % 50)}},
          spec: {
            nodeName: BENCH_NODE,
            automountServiceAccountToken: false,
            containers: [
              {name: 'app', image: 'kview.local/busybox:1', command: ['sleep', '3600']},
              {name: 'sidecar', image: 'kview.local/busybox:1', command: ['sleep', '3600']},
            ],
          },
        })
        .catch((error: unknown) => {
          // A rerun finds the pods of the last one: they count as seeded.
          if (!(error instanceof Error && error.message.includes('already exists'))) throw error;
        }),
    );
  }
  await runConcurrently(jobs, concurrency);
  return countPods(client);
}

// Counts every page: a namespace with more than one page of pods (50,000 pods over 20 namespaces) was counted as
// 1,000, so the bench could not seed or measure past 20,000 pods.
export async function countPods(client: ApiClient): Promise<number> {
  let count = 0;
  for (const namespace of BENCH_NAMESPACES) {
    let token: string | undefined;
    do {
      const page = await client
        .getJson<{items: unknown[]; metadata?: {continue?: string}}>(
          `/api/v1/namespaces/${namespace}/pods?limit=1000${token ? `&continue=${encodeURIComponent(token)}` : ''}`,
        )
        .catch(() => ({items: [], metadata: {continue: undefined}}));
      count += page.items.length;
      token = page.metadata?.continue || undefined;
    } while (token);
  }
  return count;
}

// Pods on a node without a kubelet never finish a graceful delete: they go with grace period 0.
export async function removePods(client: ApiClient): Promise<void> {
  for (const namespace of BENCH_NAMESPACES) {
    await client
      .sendJson('DELETE', `/api/v1/namespaces/${namespace}/pods?gracePeriodSeconds=0`, {
        kind: 'DeleteOptions',
        apiVersion: 'v1',
        gracePeriodSeconds: 0,
      })
      .catch(() => undefined);
    await client.sendJson('DELETE', `/api/v1/namespaces/${namespace}`, {}).catch(() => undefined);
  }
  await client.sendJson('DELETE', `/api/v1/nodes/${BENCH_NODE}`, {}).catch(() => undefined);
}

async function runConcurrently(jobs: Array<() => Promise<unknown>>, concurrency: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const job = jobs[next++];
      await job?.();
    }
  };
  await Promise.all(Array.from({length: concurrency}, worker));
}
