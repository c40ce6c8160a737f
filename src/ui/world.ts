import type {ConnectionState, RowChange, TableColumnDefinition, TableRow} from '../cluster/types.js';

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

export interface World {
  identity: ClusterIdentity;
  // undefined means all namespaces (-A).
  namespace: string | undefined;
  readonly: boolean;
  watchPods(namespace: string | undefined, sink: TableSink): {stop: () => void};
  now(): number;
}
