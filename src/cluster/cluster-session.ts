import {quickPodCounts} from './pod-counts.js';
import type {KubeConfig} from '@kubernetes/client-node';
import {createApiClient} from './api-client.js';
import type {ApiClient} from './api-client.js';
import {canI} from './access-review.js';
import type {AccessQuestion} from './access-review.js';
import {discoverKinds} from './discovery.js';
import {gatherDescribeInputs} from './describe-inputs.js';
import type {DescribeInputs, DescribeNeed} from './describe-inputs.js';
import {loadClusterConnection} from './kubeconfig.js';
import type {ClusterConnection, KubeconfigRequest} from './kubeconfig.js';
import {replaceObject, setUnschedulable} from './object-actions.js';
import {
  deleteWithOptions,
  rolloutRestart,
  scaleObject,
  setImage,
  setSuspended,
  triggerCronJob,
} from './workload-actions.js';
import type {DeleteOptions} from './workload-actions.js';
import {runPodTerminal} from './pod-terminal.js';
import type {PodTerminalTarget, TerminalEnd, TerminalStreams} from './pod-terminal.js';
import {drainNode} from './drain.js';
import type {DrainControl, DrainOptions, DrainOutcome} from './drain.js';
import {BUILTIN_KINDS, collectionPath, objectPath, POD_KIND} from './resource-kind.js';
import type {CollectionQuery, ResourceKind} from './resource-kind.js';
import {startTableWatch} from './table-watch.js';
import {readKubeletLogPath, readKubeletLogRange, readKubeletProxy} from './kubelet-proxy.js';
import type {KubeletProxyReading, LogRange, LogRangeRead} from './kubelet-proxy.js';
import {nodeUsage} from './node-metrics.js';
import type {NodeUsage} from './node-metrics.js';
import type {TableWatchOptions, TableWatchSink} from './table-watch.js';
import type {RowObject} from './types.js';

export interface WatchRequest extends CollectionQuery {
  includeObject?: 'Object' | 'Metadata';
}

// Everything kview does with the API server, for one context.
export interface ClusterSession {
  connection: ClusterConnection;
  client: ApiClient;
  contexts: string[];
  // Fails fast with a KviewError (refused, forbidden, unauthorized...) before the full-screen UI opens.
  checkPodsReadable(namespace: string | undefined): Promise<void>;
  // Pods per node at once from the watch cache (see pod-counts.ts), ahead of the exact count of a pods watch.
  quickPodCounts(): Promise<ReadonlyMap<string, number>>;
  watchPods(namespace: string | undefined, sink: TableWatchSink): {stop: () => void};
  watchTable(kind: ResourceKind, request: WatchRequest, sink: TableWatchSink): {stop: () => void};
  kinds(): Promise<ResourceKind[]>;
  getObject(kind: ResourceKind, namespace: string | undefined, name: string): Promise<RowObject>;
  listObjects(kind: ResourceKind, request: CollectionQuery): Promise<RowObject[]>;
  // The object and what its kubectl describer reads besides it (events, pods, endpoints...).
  describeInputs(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    needs: readonly DescribeNeed[],
  ): Promise<DescribeInputs>;
  can(question: AccessQuestion): Promise<boolean>;
  deleteObject(kind: ResourceKind, namespace: string | undefined, name: string, options?: DeleteOptions): Promise<void>;
  scale(kind: ResourceKind, namespace: string | undefined, name: string, replicas: number): Promise<void>;
  rolloutRestart(kind: ResourceKind, namespace: string | undefined, name: string, at: Date): Promise<void>;
  setImage(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    container: string,
    image: string,
  ): Promise<void>;
  setSuspended(kind: ResourceKind, namespace: string | undefined, name: string, suspend: boolean): Promise<void>;
  // Returns the name of the Job it created.
  triggerCronJob(kind: ResourceKind, namespace: string, name: string): Promise<string>;
  // The edited object back, with the resourceVersion it was read at (a 409 when it changed since).
  replaceObject(kind: ResourceKind, namespace: string | undefined, name: string, object: unknown): Promise<RowObject>;
  // An exec or attach session on the given terminal; resolves when the container's side ends or kview detaches.
  openPodTerminal(target: PodTerminalTarget, terminal: TerminalStreams): Promise<TerminalEnd>;
  setUnschedulable(node: string, unschedulable: boolean): Promise<void>;
  drain(node: string, options: DrainOptions, control: DrainControl): Promise<DrainOutcome>;
  nodeUsage(): Promise<Map<string, NodeUsage> | undefined>;
  // A node kview does not run on, through the API server's node proxy (read-only: nothing is created).
  readNodeProxy(node: string): Promise<KubeletProxyReading>;
  // A file or directory listing under that node's /var/log (/logs/PATH).
  readNodeLog(node: string, path: string): Promise<{text: string; complete: boolean}>;
  // Part of a file under the node's /var/log by a Range request (the log reader's tail and what is appended).
  readNodeLogRange(node: string, path: string, range: LogRange): Promise<LogRangeRead>;
  withContext(context: string): ClusterSession;
}

