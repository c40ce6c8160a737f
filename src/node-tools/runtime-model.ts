// One model of the container runtime's view, whichever tool answered (crictl speaks CRI, ctr speaks containerd).
export interface RuntimeSandbox {
  id: string;
  name: string;
  namespace: string;
  uid: string;
  attempt: number;
  ready: boolean;
  createdAtMs: number | undefined;
  // Started by the kubelet from a manifest file (kubernetes.io/config.source=file), not from the API.
  staticPod: boolean;
}

export type ContainerState = 'running' | 'exited' | 'created' | 'unknown';

export interface RuntimeContainer {
  id: string;
  sandboxId: string;
  name: string;
  podName: string;
  podNamespace: string;
  attempt: number;
  state: ContainerState;
  image: string;
  createdAtMs: number | undefined;
  finishedAtMs: number | undefined;
  exitCode: number | undefined;
  reason: string;
  pid: number | undefined;
  logPath: string | undefined;
}

export interface RuntimeImage {
  id: string;
  tags: string[];
  sizeBytes: number | undefined;
}

export interface RuntimeInventory {
  source: 'crictl' | 'ctr';
  // Says when the fallback answered, and why.
  note: string | undefined;
  sandboxes: RuntimeSandbox[];
  containers: RuntimeContainer[];
  images: RuntimeImage[];
  problems: string[];
}

export function containerState(value: string): ContainerState {
  const state = value.replace(/^CONTAINER_/, '').toLowerCase();
  return state === 'running' || state === 'exited' || state === 'created' ? state : 'unknown';
}

// CRI timestamps come as nanoseconds in a string ("1696205000123456789") from list calls and as RFC 3339 from
// inspect; 0 and Go's zero time mean "never".
export function timestampMs(value: unknown): number | undefined {
  if (typeof value === 'number') return value > 0 ? Math.floor(value / 1e6) : undefined;
  if (typeof value !== 'string' || value === '') return undefined;
  if (/^\d+$/.test(value)) return value === '0' ? undefined : Math.floor(Number(value) / 1e6);
  const parsed = Date.parse(value);
  return Number.isNaN(parsed) || parsed <= 0 ? undefined : parsed;
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 13);
}
