import type {RowObject} from '../cluster/types.js';
import {sanitizeCell} from './sanitize-text.js';

interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  state?: Record<string, {reason?: string; exitCode?: number; startedAt?: string}>;
  lastState?: Record<string, {reason?: string; exitCode?: number}>;
}

interface PodShape {
  spec?: {
    initContainers?: Array<{name: string; image?: string}>;
    containers?: Array<{name: string; image?: string}>;
    ephemeralContainers?: Array<{name: string; image?: string}>;
  };
  status?: {
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
    ephemeralContainerStatuses?: ContainerStatus[];
  };
}

export interface ContainerRow {
  name: string;
  type: 'init' | 'container' | 'ephemeral';
  image: string;
  ready: boolean;
  state: string;
  restarts: number;
  lastExit: string;
}

// Every container of a pod, init containers first as the kubelet runs them.
export function podContainers(object: RowObject): ContainerRow[] {
  const pod = object as PodShape;
  const groups: Array<[ContainerRow['type'], Array<{name: string; image?: string}>, ContainerStatus[]]> = [
    ['init', pod.spec?.initContainers ?? [], pod.status?.initContainerStatuses ?? []],
    ['container', pod.spec?.containers ?? [], pod.status?.containerStatuses ?? []],
    ['ephemeral', pod.spec?.ephemeralContainers ?? [], pod.status?.ephemeralContainerStatuses ?? []],
  ];
  return groups.flatMap(([type, specs, statuses]) =>
    specs.map((spec) => {
      const status = statuses.find((candidate) => candidate.name === spec.name);
      return {
        name: sanitizeCell(spec.name),
        type,
        image: sanitizeCell(spec.image ?? ''),
        ready: status?.ready ?? false,
        state: describeState(status?.state),
        restarts: status?.restartCount ?? 0,
        lastExit: describeState(status?.lastState, ''),
      };
    }),
  );
}

function describeState(state: ContainerStatus['state'], none = 'Waiting'): string {
  const [phase, detail] = Object.entries(state ?? {})[0] ?? [];
  if (!phase) return none;
  const name = phase.charAt(0).toUpperCase() + phase.slice(1);
  const parts = [detail?.reason, detail?.exitCode !== undefined ? `exit ${detail.exitCode}` : undefined].filter(
    (part): part is string => Boolean(part),
  );
  return parts.length > 0 ? `${name}: ${parts.join(', ')}` : name;
}
