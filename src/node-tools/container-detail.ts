import {crictlGlobalArgs, ctrGlobalArgs} from './runtime-reader.js';
import type {RuntimeView} from './runtime-reader.js';
import {asArray, asNumber, asObject, asString, asStringMap, parseJsonObject} from './json-fields.js';
import type {JsonObject} from './json-fields.js';
import type {NodeIdentity} from './node-flavour.js';
import type {NodeTools} from './node-tools.js';
import {listPodLogDirectories, parseCriLogLines, readPodLogTail} from './pod-log-files.js';
import type {PodLogLine} from './pod-log-files.js';
import {containerState, timestampMs} from './runtime-model.js';
import type {RuntimeContainer} from './runtime-model.js';
import {checkedArguments, checkedRuntimeId, isRuntimeId} from './safe-argument.js';

export const CONTAINER_LOG_LINES = 50;

// What `crictl inspect` says about one container, reduced to the fields an operator reads first.
export interface ContainerInspect {
  id: string;
  name: string;
  pod: string;
  image: string;
  state: string;
  startedAtMs: number | undefined;
  finishedAtMs: number | undefined;
  exitCode: number | undefined;
  reason: string;
  logPath: string | undefined;
  pid: number | undefined;
  mounts: string[];
}

export interface ContainerDetail {
  inspect: ContainerInspect | undefined;
  // The command the log lines came from, or the file they were read from.
  logSource: string;
  // The container's log file on this node, when known (the log reader opens it).
  logFile: string | undefined;
  logLines: PodLogLine[];
  note: string | undefined;
  problems: string[];
}

// `crictl inspect -o json ID`: {status: ContainerStatus, info: {pid, ...}} as cri-tools prints it.
export function parseCrictlInspect(document: JsonObject): ContainerInspect {
  const status = asObject(document.status);
  const labels = asStringMap(status.labels);
  const pid = asNumber(asObject(document.info).pid);
  return {
    id: asString(status.id),
    name: asString(asObject(status.metadata).name),
    pod: `${labels['io.kubernetes.pod.namespace'] ?? ''}/${labels['io.kubernetes.pod.name'] ?? ''}`,
    image: asString(asObject(status.image).image),
    state: containerState(asString(status.state)),
    startedAtMs: timestampMs(status.startedAt),
    finishedAtMs: timestampMs(status.finishedAt),
    exitCode: asNumber(status.exitCode),
    reason: asString(status.reason),
    logPath: asString(status.logPath) || undefined,
    pid: pid && pid > 0 ? pid : undefined,
    mounts: asArray(status.mounts).map((item) => {
      const mount = asObject(item);
      return `${asString(mount.hostPath)} -> ${asString(mount.containerPath)}${mount.readonly === true ? ' (ro)' : ''}`;
    }),
  };
}

// `ctr containers info ID` has no state of its own: the state, exit code and pid come from the listing (tasks and
// the CRI status file), the image and mounts from containerd's record and OCI spec.
export function parseCtrInspect(info: JsonObject, listed: RuntimeContainer | undefined): ContainerInspect {
  const labels = asStringMap(info.Labels);
  return {
    id: asString(info.ID),
    name: labels['io.kubernetes.container.name'] ?? '',
    pod: `${labels['io.kubernetes.pod.namespace'] ?? ''}/${labels['io.kubernetes.pod.name'] ?? ''}`,
    image: asString(info.Image),
    state: listed?.state ?? 'unknown',
    startedAtMs: timestampMs(info.CreatedAt),
    finishedAtMs: listed?.finishedAtMs,
    exitCode: listed?.state === 'exited' ? listed.exitCode : undefined,
    reason: listed?.reason ?? '',
    logPath: listed?.logPath,
    pid: listed?.pid,
    mounts: asArray(asObject(info.Spec).mounts)
      .map((item) => {
        const mount = asObject(item);
        return `${asString(mount.source)} -> ${asString(mount.destination)}`;
      })
      .filter((mount) => !/^(proc|tmpfs|devpts|mqueue|sysfs|cgroup|shm)? -> /.test(mount)),
  };
}

