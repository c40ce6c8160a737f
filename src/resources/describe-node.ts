import type {RowObject} from '../cluster/types.js';
import {ageSince} from './human-duration.js';
import {annotationsLines, labelsLines} from './describe-format.js';
import {rfc1123z, rfc1123zOrZero} from './time-zone.js';
import type {TimeZone} from './time-zone.js';
import type {DescribeClock} from './describe-clock.js';
import {formatQuantity, parseQuantity} from './quantity.js';

interface NodeShape {
  metadata?: {
    name?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    creationTimestamp?: string;
  };
  spec?: {
    taints?: Array<{key: string; value?: string; effect: string}>;
    unschedulable?: boolean;
    podCIDR?: string;
    podCIDRs?: string[];
    providerID?: string;
  };
  status?: {
    conditions?: Array<{
      type: string;
      status: string;
      lastHeartbeatTime?: string;
      lastTransitionTime?: string;
      reason?: string;
      message?: string;
    }>;
    addresses?: Array<{type: string; address: string}>;
    capacity?: Record<string, string>;
    allocatable?: Record<string, string>;
    nodeInfo?: Record<string, string>;
  };
}

interface PodRequests {
  metadata?: {namespace?: string; name?: string; creationTimestamp?: string};
  spec?: {containers?: Array<{resources?: {requests?: Record<string, string>; limits?: Record<string, string>}}>};
}

export interface NodeContext extends DescribeClock {
  pods?: RowObject[];
  lease?: RowObject | Error;
}

const SYSTEM_INFO: Array<[string, string]> = [
  ['Machine ID', 'machineID'],
  ['System UUID', 'systemUUID'],
  ['Boot ID', 'bootID'],
  ['Kernel Version', 'kernelVersion'],
  ['OS Image', 'osImage'],
  ['Operating System', 'operatingSystem'],
  ['Architecture', 'architecture'],
  ['Container Runtime Version', 'containerRuntimeVersion'],
  ['Kubelet Version', 'kubeletVersion'],
  ['Kube-Proxy Version', 'kubeProxyVersion'],
];

// `kubectl describe node` in kubectl's section order (describeNode), events appended by the caller.
export function describeNodeLines(object: RowObject, context: NodeContext): string[] {
  const node = object as NodeShape;
  const metadata = node.metadata ?? {};
  const status = node.status ?? {};
  const lines = [
    `Name:\t${metadata.name ?? ''}`,
    `Roles:\t${roles(metadata.labels)}`,
    ...labelsLines('Labels', metadata.labels),
    ...annotationsLines('Annotations', metadata.annotations),
    `CreationTimestamp:\t${rfc1123z(metadata.creationTimestamp, context.zone)}`,
  ];
  // kubectl sorts taints by "effect,key".
  const taints = [...(node.spec?.taints ?? [])].sort((a, b) =>
    `${a.effect},${a.key}` < `${b.effect},${b.key}` ? -1 : 1,
  );
  if (taints.length === 0) lines.push('Taints:\t<none>');
  taints.forEach((taint, index) =>
    lines.push(
      `${index === 0 ? 'Taints:' : ''}\t${taint.key}` + `${taint.value ? `=${taint.value}` : ''}:${taint.effect}`,
    ),
  );
  lines.push(`Unschedulable:\t${node.spec?.unschedulable ?? false}`, ...leaseLines(context.lease, context.zone));
  const conditions = status.conditions ?? [];
  if (conditions.length > 0) {
    lines.push(
      'Conditions:',
      '  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage',
      '  ----\t------\t-----------------\t------------------\t------\t-------',
      ...conditions.map(
        (condition) =>
          `  ${condition.type} \t${condition.status} \t` +
          `${rfc1123zOrZero(condition.lastHeartbeatTime, context.zone)} \t${rfc1123zOrZero(condition.lastTransitionTime, context.zone)} \t` +
          `${condition.reason ?? ''} \t${condition.message ?? ''}`,
      ),
    );
  }
  lines.push('Addresses:', ...(status.addresses ?? []).map((address) => `  ${address.type}:\t${address.address}`));
  for (const [title, resources] of [
    ['Capacity', status.capacity],
    ['Allocatable', status.allocatable],
  ] as const) {
    if (!resources) continue;
    lines.push(
      `${title}:`,
      ...Object.keys(resources)
        .sort()
        .map((name) => `  ${name}:\t${resources[name]}`),
    );
  }
  lines.push('System Info:', ...SYSTEM_INFO.map(([label, key]) => `  ${label}:\t${status.nodeInfo?.[key] ?? ''}`));
  if (node.spec?.podCIDR) lines.push(`PodCIDR:\t${node.spec.podCIDR}`);
  if ((node.spec?.podCIDRs ?? []).length > 0) lines.push(`PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}`);
  if (node.spec?.providerID) lines.push(`ProviderID:\t${node.spec.providerID}`);
  if (context.pods) lines.push(...podsLines(context.pods, status.allocatable ?? {}, context.now));
  return lines;
}

