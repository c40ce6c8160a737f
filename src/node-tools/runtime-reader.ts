import type {CommandOutcome} from './command-runner.js';
import {mergeCrictlInspect, parseCrictlContainers, parseCrictlImages, parseCrictlPods} from './crictl-output.js';
import {parseCtrContainerInfo, parseCtrImages, parseCtrTasks} from './ctr-output.js';
import type {CtrTask} from './ctr-output.js';
import {asArray, asObject, asString, parseJsonObject} from './json-fields.js';
import type {JsonObject} from './json-fields.js';
import type {NodeIdentity} from './node-flavour.js';
import type {NodeTools} from './node-tools.js';
import type {RuntimeContainer, RuntimeInventory, RuntimeSandbox} from './runtime-model.js';
import {checkedArguments, checkedPath, checkedRuntimeId, isRuntimeId} from './safe-argument.js';

export interface RuntimeCondition {
  type: string;
  ready: boolean;
  reason: string;
  message: string;
}

export type RuntimeView = RuntimeInventory & {conditions: RuntimeCondition[]};

// How many exited containers get an inspect call for their exit code: one process each.
const INSPECT_LIMIT = 20;

export function crictlGlobalArgs(identity: NodeIdentity): string[] {
  return identity.crictlConfig
    ? [`--config=${checkedPath(identity.crictlConfig)}`]
    : [`--runtime-endpoint=unix://${checkedPath(identity.runtimeSocket)}`, '--timeout=5s'];
}

export function ctrGlobalArgs(identity: NodeIdentity): string[] {
  return [`--address=${checkedPath(identity.runtimeSocket)}`, '--namespace=k8s.io', '--connect-timeout=2s'];
}

// crictl when it is installed (the CRI's own view, as kubelet sees it); otherwise containerd's client ctr, with a
// note saying so. Each failing call becomes one problem line and the rest of the view still fills in.
export async function readRuntime(tools: NodeTools, identity: NodeIdentity): Promise<RuntimeView> {
  const checked = checkedArguments(() => ({crictl: crictlGlobalArgs(identity), ctr: ctrGlobalArgs(identity)}));
  if (!checked.ok) return emptyRuntimeView(checked.failure.line);
  const global = checked.value.crictl;
  const pods = await tools.runner.run('crictl', [...global, 'pods', '-o', 'json']);
  if (!pods.ok && pods.failure.kind === 'missing')
    return readThroughCtr(tools, identity, checked.value.ctr, pods.failure.line);
  const [containers, images, info] = await Promise.all([
    tools.runner.run('crictl', [...global, 'ps', '-a', '-o', 'json']),
    tools.runner.run('crictl', [...global, 'images', '-o', 'json']),
    tools.runner.run('crictl', [...global, 'info', '-o', 'json']),
  ]);
  const problems: string[] = [];
  const json = (outcome: CommandOutcome): JsonObject => {
    if (!outcome.ok) problems.push(outcome.failure.line);
    return outcome.ok ? (parseJsonObject(outcome.stdout) ?? {}) : {};
  };
  const sandboxes = parseCrictlPods(json(pods));
  const listed = parseCrictlContainers(json(containers));
  const view: RuntimeView = {
    source: 'crictl',
    note: undefined,
    sandboxes,
    containers: listed,
    images: parseCrictlImages(json(images)),
    conditions: runtimeConditions(json(info)),
    problems,
  };
  view.containers = await Promise.all(
    listed.map(async (container, index) => {
      // An id that is not plain hex came from a confused or hostile runtime: it is listed, never passed on.
      if (container.state === 'running' || index >= INSPECT_LIMIT || !isRuntimeId(container.id)) return container;
      const inspect = await tools.runner.run('crictl', [
        ...global,
        'inspect',
        '-o',
        'json',
        '--',
        checkedRuntimeId(container.id),
      ]);
      return inspect.ok ? mergeCrictlInspect(container, parseJsonObject(inspect.stdout) ?? {}) : container;
    }),
  );
  return view;
}

function runtimeConditions(info: JsonObject): RuntimeCondition[] {
  return asArray(asObject(info.status).conditions).map((item) => {
    const condition = asObject(item);
    return {
      type: asString(condition.type),
      ready: condition.status === true,
      reason: asString(condition.reason),
      message: asString(condition.message),
    };
  });
}

// Nothing could be asked: the one problem says why.
function emptyRuntimeView(problem: string): RuntimeView {
  return {
    source: 'crictl',
    note: undefined,
    sandboxes: [],
    containers: [],
    images: [],
    conditions: [],
    problems: [problem],
  };
}

async function readThroughCtr(
  tools: NodeTools,
  identity: NodeIdentity,
  global: readonly string[],
  why: string,
): Promise<RuntimeView> {
  const note = `${why}; showing containerd's own view through ctr -n k8s.io (no CRI conditions)`;
  const [ids, tasks, images] = await Promise.all([
    tools.runner.run('ctr', [...global, 'containers', 'ls', '-q']),
    tools.runner.run('ctr', [...global, 'tasks', 'ls']),
    tools.runner.run('ctr', [...global, 'images', 'ls']),
  ]);
  const problems = [ids, tasks, images].flatMap((outcome) => (outcome.ok ? [] : [outcome.failure.line]));
  const taskMap = tasks.ok ? parseCtrTasks(tasks.stdout) : new Map<string, CtrTask>();
  const sandboxes: RuntimeSandbox[] = [];
  const containers: Array<{container: RuntimeContainer; logFile: string}> = [];
  const logDirectories = new Map<string, string>();
  const idList = ids.ok
    ? ids.stdout
        .split('\n')
        .map((id) => id.trim())
        .filter(isRuntimeId)
    : [];
  await inBatches(idList, 4, async (id) => {
    const info = await tools.runner.run('ctr', [...global, 'containers', 'info', '--', checkedRuntimeId(id)]);
    if (!info.ok) return;
    const statusFile = await tools.files.readText(
      `${identity.containerdRoot}/io.containerd.grpc.v1.cri/containers/${id}/status`,
    );
    const record = parseCtrContainerInfo(
      parseJsonObject(info.stdout) ?? {},
      taskMap.get(id),
      statusFile.ok ? parseJsonObject(statusFile.text) : undefined,
    );
    if (record?.kind === 'sandbox') {
      sandboxes.push(record.sandbox);
      logDirectories.set(record.sandbox.id, record.logDirectory);
    } else if (record?.kind === 'container') {
      containers.push({container: record.container, logFile: record.logFile});
    }
  });
  const newestFirst = <T extends {createdAtMs: number | undefined}>(a: T, b: T) =>
    (b.createdAtMs ?? 0) - (a.createdAtMs ?? 0);
  return {
    source: 'ctr',
    note,
    problems,
    conditions: [],
    sandboxes: sandboxes.sort(newestFirst),
    containers: containers
      .map(({container, logFile}) => {
        const directory = logDirectories.get(container.sandboxId);
        return {...container, logPath: directory && logFile ? `${directory}/${logFile}` : undefined};
      })
      .sort(newestFirst),
    images: images.ok ? parseCtrImages(images.stdout) : [],
  };
}

async function inBatches<T>(items: readonly T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(work));
  }
}
