import type {RowObject} from '../cluster/types.js';
import {describeContainers} from './describe-containers.js';
import type {ContainerSpec, ContainerStatusShape} from './describe-containers.js';
import {annotationsLines, labelsLines, tolerationsLines} from './describe-format.js';
import {ageSince} from './human-duration.js';
import {rfc1123z} from './time-zone.js';
import type {DescribeClock} from './describe-clock.js';
import {volumesLines} from './describe-volumes.js';
import type {VolumeShape} from './describe-volumes.js';

interface PodShape {
  metadata?: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    deletionTimestamp?: string;
    deletionGracePeriodSeconds?: number;
    ownerReferences?: Array<{kind: string; name: string; controller?: boolean}>;
  };
  spec?: {
    priority?: number;
    priorityClassName?: string;
    runtimeClassName?: string;
    serviceAccountName?: string;
    nodeName?: string;
    initContainers?: ContainerSpec[];
    containers?: ContainerSpec[];
    volumes?: VolumeShape[];
    nodeSelector?: Record<string, string>;
    tolerations?: Array<Record<string, never>>;
    readinessGates?: Array<{conditionType: string}>;
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    hostIP?: string;
    podIP?: string;
    podIPs?: Array<{ip: string}>;
    startTime?: string;
    nominatedNodeName?: string;
    qosClass?: string;
    conditions?: Array<{type: string; status: string}>;
    initContainerStatuses?: ContainerStatusShape[];
    containerStatuses?: ContainerStatusShape[];
  };
}

// `kubectl describe pod`, section by section in kubectl's order (k8s.io/kubectl/pkg/describe describePod),
// as tab-separated lines for alignTabs. Events are appended by the caller.
export function describePodLines(object: RowObject, clock: DescribeClock): string[] {
  const pod = object as PodShape;
  const metadata = pod.metadata ?? {};
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const lines = [`Name:\t${metadata.name ?? ''}`, `Namespace:\t${metadata.namespace ?? ''}`];
  if (spec.priority !== undefined) lines.push(`Priority:\t${spec.priority}`);
  if (spec.priorityClassName) lines.push(`Priority Class Name:\t${spec.priorityClassName}`);
  if (spec.runtimeClassName) lines.push(`Runtime Class Name:\t${spec.runtimeClassName}`);
  if (spec.serviceAccountName) lines.push(`Service Account:\t${spec.serviceAccountName}`);
  lines.push(spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}` : 'Node:\t<none>');
  if (status.startTime) lines.push(`Start Time:\t${rfc1123z(status.startTime, clock.zone)}`);
  lines.push(...labelsLines('Labels', metadata.labels), ...annotationsLines('Annotations', metadata.annotations));
  if (metadata.deletionTimestamp) {
    lines.push(
      // kubectl's translateTimestampSince: how long the pod has been terminating, not how long it has left.
      `Status:\tTerminating (lasts ${ageSince(metadata.deletionTimestamp, clock.now)})`,
      `Termination Grace Period:\t${metadata.deletionGracePeriodSeconds ?? 0}s`,
    );
  } else {
    lines.push(`Status:\t${status.phase ?? ''}`);
  }
  if (status.reason) lines.push(`Reason:\t${status.reason}`);
  if (status.message) lines.push(`Message:\t${status.message}`);
  lines.push(`IP:\t${status.podIP ?? ''}`);
  if (!status.podIPs || status.podIPs.length === 0) lines.push('IPs:\t<none>');
  else lines.push('IPs:', ...status.podIPs.map((entry) => `  IP:\t${entry.ip}`));
  const controller = metadata.ownerReferences?.find((owner) => owner.controller);
  if (controller) lines.push(`Controlled By:\t${controller.kind}/${controller.name}`);
  if (status.nominatedNodeName) lines.push(`NominatedNodeName:\t${status.nominatedNodeName}`);
  if ((spec.initContainers ?? []).length > 0) {
    lines.push(
      ...describeContainers(
        'Init Containers',
        spec.initContainers ?? [],
        status.initContainerStatuses ?? [],
        clock.zone,
      ),
    );
  }
  lines.push(...describeContainers('Containers', spec.containers ?? [], status.containerStatuses ?? [], clock.zone));
  if ((spec.readinessGates ?? []).length > 0) {
    lines.push(
      'Readiness Gates:',
      '  Type\tStatus',
      ...(spec.readinessGates ?? []).map((gate) => {
        const condition = status.conditions?.find((entry) => entry.type === gate.conditionType);
        return `  ${gate.conditionType} \t${condition?.status ?? '<none>'} `;
      }),
    );
  }
  if ((status.conditions ?? []).length > 0) {
    lines.push(
      'Conditions:',
      '  Type\tStatus',
      ...(status.conditions ?? []).map((condition) => `  ${condition.type} \t${condition.status} `),
    );
  }
  lines.push(...volumesLines(spec.volumes ?? []));
  lines.push(`QoS Class:\t${status.qosClass ?? ''}`);
  lines.push(...labelsLines('Node-Selectors', spec.nodeSelector), ...tolerationsLines('Tolerations', spec.tolerations));
  return lines;
}
