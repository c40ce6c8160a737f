import {formatBytes} from './byte-size.js';
import type {EvictionSignal, KubeletConfigSummary, Threshold} from './kubelet-config.js';
import {fields, list, text} from './kubelet-fields.js';
import type {KubeletPod} from './kubelet-pods.js';
import type {NodeStats} from './kubelet-stats.js';

// The same shape as the node pane's findings (node-tools/findings.ts), so the pane renders both alike.
export interface RemoteFinding {
  severity: 'critical' | 'warning' | 'info';
  title: string;
  evidence: string;
  command: string;
}

export interface RemoteObservations {
  node: string;
  healthz?: string;
  // Why /healthz got no answer through the proxy (the kubelet down or unreachable), when it did not.
  healthzProblem?: string;
  config?: KubeletConfigSummary;
  stats?: NodeStats;
  pods?: KubeletPod[];
  // The Node object and its events from the API.
  nodeObject?: unknown;
  events?: unknown[];
}

// A signal is a warning once it is within this share of capacity of its threshold (or under twice the threshold),
// before the kubelet starts evicting.
const WARNING_MARGIN = 0.1;
const rank = {critical: 0, warning: 1, info: 2} as const;

export function remoteNodeFindings(observed: RemoteObservations): RemoteFinding[] {
  return [
    ...healthFindings(observed),
    ...evictionFindings(observed),
    ...podFindings(observed),
    ...conditionFindings(observed),
    ...eventFindings(observed),
  ].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

function raw(node: string, path: string): string {
  return `kubectl get --raw /api/v1/nodes/${node}/proxy/${path}`;
}

function healthFindings({node, healthz, healthzProblem}: RemoteObservations): RemoteFinding[] {
  if (healthzProblem !== undefined)
    return [
      {
        severity: 'critical',
        title: 'the kubelet does not answer through the API server',
        evidence: healthzProblem,
        command: raw(node, 'healthz'),
      },
    ];
  if (healthz === undefined || healthz.trim() === 'ok') return [];
  return [
    {
      severity: 'critical',
      title: 'the kubelet reports itself unhealthy',
      evidence: `healthz: ${healthz.trim().split('\n')[0] ?? ''}`,
      command: raw(node, 'healthz?verbose'),
    },
  ];
}

// A signal's available amount and capacity, as the kubelet's eviction manager reads them from the same summary.
export function signalFigures(
  stats: NodeStats,
  signal: EvictionSignal,
): {available: number; capacity: number; unit: 'bytes' | 'count'} | undefined {
  const pick = (available: number | undefined, capacity: number | undefined, unit: 'bytes' | 'count') =>
    available === undefined || capacity === undefined ? undefined : {available, capacity, unit};
  switch (signal) {
    case 'memory.available':
      return pick(
        stats.memoryAvailableBytes,
        stats.memoryAvailableBytes === undefined || stats.memoryWorkingSetBytes === undefined
          ? undefined
          : stats.memoryAvailableBytes + stats.memoryWorkingSetBytes,
        'bytes',
      );
    case 'nodefs.available':
      return pick(stats.nodeFs?.availableBytes, stats.nodeFs?.capacityBytes, 'bytes');
    case 'nodefs.inodesFree':
      return pick(stats.nodeFs?.inodesFree, stats.nodeFs?.inodes, 'count');
    case 'imagefs.available':
      return pick(stats.imageFs?.availableBytes, stats.imageFs?.capacityBytes, 'bytes');
    case 'imagefs.inodesFree':
      return pick(stats.imageFs?.inodesFree, stats.imageFs?.inodes, 'count');
    case 'pid.available':
      return pick(
        stats.maxPids === undefined || stats.processes === undefined ? undefined : stats.maxPids - stats.processes,
        stats.maxPids,
        'count',
      );
  }
}

export function thresholdAmount(threshold: Threshold, capacity: number): number {
  return threshold.kind === 'percent' ? (capacity * threshold.value) / 100 : threshold.value;
}

function evictionFindings({node, config, stats}: RemoteObservations): RemoteFinding[] {
  if (!config || !stats) return [];
  const findings: RemoteFinding[] = [];
  for (const [signal, threshold] of Object.entries(config.evictionHard) as Array<[EvictionSignal, Threshold]>) {
    const figures = signalFigures(stats, signal);
    if (!figures || figures.capacity <= 0) continue;
    const limit = thresholdAmount(threshold, figures.capacity);
    const share = ((100 * figures.available) / figures.capacity).toFixed(1);
    const evidence =
      `${signal} ${amount(figures.available, figures.unit)} (${share}% of ${amount(figures.capacity, figures.unit)})` +
      ` vs evictionHard ${threshold.text}`;
    const command = raw(node, 'stats/summary');
    if (figures.available < limit)
      findings.push({
        severity: 'critical',
        title: `${signal} is under the kubelet's eviction threshold`,
        evidence,
        command,
      });
    else if (figures.available < Math.max(2 * limit, limit + WARNING_MARGIN * figures.capacity))
      findings.push({
        severity: 'warning',
        title: `${signal} is close to the kubelet's eviction threshold`,
        evidence,
        command,
      });
  }
  return findings;
}

function podFindings({node, pods = []}: RemoteObservations): RemoteFinding[] {
  return pods
    .filter((pod) => pod.problem !== undefined || (pod.phase !== 'Running' && pod.phase !== 'Succeeded'))
    .map((pod) => ({
      severity: 'warning' as const,
      title: `${pod.static ? 'static pod' : 'pod'} ${pod.namespace}/${pod.name} is ${pod.problem ?? pod.phase}`,
      evidence: `phase ${pod.phase}, ${pod.ready}/${pod.containers} ready, ${pod.restarts} restarts (kubelet /pods)`,
      command: `kubectl describe pod -n ${pod.namespace} ${pod.name}   # on the node: ${raw(node, 'pods')}`,
    }));
}

// Conditions whose True means trouble; Ready is trouble when it is not True.
const PRESSURE = ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable'];

function conditionFindings({node, nodeObject}: RemoteObservations): RemoteFinding[] {
  const findings: RemoteFinding[] = [];
  for (const condition of list(fields(fields(nodeObject)['status'])['conditions']).map(fields)) {
    const type = text(condition['type']) ?? '';
    const status = text(condition['status']) ?? '';
    const bad = type === 'Ready' ? status !== 'True' : PRESSURE.includes(type) && status === 'True';
    if (!bad) continue;
    findings.push({
      severity: type === 'Ready' ? 'critical' : 'warning',
      title: type === 'Ready' ? `the API says the node is not Ready (${status})` : `the node reports ${type}`,
      evidence: `${type}=${status} ${text(condition['reason']) ?? ''}: ${text(condition['message']) ?? ''}`.trim(),
      command: `kubectl describe node ${node}`,
    });
  }
  return findings;
}

// Warnings folded by reason: a node that rebooted ten times is one finding with the count, not ten.
function eventFindings({node, events = []}: RemoteObservations): RemoteFinding[] {
  const byReason = new Map<string, {count: number; message: string; last: string}>();
  for (const event of events.map(fields)) {
    if (event['type'] !== 'Warning') continue;
    const reason = text(event['reason']) ?? '';
    const last = text(event['lastTimestamp']) ?? text(event['eventTime']) ?? '';
    const seen = byReason.get(reason);
    const times = typeof event['count'] === 'number' ? event['count'] : 1;
    if (!seen || last >= seen.last)
      byReason.set(reason, {count: (seen?.count ?? 0) + times, message: text(event['message']) ?? '', last});
    else seen.count += times;
  }
  return [...byReason].map(([reason, {count: times, message, last}]) => ({
    severity: 'warning' as const,
    title: `${times} ${reason} warning event${times === 1 ? '' : 's'} on the node`,
    evidence: `latest${last ? ` ${last}` : ''}: ${message}`,
    command: `kubectl get events -A --field-selector involvedObject.kind=Node,involvedObject.name=${node}`,
  }));
}

function amount(value: number, unit: 'bytes' | 'count'): string {
  return unit === 'count' ? String(value) : formatBytes(value);
}
