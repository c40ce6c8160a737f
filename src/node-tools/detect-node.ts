import {flavourProfiles} from './node-flavour.js';
import type {Flavour, NodeIdentity} from './node-flavour.js';
import type {NodeTools} from './node-tools.js';
import {executableName, flagValue, parseProcessTable, PROCESS_TABLE_ARGS} from './process-table.js';
import type {ProcessEntry} from './process-table.js';

// Finds out whether kview runs on a Kubernetes node and which kind: the running kubelet (or k3s/RKE2/MicroK8s
// process) first, because its flags name the real root dir, runtime socket and node name; then the directories
// each distribution leaves behind, for a node whose kubelet is down (which is when the pane matters most).
export async function detectNode(
  tools: Pick<NodeTools, 'runner' | 'files' | 'hostname' | 'paths'>,
): Promise<NodeIdentity | undefined> {
  const evidence: string[] = [];
  const table = await tools.runner.run('ps', PROCESS_TABLE_ARGS, {timeoutMs: 5000});
  const processes = table.ok ? parseProcessTable(table.stdout) : [];
  if (!table.ok) evidence.push(table.failure.line);
  const kubelet = processes.find(isKubeletProcess);
  const flavour = kubelet ? flavourOfProcess(kubelet) : await flavourOfFiles(tools, evidence);
  if (!flavour) return undefined;
  if (kubelet) evidence.push(`kubelet process ${kubelet.pid}: ${kubelet.commandLine.slice(0, 120)}`);
  const profile = flavourProfiles[flavour];
  const kubeletLine = kubelet?.commandLine ?? '';
  const endpoint = flagValue(kubeletLine, 'container-runtime-endpoint');
  const runtimeSocket = endpoint ? endpoint.replace(/^unix:\/\//, '') : profile.runtimeSocket;
  const kubeletRootDir = flagValue(kubeletLine, 'root-dir') ?? profile.kubeletRootDir;
  const manifestsDir = (await staticPodPath(tools, kubeletLine)) ?? profile.manifestsDir;
  const containerd = processes.find((entry) => executableName(entry.commandLine) === 'containerd');
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

function flavourOfProcess(entry: ProcessEntry): Flavour {
  const line = entry.commandLine;
  if (executableName(line) === 'kubelite' || line.includes('/snap/microk8s/')) return 'microk8s';
  if (/(^|\/)k3s\b/.test(line) || line.includes('/rancher/k3s/')) return 'k3s';
  if (/(^|\/)rke2\b/.test(line) || line.includes('/rancher/rke2/')) return 'rke2';
  return 'kubeadm';
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
    ['kubeadm', markers.kubeadm],
    ['kubeadm', markers.kubelet],
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
