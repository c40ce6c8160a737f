// `ps -eo pid=,ppid=,etimes=,args=`: the process table without headers, one process a line.
export const PROCESS_TABLE_ARGS = ['-eo', 'pid=,ppid=,etimes=,args='] as const;

export interface ProcessEntry {
  pid: number;
  parentPid: number;
  elapsedSeconds: number;
  commandLine: string;
}

export function parseProcessTable(text: string): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const line of text.split('\n')) {
    const match = /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line);
    if (!match) continue;
    entries.push({
      pid: Number(match[1]),
      parentPid: Number(match[2]),
      elapsedSeconds: Number(match[3]),
      commandLine: match[4] ?? '',
    });
  }
  return entries;
}

export function executableName(commandLine: string): string {
  const first = commandLine.split(' ')[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
}

// The value of a --flag given as "--flag value" or "--flag=value" on a Go program's command line.
export function flagValue(commandLine: string, flag: string): string | undefined {
  const words = commandLine.split(/\s+/);
  for (let index = 0; index < words.length; index++) {
    const word = words[index] ?? '';
    if (word === `--${flag}` || word === `-${flag}`) return words[index + 1];
    for (const prefix of [`--${flag}=`, `-${flag}=`]) if (word.startsWith(prefix)) return word.slice(prefix.length);
  }
  return undefined;
}

// The containerd shim that owns a pod sandbox: "containerd-shim-runc-v2 -namespace k8s.io -id <sandbox id> ...".
// crictl shows 13-character id prefixes, so a prefix is enough.
export function findShim(processes: readonly ProcessEntry[], sandboxId: string): ProcessEntry | undefined {
  return processes.find(
    (entry) =>
      executableName(entry.commandLine).startsWith('containerd-shim') &&
      (flagValue(entry.commandLine, 'id') ?? '').startsWith(sandboxId),
  );
}

export interface ProcessTreeRow {
  depth: number;
  process: ProcessEntry;
}

// The processes under a pid in `ps --forest` order: children by pid, each followed by its own children.
export function processTree(processes: readonly ProcessEntry[], rootPid: number): ProcessTreeRow[] {
  const children = new Map<number, ProcessEntry[]>();
  for (const entry of processes) {
    const siblings = children.get(entry.parentPid) ?? [];
    siblings.push(entry);
    children.set(entry.parentPid, siblings);
  }
  const rows: ProcessTreeRow[] = [];
  const visit = (pid: number, depth: number) => {
    for (const child of (children.get(pid) ?? []).sort((a, b) => a.pid - b.pid)) {
      rows.push({depth, process: child});
      if (depth < 32) visit(child.pid, depth + 1);
    }
  };
  const root = processes.find((entry) => entry.pid === rootPid);
  if (root) rows.push({depth: 0, process: root});
  visit(rootPid, 1);
  return rows;
}
