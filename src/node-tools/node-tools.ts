import {hostname} from 'node:os';
import type {CommandRunner} from './command-runner.js';
import {createFileReader} from './file-reader.js';
import type {FileReader} from './file-reader.js';
import {createSpawnRunner} from './spawn-runner.js';

// Fixed places on a node; injectable so tests can point them at a directory they wrote.
export interface NodePaths {
  podLogDir: string;
  syslog: string;
  kernLog: string;
  procUptime: string;
  crictlDefaultConfig: string;
  // Probed to tell the distributions apart when no process gives it away.
  markers: {kubeadm: string; kubeadmFlags: string; kubelet: string; k3s: string; rke2: string; microk8s: string};
}

export const defaultNodePaths: NodePaths = {
  podLogDir: '/var/log/pods',
  syslog: '/var/log/syslog',
  kernLog: '/var/log/kern.log',
  procUptime: '/proc/uptime',
  crictlDefaultConfig: '/etc/crictl.yaml',
  markers: {
    kubeadm: '/etc/kubernetes',
    kubeadmFlags: '/var/lib/kubelet/kubeadm-flags.env',
    kubelet: '/var/lib/kubelet',
    k3s: '/var/lib/rancher/k3s',
    rke2: '/var/lib/rancher/rke2',
    microk8s: '/var/snap/microk8s',
  },
};

// The node pane's whole world: how it runs commands, reads files and tells the time. Tests hand in their own.
export interface NodeTools {
  runner: CommandRunner;
  files: FileReader;
  now: () => number;
  isRoot: boolean;
  hostname: string;
  paths: NodePaths;
  // Restarts are queued (systemctl --no-block) and then watched, rather than waited on: through a debug pod the
  // command's own connection goes through the kubelet, which a kubelet restart cuts mid-command.
  queuedRestarts?: boolean;
}

export function createSystemNodeTools(environment: NodeJS.ProcessEnv = process.env): NodeTools {
  return {
    runner: createSpawnRunner(environment),
    files: createFileReader(),
    now: Date.now,
    isRoot: process.getuid?.() === 0,
    hostname: hostname(),
    paths: defaultNodePaths,
  };
}
