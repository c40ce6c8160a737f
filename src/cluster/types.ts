// Wire shapes of the API server's Table rendering (meta.k8s.io/v1 Table), as kubectl receives them.
export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface ObjectMetadata {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: Array<{kind: string; name: string; uid: string; controller?: boolean}>;
  // Dropped as rows arrive (see table-watch.ts): nothing kview shows reads them.
  managedFields?: unknown;
}

// With includeObject=Object the row carries the whole object (spec, status, or an event's top-level fields).
export interface RowObject {
  kind?: string;
  apiVersion?: string;
  metadata?: ObjectMetadata;
  [field: string]: unknown;
}

export interface TableRow {
  cells: unknown[];
  object?: RowObject;
}

export interface ServerTable {
  kind?: string;
  metadata?: {resourceVersion?: string; continue?: string};
  columnDefinitions?: TableColumnDefinition[] | null;
  rows?: TableRow[] | null;
}

export type RowChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface RowChange {
  type: RowChangeType;
  row: TableRow;
}

export type ConnectionState =
  | {phase: 'connecting'; loaded: number}
  | {phase: 'live'; since: number}
  // The path to the server went silent and a probe got no answer: the rows are what was true at `since` (the last
  // byte heard) and are shown as such until a fresh list replaces them.
  | {phase: 'stale'; since: number; message: string}
  | {phase: 'resyncing'; reason: string}
  | {phase: 'disconnected'; message: string; hint: string; retryInMs: number; attempt: number}
  | {phase: 'forbidden'; message: string; hint: string};
