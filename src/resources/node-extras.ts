import type {RowObject} from '../cluster/types.js';

interface NodeSpec {
  spec?: {taints?: unknown[]; unschedulable?: boolean};
}

// Columns kview adds after kubectl's own for nodes (k9s shows them too): pods on the node and its taints.
export const NODE_EXTRA_HEADERS = ['PODS', 'TAINTS'];

export function taintCount(object: RowObject | undefined): number {
  return ((object as NodeSpec | undefined)?.spec?.taints ?? []).length;
}

export function nodeExtraCells(object: RowObject | undefined, name: string, podsPerNode: ReadonlyMap<string, number>
  | undefined): string[] {
  return [podsPerNode ? String(podsPerNode.get(name) ?? 0) : 'n/a', String(taintCount(object))];
}
