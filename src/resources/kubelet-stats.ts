import {count, fields, list, text} from './kubelet-fields.js';

// One filesystem as /stats/summary reports it (what `df` and `df -i` say for the same mount).
export interface FsFigures {
  availableBytes: number | undefined;
  capacityBytes: number | undefined;
  usedBytes: number | undefined;
  inodesFree: number | undefined;
  inodes: number | undefined;
}

export interface PodStats {
  namespace: string;
  name: string;
  cpuNanoCores: number | undefined;
  memoryWorkingSetBytes: number | undefined;
  ephemeralUsedBytes: number | undefined;
}

export interface NodeStats {
  cpuNanoCores: number | undefined;
  memoryAvailableBytes: number | undefined;
  memoryWorkingSetBytes: number | undefined;
  nodeFs: FsFigures | undefined;
  imageFs: FsFigures | undefined;
  maxPids: number | undefined;
  processes: number | undefined;
  pods: PodStats[];
  // When the kubelet took the node's figures (RFC 3339), so the pane can say how old they are.
  time: string | undefined;
}

export function nodeStats(summary: unknown): NodeStats {
  const body = fields(summary);
  const node = fields(body['node']);
  const cpu = fields(node['cpu']);
  const memory = fields(node['memory']);
  const rlimit = fields(node['rlimit']);
  return {
    cpuNanoCores: count(cpu['usageNanoCores']),
    memoryAvailableBytes: count(memory['availableBytes']),
    memoryWorkingSetBytes: count(memory['workingSetBytes']),
    nodeFs: fsFigures(node['fs']),
    imageFs: fsFigures(fields(node['runtime'])['imageFs']),
    maxPids: count(rlimit['maxpid']),
    processes: count(rlimit['curproc']),
    pods: list(body['pods']).map(podStats),
    time: text(cpu['time']) ?? text(memory['time']),
  };
}

function fsFigures(value: unknown): FsFigures | undefined {
  if (value === undefined) return undefined;
  const fs = fields(value);
  return {
    availableBytes: count(fs['availableBytes']),
    capacityBytes: count(fs['capacityBytes']),
    usedBytes: count(fs['usedBytes']),
    inodesFree: count(fs['inodesFree']),
    inodes: count(fs['inodes']),
  };
}

function podStats(value: unknown): PodStats {
  const pod = fields(value);
  const ref = fields(pod['podRef']);
  return {
    namespace: text(ref['namespace']) ?? '',
    name: text(ref['name']) ?? '',
    cpuNanoCores: count(fields(pod['cpu'])['usageNanoCores']),
    memoryWorkingSetBytes: count(fields(pod['memory'])['workingSetBytes']),
    ephemeralUsedBytes: count(fields(pod['ephemeral-storage'])['usedBytes']),
  };
}