export async function readContainerDetail(
  tools: NodeTools,
  identity: NodeIdentity,
  runtime: RuntimeView,
  containerId: string,
): Promise<ContainerDetail> {
  if (!isRuntimeId(containerId)) {
    return {
      inspect: undefined,
      logSource: '',
      logFile: undefined,
      logLines: [],
      note: undefined,
      problems: [`refusing container id ${JSON.stringify(containerId)}: not hex`],
    };
  }
  const id = checkedRuntimeId(containerId);
  const checked = checkedArguments(() =>
    runtime.source === 'crictl' ? crictlGlobalArgs(identity) : ctrGlobalArgs(identity),
  );
  if (!checked.ok) {
    return {
      inspect: undefined,
      logSource: '',
      logFile: undefined,
      logLines: [],
      note: undefined,
      problems: [checked.failure.line],
    };
  }
  const global = checked.value;
  if (runtime.source === 'crictl') {
    const [inspect, logs] = await Promise.all([
      tools.runner.run('crictl', [...global, 'inspect', '-o', 'json', '--', id]),
      tools.runner.run('crictl', [...global, 'logs', '--tail', String(CONTAINER_LOG_LINES), '--', id]),
    ]);
    const problems = [inspect, logs].flatMap((outcome) => (outcome.ok ? [] : [outcome.failure.line]));
    // crictl logs copies the container's stdout and stderr to its own; both belong to the log.
    const text = logs.ok ? `${logs.stdout}${logs.stderr}` : '';
    const inspected = inspect.ok ? parseCrictlInspect(parseJsonObject(inspect.stdout) ?? {}) : undefined;
    return {
      inspect: inspected,
      logSource: `crictl logs --tail ${CONTAINER_LOG_LINES} ${id}`,
      logFile: inspected?.logPath,
      note: undefined,
      problems,
      logLines: parseCriLogLines(text).slice(-CONTAINER_LOG_LINES),
    };
  }
  const info = await tools.runner.run('ctr', [...global, 'containers', 'info', '--', id]);
  const listed = runtime.containers.find((container) => container.id === id);
  const inspect = info.ok ? parseCtrInspect(parseJsonObject(info.stdout) ?? {}, listed) : undefined;
  const problems = info.ok ? [] : [info.failure.line];
  const logFile = inspect?.logPath ?? (await logFileFromPodDirectory(tools, listed));
  if (!logFile) {
    return {
      inspect,
      logSource: '',
      logFile: undefined,
      logLines: [],
      note: runtime.note,
      problems: [...problems, `no log file for this container under ${tools.paths.podLogDir}`],
    };
  }
  const tail = await readPodLogTail(tools.files, logFile, CONTAINER_LOG_LINES);
  return {
    inspect,
    logSource: logFile,
    logFile,
    note: runtime.note,
    logLines: 'lines' in tail ? tail.lines : [],
    problems: 'problem' in tail ? [...problems, tail.problem] : problems,
  };
}

// Without a log path from containerd: <pod log dir>/<namespace>_<pod>_<uid>/<container>/<attempt>.log.
async function logFileFromPodDirectory(
  tools: NodeTools,
  container: RuntimeContainer | undefined,
): Promise<string | undefined> {
  if (!container) return undefined;
  const directories = await listPodLogDirectories(tools.files, tools.paths.podLogDir);
  const directory = directories.find(
    (entry) => entry.namespace === container.podNamespace && entry.pod === container.podName,
  );
  const files = directory?.containers.find((entry) => entry.name === container.name)?.files ?? [];
  const file =
    files.find((name) => name === `${container.attempt}.log`) ?? files.filter((name) => name.endsWith('.log')).at(-1);
  return directory && file ? `${directory.path}/${container.name}/${file}` : undefined;
}
