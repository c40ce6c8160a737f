import {HttpError, runConcurrently} from './bare-client.js';
import type {BareClient} from './bare-client.js';

// Pods spread over 20 namespaces and 50 API-only nodes, each made to look like a running pod of a Deployment (two
// containers, an owner, resources, ports, IPs, Running status with both containers ready), so a row costs the
// server and kview what a production pod's does. No kubelet runs: the status is written through the status
// subresource, as a kubelet would write it.
export const NAMESPACES = Array.from({length: 20}, (_, index) => `bench-${String(index).padStart(2, '0')}`);
export const NODES = Array.from({length: 50}, (_, index) => `bench-node-${String(index).padStart(2, '0')}`);
const CONCURRENCY = 48;

export const podName = (index: number) => `load-${String(index).padStart(6, '0')}`;
export const namespaceOf = (index: number) => NAMESPACES[index % NAMESPACES.length] ?? 'bench-00';
const nodeOf = (index: number) => NODES[index % NODES.length] ?? 'bench-node-00';
const ipOf = (index: number) => `10.${64 + ((index >> 16) & 63)}.${(index >> 8) & 255}.${index & 255}`;

// Creates whatever of pods 0..total-1 is missing (a rerun finds them all and costs one count).
export async function seedPods(client: BareClient, total: number): Promise<{existing: number; created: number}> {
  for (const node of NODES) await ensureNode(client, node);
  for (const namespace of NAMESPACES) {
    await ignoreConflict(
      client.request('POST', '/api/v1/namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}}),
    );
    // No controller-manager runs, so nothing makes the default ServiceAccount the admission plugin asks for.
    await ignoreConflict(
      client.request('POST', `/api/v1/namespaces/${namespace}/serviceaccounts`, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: {name: 'default'},
      }),
    );
  }
  const existing = await countPods(client);
  if (existing >= total) return {existing, created: 0};
  const present = await podNames(client);
  function* jobs() {
    for (let index = 0; index < total; index++) {
      if (present.has(`${namespaceOf(index)}/${podName(index)}`)) continue;
      yield () => createPod(client, index);
    }
  }
  await runConcurrently(jobs(), CONCURRENCY);
  return {existing, created: total - existing};
}

async function createPod(client: BareClient, index: number): Promise<void> {
  const namespace = namespaceOf(index);
  await ignoreConflict(client.request('POST', `/api/v1/namespaces/${namespace}/pods`, podManifest(index)));
  await writeStatus(client, index, 0);
}

// The status a kubelet writes for a pod whose two containers run; `restarts` lets the churn change a visible cell.
export async function writeStatus(client: BareClient, index: number, restarts: number): Promise<void> {
  const started = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const container = (name: string) => ({
    name,
    ready: true,
    started: true,
    restartCount: restarts,
    image: 'registry.example.com/shop/app:1.24.3',
    imageID: 'registry.example.com/shop/app@sha256:' + 'a'.repeat(64),
    containerID: `containerd://${(index.toString(16) + name).padEnd(64, '0')}`,
    state: {running: {startedAt: started}},
  });
  const condition = (type: string) => ({type, status: 'True', lastProbeTime: null, lastTransitionTime: started});
  await client.request(
    'PATCH',
    `/api/v1/namespaces/${namespaceOf(index)}/pods/${podName(index)}/status`,
    {
      status: {
        phase: 'Running',
        hostIP: `192.168.${Math.floor(index / 256) % 50}.${index % 50}`,
        podIP: ipOf(index),
        podIPs: [{ip: ipOf(index)}],
        startTime: started,
        conditions: ['Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].map(condition),
        containerStatuses: [container('app'), container('sidecar')],
      },
    },
    'application/merge-patch+json',
  );
}

function podManifest(index: number) {
  const hash = (index % 97).toString(16).padStart(4, '7') + 'f9c';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: podName(index),
      labels: {app: `shop-${index % 50}`, 'pod-template-hash': hash, tier: index % 3 === 0 ? 'web' : 'worker'},
      annotations: {'prometheus.io/scrape': 'true', 'prometheus.io/port': '9102'},
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: `shop-${index % 50}-${hash}`,
          uid: `00000000-0000-4000-8000-${String(index % 50).padStart(12, '0')}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeName: nodeOf(index),
      automountServiceAccountToken: false,
      terminationGracePeriodSeconds: 0,
      containers: ['app', 'sidecar'].map((name, port) => ({
        name,
        image: 'registry.example.com/shop/app:1.24.3',
        args: ['--listen', `:${8080 + port}`],
        ports: [{containerPort: 8080 + port, name: `http-${port}`, protocol: 'TCP'}],
        env: [{name: 'SHOP_ENV', value: 'production'}],
        resources: {requests: {cpu: '50m', memory: '64Mi'}, limits: {memory: '256Mi'}},
        readinessProbe: {httpGet: {path: '/ready', port: 8080 + port}, periodSeconds: 10},
      })),
    },
  };
}

async function ensureNode(client: BareClient, name: string): Promise<void> {
  await ignoreConflict(
    client.request('POST', '/api/v1/nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {name, labels: {'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux'}},
    }),
  );
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  await client.request(
    'PATCH',
    `/api/v1/nodes/${name}/status`,
    {
      status: {
        capacity: {cpu: '16', memory: '65536Mi', pods: '2500'},
        allocatable: {cpu: '16', memory: '65000Mi', pods: '2500'},
        conditions: [
          {type: 'Ready', status: 'True', reason: 'KubeletReady', lastHeartbeatTime: now, lastTransitionTime: now},
        ],
        nodeInfo: {kubeletVersion: 'v1.20.2', containerRuntimeVersion: 'containerd://1.6.20', osImage: 'Debian'},
        addresses: [{type: 'InternalIP', address: '192.168.0.1'}],
      },
    },
    'application/merge-patch+json',
  );
}

async function ignoreConflict(request: Promise<string>): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (!(error instanceof HttpError && (error.status === 409 || error.status === 400))) throw error;
  }
}

async function* pages(client: BareClient): AsyncGenerator<Array<{metadata: {name: string; namespace: string}}>> {
  let token = '';
  do {
    const query = `limit=5000${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
    const page = JSON.parse(
      await client.request(
        'GET',
        `/api/v1/pods?${query}`,
        undefined,
        undefined,
        'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1',
      ),
    ) as {items: Array<{metadata: {name: string; namespace: string}}>; metadata?: {continue?: string}};
    yield page.items ?? [];
    token = page.metadata?.continue ?? '';
  } while (token);
}

// Follows `continue` to the last page: counting one page per namespace stopped the old bench at 20,000 pods.
export async function countPods(client: BareClient): Promise<number> {
  let count = 0;
  for await (const items of pages(client)) count += items.length;
  return count;
}

async function podNames(client: BareClient): Promise<Set<string>> {
  const names = new Set<string>();
  for await (const items of pages(client)) {
    for (const item of items) names.add(`${item.metadata.namespace}/${item.metadata.name}`);
  }
  return names;
}
