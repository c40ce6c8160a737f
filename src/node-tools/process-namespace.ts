import type {FileReader} from './file-reader.js';

// Whether a process in this host's process table runs on the same system as kview. A host that runs another node
// in a container (systemd-nspawn, kind, a pod with hostPID) shows that node's kubelet in its process table; it
// belongs to the other node, with its own root, units and journal, and must never be taken for this one's.
export type Sharing = {same: true; note?: string} | {same: false; why: string};

const NAMESPACES = ['mnt', 'pid'] as const;

export async function sharesSystem(files: FileReader, pid: number): Promise<Sharing> {
  const [ourRoot, theirRoot] = await Promise.all([
    files.fileIdentity('/proc/self/root'),
    files.fileIdentity(`/proc/${pid}/root`),
  ]);
  if (ourRoot && theirRoot && ourRoot !== theirRoot) return {same: false, why: `process ${pid} has another root`};
  for (const namespace of NAMESPACES) {
    const [ours, theirs] = await Promise.all([
      files.readLink(`/proc/self/ns/${namespace}`),
      files.readLink(`/proc/${pid}/ns/${namespace}`),
    ]);
    if (ours && theirs && ours !== theirs) {
      return {same: false, why: `process ${pid} is in another ${namespace} namespace (${theirs}, kview ${ours})`};
    }
  }
  if (ourRoot && theirRoot) return {same: true};
  // Without root the links of another user's process cannot be read, but /proc/PID/status can: NSpid lists a
  // process's pid in every pid namespace from /proc's down to its own, so a different depth is another namespace.
  const [ourDepth, theirDepth] = await Promise.all([pidNamespaceDepth(files, 'self'), pidNamespaceDepth(files, pid)]);
  if (ourDepth !== undefined && theirDepth !== undefined && ourDepth !== theirDepth) {
    return {same: false, why: `process ${pid} is in a nested pid namespace (NSpid)`};
  }
  return {same: true, note: `cannot compare the namespaces of process ${pid} (not root)`};
}

async function pidNamespaceDepth(files: FileReader, pid: number | 'self'): Promise<number | undefined> {
  const status = await files.readText(`/proc/${pid}/status`);
  if (!status.ok) return undefined;
  const line = /^NSpid:\s*(.*)$/m.exec(status.text)?.[1];
  return line === undefined ? undefined : line.trim().split(/\s+/).length;
}
