import type {AccessQuestion} from '../cluster/access-review.js';
import type {WatchRequest} from '../cluster/cluster-session.js';
import type {DrainOptions, DrainPlan} from '../cluster/object-actions.js';
import type {CollectionQuery, ResourceKind} from '../cluster/resource-kind.js';
import type {ConnectionState, RowChange, RowObject, TableColumnDefinition, TableRow} from '../cluster/types.js';
import type {LogSource} from '../cluster/log-types.js';
import type {NodeTools} from '../node-tools/node-tools.js';

// Everything the UI needs from outside, injected so tests can hand it a real cluster or a scripted one.
export interface TableSink {
  snapshot(columns: TableColumnDefinition[], rows: TableRow[]): void;
  changes(changes: RowChange[]): void;
  state(state: ConnectionState): void;
}

export interface ClusterIdentity {
  contextName: string;
  clusterName: string;
  server: string;
  userName: string;
  source: string;
}

export interface ClusterApi {
  contexts: string[];
  watchTable(kind: ResourceKind, request: WatchRequest, sink: TableSink): {stop: () => void};
  kinds(): Promise<ResourceKind[]>;
  getObject(kind: ResourceKind, namespace: string | undefined, name: string): Promise<RowObject>;
  listObjects(kind: ResourceKind, request: CollectionQuery): Promise<RowObject[]>;
  can(question: AccessQuestion): Promise<boolean>;
  deleteObject(kind: ResourceKind, namespace: string | undefined, name: string): Promise<void>;
  setUnschedulable(node: string, unschedulable: boolean): Promise<void>;
  drain(node: string, options: DrainOptions, progress: (message: string) => void): Promise<DrainPlan>;
}

export interface World {
  identity: ClusterIdentity;
  // The namespace kview opened on; undefined means all namespaces (-A).
  namespace: string | undefined;
  readonly: boolean;
  cluster: ClusterApi;
  logs: LogSource;
  // Commands on the machine kview runs on (the node pane); absent where there is no such machine (tests).
  nodeTools?: NodeTools;
  now(): number;
  // A world for another kubeconfig context (the context picker); absent where switching is not possible.
  switchContext?(context: string): World;
}
