import {asNumber, asObject, asString, asStringMap, parseJsonObject} from './json-fields.js';
import type {JsonObject} from './json-fields.js';
import {timestampMs} from './runtime-model.js';
import type {ContainerState, RuntimeContainer, RuntimeImage, RuntimeSandbox} from './runtime-model.js';

// Parsers for containerd's own client, `ctr -n k8s.io`, used when crictl is not installed. ctr knows containers
// and tasks, not pods: the pod comes from the labels and the CRI metadata the CRI plugin stores on each container.
export interface CtrTask {
  pid: number;
  status: string;
}

// `ctr tasks ls`: "TASK  PID  STATUS".
export function parseCtrTasks(text: string): Map<string, CtrTask> {
  const tasks = new Map<string, CtrTask>();
  for (const line of text.split('\n').slice(1)) {
    const [id, pid, status] = line.trim().split(/\s+/);
    if (id && pid && status) tasks.set(id, {pid: Number(pid), status});
  }
  return tasks;
}

// `ctr images ls`: "REF TYPE DIGEST SIZE PLATFORMS LABELS", SIZE as "2.0 MiB". Refs that are only a digest are
// the same image under its id, so they fold into the named ones.
export function parseCtrImages(text: string): RuntimeImage[] {
  const byDigest = new Map<string, RuntimeImage>();
  for (const line of text.split('\n').slice(1)) {
    const match = /^(\S+)\s+\S+\s+(sha256:[0-9a-f]+)\s+([\d.]+ [KMGT]?i?B)\s/.exec(line);
    if (!match) continue;
    const [, ref = '', digest = '', size = ''] = match;
    const image = byDigest.get(digest) ?? {id: digest, tags: [], sizeBytes: parseHumanSize(size)};
    if (!ref.startsWith('sha256:')) image.tags.push(ref);
    byDigest.set(digest, image);
  }
  return [...byDigest.values()];
}

const UNITS: Record<string, number> = {
  B: 1,
  KiB: 1024,
  MiB: 1024 ** 2,
  GiB: 1024 ** 3,
  TiB: 1024 ** 4,
  kB: 1000,
  KB: 1000,
  MB: 1000 ** 2,
  GB: 1000 ** 3,
};

export function parseHumanSize(text: string): number | undefined {
  const match = /^([\d.]+) ?([KMGT]?i?B|kB)$/.exec(text.trim());
  const unit = match ? UNITS[match[2] ?? ''] : undefined;
  return match && unit ? Math.round(Number(match[1]) * unit) : undefined;
}

// The CRI plugin's metadata extension: base64 JSON with the pod/container config kubelet sent.
function criMetadata(info: JsonObject): JsonObject {
  const extensions = asObject(info.Extensions);
  for (const key of ['io.cri-containerd.sandbox.metadata', 'io.cri-containerd.container.metadata']) {
    const value = asString(asObject(extensions[key]).value);
    if (value) return asObject(parseJsonObject(Buffer.from(value, 'base64').toString('utf8'))?.Metadata);
  }
  return {};
}

export type CtrRecord =
  | {kind: 'sandbox'; sandbox: RuntimeSandbox; logDirectory: string}
  | {kind: 'container'; container: RuntimeContainer; logFile: string};

// `ctr containers info -- ID`. The task (if any) decides running or not; `criStatus` is the CRI plugin's status
// file for the container (<containerd root>/io.containerd.grpc.v1.cri/containers/<id>/status), which keeps the
// exit code after the task is gone.
export function parseCtrContainerInfo(
  info: JsonObject,
  task: CtrTask | undefined,
  criStatus: JsonObject | undefined,
): CtrRecord | undefined {
  const labels = asStringMap(info.Labels);
  const metadata = criMetadata(info);
  const config = asObject(metadata.Config);
  const attempt = asNumber(asObject(config.metadata).attempt) ?? 0;
  const id = asString(info.ID);
  const createdAtMs = timestampMs(info.CreatedAt);
  if (labels['io.cri-containerd.kind'] === 'sandbox') {
    return {
      kind: 'sandbox',
      logDirectory: asString(config.log_directory),
      sandbox: {
        id,
        name: labels['io.kubernetes.pod.name'] ?? '',
        namespace: labels['io.kubernetes.pod.namespace'] ?? '',
        uid: labels['io.kubernetes.pod.uid'] ?? '',
        attempt,
        ready: task?.status === 'RUNNING',
        createdAtMs,
        staticPod: asStringMap(config.annotations)['kubernetes.io/config.source'] === 'file',
      },
    };
  }
  if (labels['io.cri-containerd.kind'] !== 'container') return undefined;
  const exitCode = criStatus ? asNumber(criStatus.ExitCode) : undefined;
  const finishedAtMs = criStatus ? timestampMs(criStatus.FinishedAt) : undefined;
  return {
    kind: 'container',
    logFile: asString(config.log_path),
    container: {
      id,
      sandboxId: asString(metadata.SandboxID),
      name: labels['io.kubernetes.container.name'] ?? '',
      podName: labels['io.kubernetes.pod.name'] ?? '',
      podNamespace: labels['io.kubernetes.pod.namespace'] ?? '',
      attempt,
      state: stateOf(task, finishedAtMs),
      image: asString(info.Image),
      createdAtMs,
      finishedAtMs,
      exitCode,
      reason: criStatus ? asString(criStatus.Reason) : '',
      pid: task?.status === 'RUNNING' ? task.pid : undefined,
      logPath: undefined,
    },
  };
}

function stateOf(task: CtrTask | undefined, finishedAtMs: number | undefined): ContainerState {
  if (task?.status === 'RUNNING') return 'running';
  if (task?.status === 'STOPPED' || finishedAtMs !== undefined) return 'exited';
  if (task?.status === 'CREATED') return 'created';
  return task ? 'unknown' : 'exited';
}
