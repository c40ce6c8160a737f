// The log source's contract with the view: what to stream (a target and a request) and what comes back (lines and
// per-stream statuses). Plain data, so the state layer and tests can use it without touching the network.

// Which pods: one pod, the pods of a label selector, of a workload, or of a node (through the API), or one pod's
// log files on this node. Or a node's systemd journal for
// some units, read with journalctl (the node pane): there a unit plays the part of a container, so choosing a unit,
// all units and the previous boot are the log view's container, all-containers and previous.
export type LogTarget =
  | {kind: 'pod'; namespace: string; pod: string; container?: string; allContainers?: boolean; previous?: boolean}
  | {kind: 'selector'; namespace: string; labelSelector: string; allContainers?: boolean}
  | {kind: 'owner'; namespace: string; ownerKind: OwnerKind; name: string; allContainers?: boolean}
  | {kind: 'node'; node: string; namespace?: string; allContainers?: boolean}
  | {
      kind: 'journal';
      node: string;
      units: readonly string[];
      unit?: string;
      allContainers?: boolean;
      // A copied journal directory (journalctl -D) instead of this host's journal.
      directory?: string;
    }
  // A pod's log files as the kubelet writes them on this node (/var/log/pods/<ns>_<pod>_<uid>): how the node
  // pane reads a pod's logs when the API server cannot be asked.
  | {
      kind: 'podFiles';
      node: string;
      namespace: string;
      pod: string;
      directory: string;
      containers: readonly string[];
      container?: string;
      allContainers?: boolean;
    }
  // A file under a node's /var/log read through the kubelet's /logs/ (see node-file-log-source.ts).
  | {kind: 'nodeFile'; node: string; path: string; allContainers?: boolean};

export type OwnerKind = 'Deployment' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'ReplicaSet';

// Where the log starts, as kubectl logs --tail / --since / --since-time, or the whole log.
export type LogWindow =
  {kind: 'tail'; lines: number} | {kind: 'since'; seconds: number} | {kind: 'sinceTime'; time: string} | {kind: 'all'};

export interface LogRequest {
  window: LogWindow;
  follow: boolean;
  previous: boolean;
  // One container by name; undefined means the pod's default container (annotation, else the first).
  container?: string;
  // Init, regular and ephemeral containers, as kubectl logs --all-containers.
  allContainers: boolean;
  // Journal only: this priority and everything more severe (journalctl -p).
  priority?: JournalPriorityFilter;
}

export type JournalPriorityFilter = 'err' | 'warning';

export interface StreamRef {
  namespace: string;
  pod: string;
  container: string;
}

export type LogLineKind = 'line' | 'separator' | 'notice';

export interface LogLine {
  // namespace/pod/container: which stream the line came from.
  streamId: string;
  // The kubelet's RFC3339Nano timestamp, '' for kview's own separators and notices.
  timestamp: string;
  text: string;
  kind: LogLineKind;
  // The severity the source itself states (a journal entry's PRIORITY); otherwise the view guesses from JSON fields.
  level?: 'error' | 'warning' | 'debug';
}

export type StreamPhase =
  'queued' | 'connecting' | 'streaming' | 'reconnecting' | 'waiting' | 'ended' | 'failed' | 'removed';

export interface StreamStatus {
  streamId: string;
  pod: string;
  container: string;
  phase: StreamPhase;
  // Why the stream is in this phase, in words an operator can act on (often the API server's own text).
  message: string;
  lines: number;
}

export interface LogSink {
  lines(lines: LogLine[]): void;
  status(status: StreamStatus): void;
}

export type ContainerKind = 'init' | 'regular' | 'ephemeral';

export interface ContainerInfo {
  name: string;
  kind: ContainerKind;
  isDefault: boolean;
  // 'running', 'waiting: CrashLoopBackOff', 'terminated: Error (exit 1)'...
  state: string;
  isCrashLooping: boolean;
  restartCount: number;
}

export interface LogSource {
  open(target: LogTarget, request: LogRequest, sink: LogSink): {stop: () => void};
  // The containers of a pod target (the units of a journal target) to choose from; [] for other targets.
  containersOf(target: LogTarget): Promise<ContainerInfo[]>;
}

export function streamIdOf(ref: StreamRef): string {
  return `${ref.namespace}/${ref.pod}/${ref.container}`;
}
