import type {Fetched, KubeletProxyReading} from '../cluster/kubelet-proxy.js';
import type {RowObject} from '../cluster/types.js';
import {kubeletConfigSummary} from './kubelet-config.js';
import type {KubeletConfigSummary} from './kubelet-config.js';
import {logListing, logQueryLines} from './kubelet-logs.js';
import type {LogListingEntry} from './kubelet-logs.js';
import {kubeletPods} from './kubelet-pods.js';
import type {KubeletPod} from './kubelet-pods.js';
import {nodeStats} from './kubelet-stats.js';
import type {NodeStats} from './kubelet-stats.js';
import {remoteNodeFindings} from './remote-node-findings.js';
import type {RemoteFinding} from './remote-node-findings.js';

// A part of the report: the parsed answer, or the one line saying why it is missing.
export type Part<T> = {value: T} | {problem: string};

export interface RemoteNodeReport {
  node: string;
  proxyAllowed: boolean;
  healthz: Part<string>;
  config: Part<KubeletConfigSummary>;
  stats: Part<NodeStats>;
  pods: Part<KubeletPod[]>;
  logFiles: Part<LogListingEntry[]>;
  // The node journal through node log query, or why this kubelet does not offer it.
  journal: Part<string[]>;
  nodeObject: Part<RowObject>;
  events: Part<RowObject[]>;
  findings: RemoteFinding[];
}

export function remoteNodeReport(reading: KubeletProxyReading): RemoteNodeReport {
  const config = part(reading.configz, kubeletConfigSummary);
  const stats = part(reading.summary, nodeStats);
  const pods = part(reading.pods, kubeletPods);
  const nodeObject = part(reading.nodeObject, (object) => object);
  const events = part(reading.events, (items) => items);
  const healthz = part(reading.healthz, (body) => body.trim());
  const journal: Part<string[]> = !reading.logQuery.ok
    ? {problem: reading.logQuery.problem}
    : (() => {
        const lines = logQueryLines(reading.logQuery.value);
        return lines
          ? {value: lines}
          : {
              problem:
                'journal: this kubelet does not offer node log query (/logs/?query=kubelet answered with the ' +
                '/var/log listing; it needs kubelet 1.27+ with feature gate NodeLogQuery and enableSystemLogQuery)',
            };
      })();
  const valueOf = <T>(entry: Part<T>): T | undefined => ('value' in entry ? entry.value : undefined);
  return {
    node: reading.node,
    proxyAllowed: reading.proxyAllowed,
    healthz,
    config,
    stats,
    pods,
    logFiles: part(reading.logs, logListing),
    journal,
    nodeObject,
    events,
    findings: remoteNodeFindings({
      node: reading.node,
      healthz: valueOf(healthz),
      // A refused proxy is said once as forbidden, not as a kubelet that does not answer.
      healthzProblem: reading.healthz.ok || reading.healthz.forbidden ? undefined : reading.healthz.problem,
      config: valueOf(config),
      stats: valueOf(stats),
      pods: valueOf(pods),
      nodeObject: valueOf(nodeObject),
      events: valueOf(events),
    }),
  };
}

function part<T, U>(fetched: Fetched<T>, parse: (value: T) => U): Part<U> {
  return fetched.ok ? {value: parse(fetched.value)} : {problem: fetched.problem};
}
