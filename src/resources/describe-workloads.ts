import type {DescribeInputs} from '../cluster/describe-inputs.js';
import {labelSelectorString} from '../cluster/label-selector.js';
import type {LabelSelector} from '../cluster/label-selector.js';
import type {RowObject} from '../cluster/types.js';
import type {DescribeClock} from './describe-clock.js';
import {describeContainers} from './describe-containers.js';
import type {ContainerSpec} from './describe-containers.js';
import {
  annotationsLines,
  controllerText,
  formatLabels,
  labelsLines,
  podsStatusText,
  storageClassOf,
  tolerationsLines,
} from './describe-format.js';
import {volumesLines} from './describe-volumes.js';
import type {VolumeShape} from './describe-volumes.js';
import {rfc1123z} from './time-zone.js';
import type {TimeZone} from './time-zone.js';

// kubectl's describers for the apps/v1 workloads (describeDeployment, describeReplicaSet, describeStatefulSet,
// describeDaemonSet), the pod template they share, and the disruption budget that guards their pods. Events are appended by describe-object.

export interface PodTemplate {
  metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>};
  spec?: {
    serviceAccountName?: string;
    initContainers?: ContainerSpec[];
    containers?: ContainerSpec[];
    volumes?: VolumeShape[];
    topologySpreadConstraints?: Array<{
      topologyKey: string;
      whenUnsatisfiable: string;
      maxSkew: number;
      labelSelector?: LabelSelector;
    }>;
    priorityClassName?: string;
    nodeSelector?: Record<string, string>;
    tolerations?: Array<Record<string, never>>;
  };
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

interface WorkloadShape {
  metadata?: RowObject['metadata'];
  spec?: {
    replicas?: number;
    selector?: LabelSelector;
    minReadySeconds?: number;
    template?: PodTemplate;
    strategy?: {type?: string; rollingUpdate?: {maxUnavailable?: number | string; maxSurge?: number | string}};
    updateStrategy?: {type?: string; rollingUpdate?: {partition?: number; maxUnavailable?: number | string}};
    volumeClaimTemplates?: RowObject[];
  };
  status?: Record<string, number | undefined> & {conditions?: Condition[]};
}

// DescribePodTemplate. kubectl indents the template's labels and sections by two spaces but keeps the lines under
// a container or volume where they are in a pod.
export function podTemplateLines(template: PodTemplate | undefined, zone: TimeZone): string[] {
  const metadata = template?.metadata ?? {};
  const spec = template?.spec ?? {};
  const lines = ['Pod Template:', ...labelsLines('  Labels', metadata.labels)];
  if (Object.keys(metadata.annotations ?? {}).length > 0) {
    lines.push(...annotationsLines('  Annotations', metadata.annotations));
  }
  if (spec.serviceAccountName) lines.push(`  Service Account:\t${spec.serviceAccountName}`);
  if ((spec.initContainers ?? []).length > 0) {
    lines.push(...describeContainers('Init Containers', spec.initContainers ?? [], [], zone, '  '));
  }
  lines.push(...describeContainers('Containers', spec.containers ?? [], [], zone, '  '));
  lines.push(...volumesLines(spec.volumes ?? [], '  '));
  const spread = [...(spec.topologySpreadConstraints ?? [])].sort((a, b) => (a.topologyKey < b.topologyKey ? -1 : 1));
  spread.forEach((constraint, index) => {
    const selector = constraint.labelSelector ? ` for selector ${formatLabelSelector(constraint.labelSelector)}` : '';
    lines.push(
      `${index === 0 ? '  Topology Spread Constraints:' : '  '}\t${constraint.topologyKey}:` +
        `${constraint.whenUnsatisfiable} when max skew ${constraint.maxSkew} is exceeded${selector}`,
    );
  });
  if (spec.priorityClassName) lines.push(`  Priority Class Name:\t${spec.priorityClassName}`);
  lines.push(
    ...labelsLines('  Node-Selectors', spec.nodeSelector),
    ...tolerationsLines('  Tolerations', spec.tolerations),
  );
  return lines;
}

// metav1.FormatLabelSelector: the selector's text, "<none>" when it selects everything.
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  const text = labelSelectorString(selector ?? {});
  return text === '' ? '<none>' : text;
}

function conditionsLines(conditions: Condition[] | undefined): string[] {
  if ((conditions ?? []).length === 0) return [];
  return [
    'Conditions:',
    '  Type\tStatus\tReason',
    '  ----\t------\t------',
    ...(conditions ?? []).map((condition) => `  ${condition.type} \t${condition.status}\t${condition.reason ?? ''}`),
  ];
}

