import {flavourProfiles} from './node-flavour.js';
import type {Flavour, NodeIdentity} from './node-flavour.js';
import type {NodeTools} from './node-tools.js';
import {sharesSystem} from './process-namespace.js';
import {executableName, flagValue, parseProcessTable, PROCESS_TABLE_ARGS} from './process-table.js';
import type {ProcessEntry} from './process-table.js';

// Finds out whether kview runs on a Kubernetes node and which kind: the running kubelet (or k3s/RKE2/MicroK8s
// process) first, because its flags name the real root dir, runtime socket and node name; then the directories
// each distribution leaves behind, for a node whose kubelet is down (which is when the pane matters most).
// Only processes that share kview's root and mount and pid namespaces count: a kubelet in a container on this
// host (another node booted under systemd-nspawn, a kind node) is that node's, not this one's.
export async function detectNode(
  tools: Pick<NodeTools, 'runner' | 'files' | 'hostname' | 'paths'>,
): Promise<NodeIdentity | undefined> {
  const evidence: string[] = [];
  const table = await tools.runner.run('ps', PROCESS_TABLE_ARGS, {timeoutMs: 5000});
  const processes = table.ok ? parseProcessTable(table.stdout) : [];
  if (!table.ok) evidence.push(table.failure.line);
  const kubelet = await firstOnThisSystem(tools, processes.filter(isKubeletProcess), evidence);
  const flavour = kubelet ? await flavourOfProcess(tools, kubelet) : await flavourOfFiles(tools, evidence);
  if (!flavour) return undefined;
  if (kubelet) evidence.push(`kubelet process ${kubelet.pid}: ${kubelet.commandLine.slice(0, 120)}`);
  const profile = flavourProfiles[flavour];
  const kubeletLine = kubelet?.commandLine ?? '';
  const endpoint = flagValue(kubeletLine, 'container-runtime-endpoint');
  const runtimeSocket = endpoint ? endpoint.replace(/^unix:\/\//, '') : profile.runtimeSocket;
  const kubeletRootDir = flagValue(kubeletLine, 'root-dir') ?? profile.kubeletRootDir;
  const manifestsDir = (await staticPodPath(tools, kubeletLine)) ?? profile.manifestsDir;
  const containerd = await firstOnThisSystem(
    tools,
    processes.filter((entry) => executableName(entry.commandLine) === 'containerd'),
    evidence,
  );
  const containerdRoot = (await containerdRootOf(tools, containerd)) ?? profile.containerdRoot;
  const crictlConfig =
    profile.crictlConfig ??
    ((await tools.files.exists(tools.paths.crictlDefaultConfig)) ? tools.paths.crictlDefaultConfig : undefined);
  return {
    nodeName: flagValue(kubeletLine, 'hostname-override') ?? tools.hostname,
    flavour,
    kubeletUnit:
      flavour === 'k3s' && /\bagent\b/.test(kubeletLine)
        ? 'k3s-agent.service'
        : flavour === 'rke2' && processes.some((entry) => /^rke2 agent\b|\/rke2 agent\b/.test(entry.commandLine))
          ? 'rke2-agent.service'
          : (profile.kubeletUnits[0] ?? 'kubelet.service'),
    runtimeUnit: runtimeSocket.includes('crio') ? 'crio.service' : profile.runtimeUnits[0],
    runtimeSocket,
    crictlConfig,
    containerdRoot,
    kubeletRootDir,
    manifestsDir,
    podLogDir: tools.paths.podLogDir,
    kubeletPid: kubelet?.pid,
    runtimePid: containerd?.pid,
    evidence,
  };
}

function isKubeletProcess(entry: ProcessEntry): boolean {
  const name = executableName(entry.commandLine);
  return (
    name === 'kubelet' ||
    name === 'kubelite' ||
    /^(k3s|rke2) (server|agent)\b/.test(entry.commandLine) ||
    ((name === 'k3s' || name === 'rke2') && /\b(server|agent)\b/.test(entry.commandLine))
  );
}

async function firstOnThisSystem(
  tools: Pick<NodeTools, 'files'>,
  candidates: readonly ProcessEntry[],
  evidence: string[],
): Promise<ProcessEntry | undefined> {
  for (const candidate of candidates) {
    const sharing = await sharesSystem(tools.files, candidate.pid);
    if (!sharing.same) {
      evidence.push(`${executableName(candidate.commandLine)} ${sharing.why}: not this node's`);
      continue;
    }
    if (sharing.note) evidence.push(sharing.note);
    return candidate;
  }
  return undefined;
}

async function flavourOfProcess(tools: Pick<NodeTools, 'files' | 'paths'>, entry: ProcessEntry): Promise<Flavour> {
  const line = entry.commandLine;
  if (executableName(line) === 'kubelite' || line.includes('/snap/microk8s/')) return 'microk8s';
  if (/(^|\/)k3s\b/.test(line) || line.includes('/rancher/k3s/')) return 'k3s';
  if (/(^|\/)rke2\b/.test(line) || line.includes('/rancher/rke2/')) return 'rke2';
  // kubeadm writes the kubelet's kubeconfig and its flags file; a kubelet without them was installed otherwise.
  if (/\/etc\/kubernetes\/(bootstrap-)?kubelet\.conf\b/.test(line)) return 'kubeadm';
  return (await tools.files.exists(tools.paths.markers.kubeadmFlags)) ? 'kubeadm' : 'kubelet';
}

async function flavourOfFiles(
  tools: Pick<NodeTools, 'files' | 'paths'>,
  evidence: string[],
): Promise<Flavour | undefined> {
  const {markers} = tools.paths;
  const order: Array<[Flavour, string]> = [
    ['rke2', markers.rke2],
    ['k3s', markers.k3s],
    ['microk8s', markers.microk8s],
    ['kubeadm', markers.kubeadmFlags],
    ['kubelet', markers.kubeadm],
    ['kubelet', markers.kubelet],
  ];
  for (const [flavour, path] of order) {
    if (await tools.files.exists(path)) {
      evidence.push(`no kubelet process; ${path} exists`);
      return flavour;
    }
  }
  return undefined;
}

async function staticPodPath(tools: Pick<NodeTools, 'files'>, kubeletLine: string): Promise<string | undefined> {
  const flag = flagValue(kubeletLine, 'pod-manifest-path');
  if (flag) return flag;
  const config = flagValue(kubeletLine, 'config');
  if (!config) return undefined;
  const read = await tools.files.readText(config);
  if (!read.ok) return undefined;
  return /^staticPodPath:\s*["']?([^"'\s]+)/m.exec(read.text)?.[1];
}

async function containerdRootOf(
  tools: Pick<NodeTools, 'files'>,
  containerd: ProcessEntry | undefined,
): Promise<string | undefined> {
  const config = containerd
    ? (flagValue(containerd.commandLine, 'config') ?? flagValue(containerd.commandLine, 'c'))
    : undefined;
  if (!config) return undefined;
  const read = await tools.files.readText(config);
  if (!read.ok) return undefined;
  return /^root\s*=\s*"([^"]+)"/m.exec(read.text)?.[1];
}
