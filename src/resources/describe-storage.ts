import type {DescribeInputs} from '../cluster/describe-inputs.js';
import type {RowObject} from '../cluster/types.js';
import type {DescribeClock} from './describe-clock.js';
import {
  accessModesText,
  annotationsLines,
  formatLabels,
  goList,
  labelsLines,
  storageClassOf,
} from './describe-format.js';
import {ageSince} from './human-duration.js';
import {rfc1123zOrZero} from './time-zone.js';

// kubectl's PersistentVolumeClaim, PersistentVolume and StorageClass describers.

interface ClaimShape {
  spec?: {
    volumeName?: string;
    volumeMode?: string;
    resources?: {requests?: Record<string, string>};
    dataSource?: {apiGroup?: string; kind?: string; name?: string};
  };
  status?: {
    phase?: string;
    accessModes?: string[];
    capacity?: Record<string, string>;
    conditions?: Array<{
      type: string;
      status: string;
      lastProbeTime?: string;
      lastTransitionTime?: string;
      reason?: string;
      message?: string;
    }>;
  };
}

function statusLine(object: RowObject, phase: string | undefined, now: number): string {
  const deletion = object.metadata?.deletionTimestamp;
  return deletion ? `Status:\tTerminating (lasts ${ageSince(deletion, now)})` : `Status:\t${phase ?? ''}`;
}

export function describePersistentVolumeClaim(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const claim = inputs.object as ClaimShape & RowObject;
  const spec = claim.spec ?? {};
  const status = claim.status ?? {};
  const bound = Boolean(spec.volumeName);
  const lines = [
    `Name:\t${claim.metadata?.name ?? ''}`,
    `Namespace:\t${claim.metadata?.namespace ?? ''}`,
    `StorageClass:\t${storageClassOf(claim)}`,
    statusLine(claim, status.phase, clock.now),
    `Volume:\t${spec.volumeName ?? ''}`,
    ...labelsLines('Labels', claim.metadata?.labels),
    ...annotationsLines('Annotations', claim.metadata?.annotations),
    `Finalizers:\t${goList(claim.metadata?.finalizers)}`,
    `Capacity:\t${bound ? (status.capacity?.['storage'] ?? '0') : ''}`,
    `Access Modes:\t${bound ? accessModesText(status.accessModes) : ''}`,
  ];
  if (spec.volumeMode) lines.push(`VolumeMode:\t${spec.volumeMode}`);
  if (spec.dataSource) {
    lines.push('DataSource:');
    if (spec.dataSource.apiGroup !== undefined) lines.push(`  APIGroup:\t${spec.dataSource.apiGroup}`);
    lines.push(`  Kind:\t${spec.dataSource.kind ?? ''}`, `  Name:\t${spec.dataSource.name ?? ''}`);
  }
  const users = usersOf(claim, inputs.pods ?? []);
  if (users.length === 0) lines.push('Used By:\t<none>');
  users.forEach((name, index) => lines.push(`${index === 0 ? 'Used By:' : ''}\t${name}`));
  if ((status.conditions ?? []).length > 0) {
    lines.push(
      'Conditions:',
      '  Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage',
      '  ----\t------\t-----------------\t------------------\t------\t-------',
      ...(status.conditions ?? []).map(
        (condition) =>
          `  ${condition.type} \t${condition.status} \t${rfc1123zOrZero(condition.lastProbeTime, clock.zone)} \t` +
          `${rfc1123zOrZero(condition.lastTransitionTime, clock.zone)} \t${condition.reason ?? ''} \t${condition.message ?? ''}`,
      ),
    );
  }
  return lines;
}

// getPodsForPVC: pods that mount the claim, then pods that own it, each once, sorted by name.
function usersOf(claim: RowObject, pods: readonly RowObject[]): string[] {
  const name = claim.metadata?.name;
  const users = pods.filter((pod) =>
    (
      (pod['spec'] as {volumes?: Array<{persistentVolumeClaim?: {claimName?: string}}>} | undefined)?.volumes ?? []
    ).some((volume) => volume.persistentVolumeClaim?.claimName === name),
  );
  for (const owner of claim.metadata?.ownerReferences ?? []) {
    if (owner.kind !== 'Pod') continue;
    const pod = pods.find((candidate) => candidate.metadata?.uid === owner.uid);
    if (pod && !users.includes(pod)) users.push(pod);
  }
  return users.map((pod) => pod.metadata?.name ?? '').sort();
}

interface VolumeShape {
  spec?: {
    claimRef?: {namespace?: string; name?: string};
    persistentVolumeReclaimPolicy?: string;
    accessModes?: string[];
    volumeMode?: string;
    capacity?: Record<string, string>;
    nodeAffinity?: {
      required?: {
        nodeSelectorTerms?: Array<{matchExpressions?: Array<{key: string; operator: string; values?: string[]}>}>;
      };
    };
    hostPath?: {path?: string; type?: string};
    local?: {path?: string};
    nfs?: {server?: string; path?: string; readOnly?: boolean};
    csi?: {driver?: string; volumeHandle?: string; readOnly?: boolean; fsType?: string};
  };
  status?: {phase?: string; message?: string};
}

