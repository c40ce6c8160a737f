export interface VolumeShape {
  name: string;
  hostPath?: {path?: string; type?: string};
  emptyDir?: {medium?: string; sizeLimit?: string};
  secret?: {secretName?: string; optional?: boolean};
  configMap?: {name?: string; optional?: boolean};
  persistentVolumeClaim?: {claimName?: string; readOnly?: boolean};
  projected?: {sources?: unknown[]};
  downwardAPI?: unknown;
}

// kubectl's describeVolumes for the volume types pods on a node commonly carry; `space` as in describeContainers.
export function volumesLines(volumes: VolumeShape[], space = ''): string[] {
  if (volumes.length === 0) return [`${space}Volumes:\t<none>`];
  const lines = [`${space}Volumes:`];
  for (const volume of volumes) {
    lines.push(`  ${space ? ' ' : ''}${volume.name}:`);
    if (volume.hostPath) {
      lines.push(
        '    Type:\tHostPath (bare host directory volume)',
        `    Path:\t${volume.hostPath.path ?? ''}`,
        `    HostPathType:\t${volume.hostPath.type ?? '<none>'}`,
      );
    } else if (volume.emptyDir) {
      lines.push(
        "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
        `    Medium:\t${volume.emptyDir.medium ?? ''}`,
        `    SizeLimit:\t${volume.emptyDir.sizeLimit ?? '<unset>'}`,
      );
    } else if (volume.secret) {
      lines.push(
        '    Type:\tSecret (a volume populated by a Secret)',
        `    SecretName:\t${volume.secret.secretName ?? ''}`,
        `    Optional:\t${volume.secret.optional ?? false}`,
      );
    } else if (volume.configMap) {
      lines.push(
        '    Type:\tConfigMap (a volume populated by a ConfigMap)',
        `    Name:\t${volume.configMap.name ?? ''}`,
        `    Optional:\t${volume.configMap.optional ?? false}`,
      );
    } else if (volume.persistentVolumeClaim) {
      lines.push(
        '    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        `    ClaimName:\t${volume.persistentVolumeClaim.claimName ?? ''}`,
        `    ReadOnly:\t${volume.persistentVolumeClaim.readOnly ?? false}`,
      );
    } else if (volume.projected) {
      lines.push('    Type:\tProjected (a volume that contains injected data from multiple sources)');
    } else {
      lines.push('    <unknown>');
    }
  }
  return lines;
}