function roles(labels: Record<string, string> | undefined): string {
  const found = new Set<string>();
  for (const [key, value] of Object.entries(labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/') && key.length > 'node-role.kubernetes.io/'.length) {
      found.add(key.slice('node-role.kubernetes.io/'.length));
    }
    if (key === 'kubernetes.io/role' && value) found.add(value);
  }
  return found.size === 0 ? '<none>' : [...found].sort().join(',');
}

function leaseLines(lease: RowObject | Error | undefined, zone: TimeZone): string[] {
  if (lease === undefined) return [];
  if (lease instanceof Error) return [`Lease:\tFailed to get lease: ${lease.message.replace(/^not found: /, '')}`];
  const spec = (lease['spec'] ?? {}) as {holderIdentity?: string; acquireTime?: string; renewTime?: string};
  return [
    'Lease:',
    `  HolderIdentity:\t${spec.holderIdentity ?? '<unset>'}`,
    `  AcquireTime:\t${spec.acquireTime ? rfc1123z(spec.acquireTime, zone) : '<unset>'}`,
    `  RenewTime:\t${spec.renewTime ? rfc1123z(spec.renewTime, zone) : '<unset>'}`,
  ];
}

function podsLines(pods: PodRequests[], allocatable: Record<string, string>, now: number): string[] {
  const percent = (resource: string, value: number) => {
    const total = parseQuantity(allocatable[resource]);
    return total > 0 ? Math.trunc((value / total) * 100) : 0;
  };
  const sum = (pod: PodRequests, kind: 'requests' | 'limits', resource: string) =>
    (pod.spec?.containers ?? []).reduce(
      (total, container) => total + parseQuantity(container.resources?.[kind]?.[resource]),
      0,
    );
  const cell = (resource: string, value: number) => `${formatQuantity(resource, value)} (${percent(resource, value)}%)`;
  const lines = [
    `Non-terminated Pods:\t(${pods.length} in total)`,
    // kubectl leaves an empty column after Name (two tabs), which widens it by the padding.
    '  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge',
    '  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---',
  ];
  const sorted = [...pods].sort((a, b) =>
    `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(`${b.metadata?.namespace}/${b.metadata?.name}`),
  );
  for (const pod of sorted) {
    lines.push(
      `  ${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${cell('cpu', sum(pod, 'requests', 'cpu'))}` +
        `\t${cell('cpu', sum(pod, 'limits', 'cpu'))}\t${cell('memory', sum(pod, 'requests', 'memory'))}` +
        `\t${cell('memory', sum(pod, 'limits', 'memory'))}\t${ageSince(pod.metadata?.creationTimestamp, now)}`,
    );
  }
  lines.push(
    'Allocated resources:',
    '  (Total limits may be over 100 percent, i.e., overcommitted.)',
    '  Resource\tRequests\tLimits',
    '  --------\t--------\t------',
  );
  const total = (kind: 'requests' | 'limits', resource: string) =>
    pods.reduce((sumSoFar, pod) => sumSoFar + sum(pod, kind, resource), 0);
  const names = Object.keys(allocatable);
  const hugePages = names.filter((name) => name.startsWith('hugepages-')).sort();
  for (const resource of ['cpu', 'memory', 'ephemeral-storage', ...hugePages]) {
    lines.push(
      `  ${resource}\t${cell(resource, total('requests', resource))}\t${cell(resource, total('limits', resource))}`,
    );
  }
  // Extended resources (GPUs and the like) print without a percentage, as kubectl does.
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);
  for (const resource of names.filter((name) => !standard.has(name) && !name.startsWith('hugepages-')).sort()) {
    lines.push(
      `  ${resource}\t${formatQuantity(resource, total('requests', resource))}` +
        `\t${formatQuantity(resource, total('limits', resource))}`,
    );
  }
  return lines;
}
