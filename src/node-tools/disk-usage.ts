// `df -P -k`: POSIX output, one line per mount even when names are long, sizes in 1024-byte blocks.
export const DF_ARGS = ['-P', '-k'] as const;

export interface MountUsage {
  filesystem: string;
  sizeKb: number;
  usedKb: number;
  availableKb: number;
  usedPercent: number;
  mountPoint: string;
}

export function parseDiskUsage(text: string): MountUsage[] {
  const mounts: MountUsage[] = [];
  for (const line of text.split('\n').slice(1)) {
    const match = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)%\s+(.+)$/.exec(line);
    if (!match) continue;
    mounts.push({
      filesystem: match[1] ?? '',
      sizeKb: Number(match[2]),
      usedKb: Number(match[3]),
      availableKb: Number(match[4]),
      usedPercent: Number(match[5]),
      mountPoint: match[6] ?? '',
    });
  }
  return mounts;
}

// The mounts an operator means by "the disk": not each container's overlay, shm or secret tmpfs, which mirror
// the filesystem under them and would bury it.
export function hostMounts(mounts: readonly MountUsage[]): MountUsage[] {
  return mounts.filter(
    (mount) =>
      !['overlay', 'shm', 'devtmpfs', 'tmpfs'].includes(mount.filesystem) &&
      mount.sizeKb > 0 &&
      !/\/(pods|sandboxes|io\.containerd\.runtime\.v2\.task)\//.test(mount.mountPoint),
  );
}

export function diskLevel(usedPercent: number): 'ok' | 'warning' | 'critical' {
  if (usedPercent >= 95) return 'critical';
  // The kubelet's default image GC high threshold and a common alert level.
  if (usedPercent >= 85) return 'warning';
  return 'ok';
}