function intOrString(value: number | string | undefined): string {
  return value === undefined ? '' : String(value);
}

function header(object: RowObject): string[] {
  return [`Name:\t${object.metadata?.name ?? ''}`, `Namespace:\t${object.metadata?.namespace ?? ''}`];
}

export function describeDeployment(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const deployment = inputs.object as WorkloadShape & RowObject;
  const spec = deployment.spec ?? {};
  const status = deployment.status ?? {};
  const lines = [
    ...header(deployment),
    `CreationTimestamp:\t${rfc1123z(deployment.metadata?.creationTimestamp, clock.zone)}`,
    ...labelsLines('Labels', deployment.metadata?.labels),
    ...annotationsLines('Annotations', deployment.metadata?.annotations),
    `Selector:\t${labelSelectorString(spec.selector ?? {})}`,
    `Replicas:\t${spec.replicas ?? 0} desired | ${status['updatedReplicas'] ?? 0} updated | ` +
      `${status['replicas'] ?? 0} total | ${status['availableReplicas'] ?? 0} available | ` +
      `${status['unavailableReplicas'] ?? 0} unavailable`,
    `StrategyType:\t${spec.strategy?.type ?? ''}`,
    `MinReadySeconds:\t${spec.minReadySeconds ?? 0}`,
  ];
  const rolling = spec.strategy?.rollingUpdate;
  if (rolling) {
    lines.push(
      `RollingUpdateStrategy:\t${intOrString(rolling.maxUnavailable)} max unavailable, ` +
        `${intOrString(rolling.maxSurge)} max surge`,
    );
  }
  lines.push(...podTemplateLines(spec.template, clock.zone), ...conditionsLines(status.conditions));
  const {newSet, oldSets} = splitReplicaSets(spec.template, inputs.replicaSets ?? []);
  if (oldSets.length > 0 || newSet) {
    lines.push(
      `OldReplicaSets:\t${replicaSetsText(oldSets)}`,
      `NewReplicaSet:\t${replicaSetsText(newSet ? [newSet] : [])}`,
    );
  }
  return lines;
}

// deploymentutil: the new ReplicaSet is the oldest whose template equals the deployment's (pod-template-hash
// aside); every other one it controls is old, in creation order.
function splitReplicaSets(template: PodTemplate | undefined, sets: RowObject[]) {
  const sorted = [...sets].sort((a, b) => {
    const [ta, tb] = [Date.parse(a.metadata?.creationTimestamp ?? ''), Date.parse(b.metadata?.creationTimestamp ?? '')];
    if (ta !== tb) return ta - tb;
    return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
  });
  const wanted = canonical(withoutHash(template));
  const newSet = sorted.find(
    (set) => canonical(withoutHash((set['spec'] as {template?: PodTemplate} | undefined)?.template)) === wanted,
  );
  return {newSet, oldSets: sorted.filter((set) => set !== newSet)};
}

function withoutHash(template: PodTemplate | undefined): unknown {
  const labels = {...(template?.metadata?.labels ?? {})};
  delete labels['pod-template-hash'];
  const metadata = {...(template?.metadata ?? {}), labels: Object.keys(labels).length > 0 ? labels : undefined};
  return {...template, metadata};
}

// JSON with sorted keys and empty values dropped: Semantic.DeepEqual on decoded objects, near enough.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined && item !== null)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function replicaSetsText(sets: RowObject[]): string {
  const texts = sets.map((set) => {
    const replicas = (set['status'] as {replicas?: number} | undefined)?.replicas ?? 0;
    const desired = (set['spec'] as {replicas?: number} | undefined)?.replicas ?? 0;
    return `${set.metadata?.name ?? ''} (${replicas}/${desired} replicas created)`;
  });
  return texts.length === 0 ? '<none>' : texts.join(', ');
}

export function describeReplicaSet(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const set = inputs.object as WorkloadShape & RowObject;
  const spec = set.spec ?? {};
  const lines = [
    ...header(set),
    `Selector:\t${formatLabelSelector(spec.selector)}`,
    ...labelsLines('Labels', set.metadata?.labels),
    ...annotationsLines('Annotations', set.metadata?.annotations),
  ];
  const controller = controllerText(set);
  if (controller) lines.push(`Controlled By:\t${controller}`);
  lines.push(
    `Replicas:\t${set.status?.['replicas'] ?? 0} current / ${spec.replicas ?? 0} desired`,
    `Pods Status:\t${podsStatusText(inputs.pods, inputs.podsError)}`,
    ...podTemplateLines(spec.template, clock.zone),
    ...conditionsLines(set.status?.conditions),
  );
  return lines;
}