export function openClusterSession(request: KubeconfigRequest, watchOptions: TableWatchOptions = {}): ClusterSession {
  const connection = loadClusterConnection(request);
  return sessionFor(connection, request, watchOptions);
}

function sessionFor(
  connection: ClusterConnection,
  request: KubeconfigRequest,
  watchOptions: TableWatchOptions,
): ClusterSession {
  const client = createApiClient(connection.kubeConfig, {traceFile: request.environment.KVIEW_TRACE_REQUESTS});
  let discovered: Promise<ResourceKind[]> | undefined;
  const watchTable = (kind: ResourceKind, watch: WatchRequest, sink: TableWatchSink) =>
    startTableWatch(client, collectionPath(kind, watch.namespace), sink, {...watchOptions, ...watch});
  return {
    connection,
    client,
    contexts: contextNames(connection.kubeConfig),
    async checkPodsReadable(namespace) {
      await client.getJson(`${collectionPath(POD_KIND, namespace)}?limit=1`);
    },
    watchPods: (namespace, sink) => watchTable(POD_KIND, {namespace}, sink),
    quickPodCounts: () => quickPodCounts(client),
    watchTable,
    kinds() {
      // Discovery is asked once per session; a failure falls back to the kinds kview knows.
      discovered ??= discoverKinds(client).catch(() => [...BUILTIN_KINDS]);
      return discovered;
    },
    getObject: (kind, namespace, name) => client.getJson<RowObject>(objectPath(kind, namespace, name)),
    async listObjects(kind, query) {
      const params = new URLSearchParams();
      if (query.labelSelector) params.set('labelSelector', query.labelSelector);
      if (query.fieldSelector) params.set('fieldSelector', query.fieldSelector);
      const list = await client.getJson<{items?: RowObject[]}>(
        `${collectionPath(kind, query.namespace)}?${params.toString()}`,
      );
      return list.items ?? [];
    },
    describeInputs: (kind, namespace, name, needs) => gatherDescribeInputs(client, kind, namespace, name, needs),
    can: (question) => canI(client, question),
    deleteObject: (kind, namespace, name, options = {}) => deleteWithOptions(client, kind, namespace, name, options),
    scale: (kind, namespace, name, replicas) => scaleObject(client, kind, namespace, name, replicas),
    rolloutRestart: (kind, namespace, name, at) => rolloutRestart(client, kind, namespace, name, at),
    setImage: (kind, namespace, name, container, image) => setImage(client, kind, namespace, name, container, image),
    setSuspended: (kind, namespace, name, suspend) => setSuspended(client, kind, namespace, name, suspend),
    triggerCronJob: (kind, namespace, name) => triggerCronJob(client, kind, namespace, name),
    replaceObject: (kind, namespace, name, object) => replaceObject(client, kind, namespace, name, object),
    openPodTerminal: (target, terminal) => runPodTerminal(connection.kubeConfig, target, terminal),
    setUnschedulable: (node, unschedulable) => setUnschedulable(client, node, unschedulable),
    drain: (node, options, control) => drainNode(client, node, options, control),
    nodeUsage: () => nodeUsage(client),
    readNodeProxy: (node) => readKubeletProxy(client, node),
    readNodeLog: (node, path) => readKubeletLogPath(client, node, path),
    readNodeLogRange: (node, path, range) => readKubeletLogRange(client, node, path, range),
    withContext(context) {
      return sessionFor(loadClusterConnection({...request, context, namespace: undefined}), request, watchOptions);
    },
  };
}

function contextNames(kubeConfig: KubeConfig): string[] {
  return kubeConfig.getContexts().map((context) => context.name);
}
