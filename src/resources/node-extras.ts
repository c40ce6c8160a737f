import type {RowObject} from '../cluster/types.js';
import type {NodeUsage} from '../cluster/node-metrics.js';
import {parseQuantity} from './quantity.js';

interface NodeSpec {
  spec?: {taints?: unknown[]; unschedulable?: boolean};
  status?: {allocatable?: Record<string, string>};
}

// Columns kview adds after kubectl's own for nodes (k9s shows them too): pods on the node and its taints.
export const NODE_EXTRA_HEADERS = ['PODS', 'TAINTS'];

export function taintCount(object: RowObject | undefined): number {
  return ((object as NodeSpec | undefined)?.spec?.taints ?? []).length;
}

// Pods per node while the pods watch is still reading them ('counting': a big cluster takes seconds), once it has
// (the counts), or undefined when the user may not list pods in every namespace.
export type PodsPerNode = ReadonlyMap<string, number> | 'counting' | undefined;

export function nodeExtraCells(object: RowObject | undefined, name: string, podsPerNode: PodsPerNode): string[] {
  const pods = podsPerNode === 'counting' ? '…' : podsPerNode ? String(podsPerNode.get(name) ?? 0) : 'n/a';
  return [pods, String(taintCount(object))];
}

// `kubectl top nodes`' columns, when metrics-server answers: use and its share of what the node can allocate.
export const NODE_USAGE_HEADERS = ['CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%'];

export function nodeUsageCells(object: RowObject | undefined, usage: NodeUsage | undefined): string[] {
  if (!usage) return ['<unknown>', '<unknown>', '<unknown>', '<unknown>'];
  const allocatable = (object as NodeSpec | undefined)?.status?.allocatable ?? {};
  const cpu = parseQuantity(usage.cpu);
  const memory = parseQuantity(usage.memory);
  const share = (used: number, total: string | undefined) => {
    const capacity = parseQuantity(total);
    return capacity > 0 ? `${Math.trunc((used / capacity) * 100)}%` : '<unknown>';
  };
  return [
    `${Math.round(cpu * 1000)}m`,
    share(cpu, allocatable['cpu']),
    `${Math.round(memory / 1024 ** 2)}Mi`,
    share(memory, allocatable['memory']),
  ];
}