export function describeStatefulSet(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const set = inputs.object as WorkloadShape & RowObject;
  const spec = set.spec ?? {};
  const lines = [
    ...header(set),
    `CreationTimestamp:\t${rfc1123z(set.metadata?.creationTimestamp, clock.zone)}`,
    `Selector:\t${labelSelectorString(spec.selector ?? {})}`,
    ...labelsLines('Labels', set.metadata?.labels),
    ...annotationsLines('Annotations', set.metadata?.annotations),
    `Replicas:\t${spec.replicas ?? 0} desired | ${set.status?.['replicas'] ?? 0} total`,
    `Update Strategy:\t${spec.updateStrategy?.type ?? ''}`,
  ];
  const rolling = spec.updateStrategy?.rollingUpdate;
  if (rolling?.partition !== undefined) {
    lines.push(`  Partition:\t${rolling.partition}`);
    if (rolling.maxUnavailable !== undefined) lines.push(`  MaxUnavailable:\t${intOrString(rolling.maxUnavailable)}`);
  }
  lines.push(
    `Pods Status:\t${podsStatusText(inputs.pods, inputs.podsError)}`,
    ...podTemplateLines(spec.template, clock.zone),
    ...volumeClaimTemplatesLines(spec.volumeClaimTemplates ?? []),
  );
  return lines;
}

function volumeClaimTemplatesLines(templates: RowObject[]): string[] {
  if (templates.length === 0) return ['Volume Claims:\t<none>'];
  const lines = ['Volume Claims:'];
  for (const claim of templates) {
    const spec = (claim['spec'] ?? {}) as {resources?: {requests?: Record<string, string>}; accessModes?: string[]};
    const capacity = spec.resources?.requests?.['storage'];
    lines.push(
      `  Name:\t${claim.metadata?.name ?? ''}`,
      `  StorageClass:\t${storageClassOf(claim)}`,
      ...labelsLines('Labels', claim.metadata?.labels, '  '),
      ...labelsLines('Annotations', claim.metadata?.annotations, '  '),
      `  Capacity:\t${capacity ?? '<default>'}`,
      `  Access Modes:\t[${(spec.accessModes ?? []).join(' ')}]`,
    );
  }
  return lines;
}

export function describeDaemonSet(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const set = inputs.object as WorkloadShape & RowObject;
  const spec = set.spec ?? {};
  const status = set.status ?? {};
  return [
    `Name:\t${set.metadata?.name ?? ''}`,
    `Selector:\t${labelSelectorString(spec.selector ?? {})}`,
    `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}`,
    ...labelsLines('Labels', set.metadata?.labels),
    ...annotationsLines('Annotations', set.metadata?.annotations),
    `Desired Number of Nodes Scheduled: ${status['desiredNumberScheduled'] ?? 0}`,
    `Current Number of Nodes Scheduled: ${status['currentNumberScheduled'] ?? 0}`,
    `Number of Nodes Scheduled with Up-to-date Pods: ${status['updatedNumberScheduled'] ?? 0}`,
    `Number of Nodes Scheduled with Available Pods: ${status['numberAvailable'] ?? 0}`,
    `Number of Nodes Misscheduled: ${status['numberMisscheduled'] ?? 0}`,
    `Pods Status:\t${podsStatusText(inputs.pods, inputs.podsError)}`,
    ...podTemplateLines(spec.template, clock.zone),
  ];
}

// describePodDisruptionBudgetV1 (v1beta1 prints the same).
export function describePodDisruptionBudget(inputs: DescribeInputs): string[] {
  const budget = inputs.object as RowObject & {
    spec?: {minAvailable?: number | string; maxUnavailable?: number | string; selector?: LabelSelector};
    status?: Record<string, number | undefined>;
  };
  const spec = budget.spec ?? {};
  const status = budget.status ?? {};
  const lines = header(budget);
  if (spec.minAvailable !== undefined) lines.push(`Min available:\t${intOrString(spec.minAvailable)}`);
  else if (spec.maxUnavailable !== undefined) lines.push(`Max unavailable:\t${intOrString(spec.maxUnavailable)}`);
  lines.push(
    `Selector:\t${spec.selector ? formatLabelSelector(spec.selector) : '<unset>'}`,
    'Status:',
    `    Allowed disruptions:\t${status['disruptionsAllowed'] ?? 0}`,
    `    Current:\t${status['currentHealthy'] ?? 0}`,
    `    Desired:\t${status['desiredHealthy'] ?? 0}`,
    `    Total:\t${status['expectedPods'] ?? 0}`,
  );
  return lines;
}