export function describePersistentVolume(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const volume = inputs.object as VolumeShape & RowObject;
  const spec = volume.spec ?? {};
  const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
  const lines = [
    `Name:\t${volume.metadata?.name ?? ''}`,
    ...labelsLines('Labels', volume.metadata?.labels),
    ...annotationsLines('Annotations', volume.metadata?.annotations),
    `Finalizers:\t${goList(volume.metadata?.finalizers)}`,
    `StorageClass:\t${storageClassOf(volume)}`,
    statusLine(volume, volume.status?.phase, clock.now),
    `Claim:\t${claim}`,
    `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}`,
    `Access Modes:\t${accessModesText(spec.accessModes)}`,
  ];
  if (spec.volumeMode) lines.push(`VolumeMode:\t${spec.volumeMode}`);
  lines.push(`Capacity:\t${spec.capacity?.['storage'] ?? '0'}`);
  const required = spec.nodeAffinity?.required;
  if (!required) lines.push('Node Affinity:\t<none>');
  else {
    lines.push('Node Affinity:\t');
    const terms = required.nodeSelectorTerms ?? [];
    lines.push(terms.length === 0 ? '  Required Terms:\t<none>' : '  Required Terms:\t');
    terms.forEach((term, index) => {
      const expressions = term.matchExpressions ?? [];
      if (expressions.length === 0) lines.push(`    Term ${index}:\t<none>`);
      expressions.forEach((expression, position) => {
        const values = (expression.values ?? []).length > 0 ? ` [${(expression.values ?? []).join(', ')}]` : '';
        const text = `${expression.key} ${expression.operator.toLowerCase()}${values}`;
        lines.push(`${position === 0 ? `    Term ${index}:` : '    '}\t${text}`);
      });
    });
  }
  lines.push(`Message:\t${volume.status?.message ?? ''}`, 'Source:', ...volumeSourceLines(spec));
  return lines;
}

function volumeSourceLines(spec: NonNullable<VolumeShape['spec']>): string[] {
  if (spec.hostPath) {
    return [
      '    Type:\tHostPath (bare host directory volume)',
      `    Path:\t${spec.hostPath.path ?? ''}`,
      `    HostPathType:\t${spec.hostPath.type ?? '<none>'}`,
    ];
  }
  if (spec.local) {
    return [
      '    Type:\tLocalVolume (a persistent volume backed by local storage on a node)',
      `    Path:\t${spec.local.path ?? ''}`,
    ];
  }
  if (spec.nfs) {
    return [
      '    Type:\tNFS (an NFS mount that lasts the lifetime of a pod)',
      `    Server:\t${spec.nfs.server ?? ''}`,
      `    Path:\t${spec.nfs.path ?? ''}`,
      `    ReadOnly:\t${spec.nfs.readOnly ?? false}`,
    ];
  }
  return ['  <unknown>'];
}

interface StorageClassShape {
  provisioner?: string;
  parameters?: Record<string, string>;
  allowVolumeExpansion?: boolean;
  mountOptions?: string[];
  reclaimPolicy?: string;
  volumeBindingMode?: string;
  allowedTopologies?: Array<{matchLabelExpressions?: Array<{key: string; values?: string[]}>}>;
}

export function describeStorageClass(inputs: DescribeInputs): string[] {
  const storageClass = inputs.object as StorageClassShape & RowObject;
  const annotations = storageClass.metadata?.annotations ?? {};
  const isDefault =
    annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  const expansion = storageClass.allowVolumeExpansion;
  const lines = [
    `Name:\t${storageClass.metadata?.name ?? ''}`,
    `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}`,
    `Annotations:\t${formatLabels(annotations)}`,
    `Provisioner:\t${storageClass.provisioner ?? ''}`,
    `Parameters:\t${formatLabels(storageClass.parameters)}`,
    `AllowVolumeExpansion:\t${expansion === undefined ? '<unset>' : expansion ? 'True' : 'False'}`,
  ];
  const options = storageClass.mountOptions ?? [];
  if (options.length === 0) lines.push('MountOptions:\t<none>');
  else lines.push('MountOptions:', ...options.map((option) => `  ${option}`));
  if (storageClass.reclaimPolicy) lines.push(`ReclaimPolicy:\t${storageClass.reclaimPolicy}`);
  if (storageClass.volumeBindingMode) lines.push(`VolumeBindingMode:\t${storageClass.volumeBindingMode}`);
  if (storageClass.allowedTopologies) {
    const terms = storageClass.allowedTopologies;
    lines.push(terms.length === 0 ? 'AllowedTopologies:\t<none>' : 'AllowedTopologies:\t');
    terms.forEach((term, index) => {
      const expressions = term.matchLabelExpressions ?? [];
      if (expressions.length === 0) lines.push(`  Term ${index}:\t<none>`);
      expressions.forEach((expression, position) => {
        const values = (expression.values ?? []).length > 0 ? ` [${(expression.values ?? []).join(', ')}]` : '';
        lines.push(`${position === 0 ? `  Term ${index}:` : '  '}\t${expression.key} in${values}`);
      });
    });
  }
  return lines;
}
