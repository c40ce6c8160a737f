import type {DescribeInputs, DescribeNeed} from '../cluster/describe-inputs.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {DescribeClock} from './describe-clock.js';
import {describeCronJob, describeJob} from './describe-batch.js';
import {
  describeConfigMap,
  describeEndpoints,
  describePriorityClass,
  describeSecret,
  describeServiceAccount,
} from './describe-config.js';
import {describeRole, describeRoleBinding} from './describe-rbac.js';
import {describeGeneric} from './describe-generic.js';
import {describeLimitRange, describeNamespace, describeResourceQuota} from './describe-namespace.js';
import {describeIngress, describeService} from './describe-network.js';
import {describeNodeLines} from './describe-node.js';
import {describePodLines} from './describe-pod.js';
import {describePersistentVolume, describePersistentVolumeClaim, describeStorageClass} from './describe-storage.js';
import {
  describeDaemonSet,
  describeDeployment,
  describePodDisruptionBudget,
  describeReplicaSet,
  describeStatefulSet,
} from './describe-workloads.js';

export interface Describer {
  // What kubectl's describer reads besides the object (fetched by cluster/describe-inputs.ts).
  needs: readonly DescribeNeed[];
  // The body, as tab-separated lines; the Events section (when `needs` has 'events') is added after it.
  render(inputs: DescribeInputs, clock: DescribeClock): string[];
}

const EVENTS: readonly DescribeNeed[] = ['events'];
const CONTROLLER: readonly DescribeNeed[] = ['events', 'controller-pods'];

// kubectl's describerMap, keyed by API group and Kind; every other kind gets the generic describer.
const DESCRIBERS: Record<string, Describer> = {
  '/Pod': {needs: EVENTS, render: (inputs, clock) => describePodLines(inputs.object, clock)},
  '/Node': {
    needs: ['events', 'node-pods', 'node-lease'],
    render: (inputs, clock) => describeNodeLines(inputs.object, {...clock, pods: inputs.pods, lease: inputs.lease}),
  },
  'apps/Deployment': {needs: ['events', 'replica-sets'], render: describeDeployment},
  'apps/ReplicaSet': {needs: CONTROLLER, render: describeReplicaSet},
  'apps/StatefulSet': {needs: CONTROLLER, render: describeStatefulSet},
  'apps/DaemonSet': {needs: CONTROLLER, render: describeDaemonSet},
  'batch/Job': {needs: EVENTS, render: describeJob},
  'batch/CronJob': {needs: EVENTS, render: describeCronJob},
  '/Service': {needs: ['events', 'endpoint-slices'], render: describeService},
  'networking.k8s.io/Ingress': {needs: ['events', 'ingress-backends'], render: describeIngress},
  'extensions/Ingress': {needs: ['events', 'ingress-backends'], render: describeIngress},
  '/ConfigMap': {needs: EVENTS, render: describeConfigMap},
  '/Secret': {needs: [], render: describeSecret},
  '/ServiceAccount': {needs: ['events', 'secrets'], render: describeServiceAccount},
  '/PersistentVolumeClaim': {needs: ['events', 'namespace-pods'], render: describePersistentVolumeClaim},
  '/PersistentVolume': {needs: EVENTS, render: describePersistentVolume},
  'storage.k8s.io/StorageClass': {needs: EVENTS, render: describeStorageClass},
  '/Namespace': {needs: ['quotas-and-limits'], render: describeNamespace},
  '/ResourceQuota': {needs: [], render: describeResourceQuota},
  '/LimitRange': {needs: [], render: describeLimitRange},
  '/Endpoints': {needs: EVENTS, render: describeEndpoints},
  'policy/PodDisruptionBudget': {needs: EVENTS, render: describePodDisruptionBudget},
  'scheduling.k8s.io/PriorityClass': {needs: EVENTS, render: describePriorityClass},
  'rbac.authorization.k8s.io/Role': {needs: [], render: describeRole},
  'rbac.authorization.k8s.io/ClusterRole': {needs: [], render: describeRole},
  'rbac.authorization.k8s.io/RoleBinding': {needs: [], render: describeRoleBinding},
  'rbac.authorization.k8s.io/ClusterRoleBinding': {needs: [], render: describeRoleBinding},
};

const GENERIC: Describer = {needs: EVENTS, render: describeGeneric};

export function describerFor(kind: ResourceKind): Describer {
  return DESCRIBERS[`${kind.group}/${kind.kind}`] ?? GENERIC;
}
