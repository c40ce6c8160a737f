import type {NodeIdentity} from './node-flavour.js';
import type {NodeTools} from './node-tools.js';
import {listPodLogDirectories} from './pod-log-files.js';
import type {PodLogDirectory} from './pod-log-files.js';
import {findShim, parseProcessTable, PROCESS_TABLE_ARGS, processTree} from './process-table.js';
import type {ProcessEntry, ProcessTreeRow} from './process-table.js';
import type {RuntimeContainer, RuntimeSandbox} from './runtime-model.js';
import {manifestForPod, readStaticPodManifests} from './static-pods.js';
import type {StaticPodManifest} from './static-pods.js';

// Seed 004's walk for one pod, done for the operator: sandbox -> containers -> containerd-shim -> processes,
// plus its log files and, for a static pod, the manifest the kubelet runs it from.
export interface PodDetail {
  sandbox: RuntimeSandbox;
  containers: RuntimeContainer[];
  shim: ProcessEntry | undefined;
  processes: ProcessTreeRow[];
  logDirectory: PodLogDirectory | undefined;
  manifest: StaticPodManifest | undefined;
  problems: string[];
}

export async function readPodDetail(
  tools: NodeTools,
  identity: NodeIdentity,
  sandbox: RuntimeSandbox,
  allContainers: readonly RuntimeContainer[],
): Promise<PodDetail> {
  const problems: string[] = [];
  const [table, logDirectories, manifests] = await Promise.all([
    tools.runner.run('ps', PROCESS_TABLE_ARGS, {timeoutMs: 5000}),
    listPodLogDirectories(tools.files, identity.podLogDir),
    readStaticPodManifests(tools.files, identity.manifestsDir),
  ]);
  if (!table.ok) problems.push(table.failure.line);
  const processes = table.ok ? parseProcessTable(table.stdout) : [];
  const shim = findShim(processes, sandbox.id);
  if (table.ok && !shim) problems.push(`no containerd-shim process with -id ${sandbox.id.slice(0, 13)}`);
  const manifest = manifestForPod(manifests, sandbox.name, identity.nodeName);
  return {
    sandbox,
    containers: allContainers
      .filter((container) => container.sandboxId === sandbox.id)
      .sort((a, b) => a.name.localeCompare(b.name) || b.attempt - a.attempt),
    shim,
    processes: shim ? processTree(processes, shim.pid) : [],
    logDirectory: logDirectories.find(
      (directory) =>
        directory.uid === sandbox.uid || (directory.namespace === sandbox.namespace && directory.pod === sandbox.name),
    ),
    manifest: sandbox.staticPod || manifest ? manifest : undefined,
    problems,
  };
}
