import type {FileReader} from './file-reader.js';

// The kubelet's container logs: /var/log/pods/<namespace>_<pod>_<uid>/<container>/<restart>.log, each line in the
// CRI format "<RFC3339Nano> <stdout|stderr> <F|P> <text>" (P marks a partial line continued by the next one).
export interface PodLogDirectory {
  path: string;
  namespace: string;
  pod: string;
  uid: string;
  containers: Array<{name: string; files: string[]}>;
}

// The pod's log directory and the container a log file belongs to: <dir>/<namespace>_<pod>_<uid>/<container>/N.log.
export function podLogsOfFile(
  path: string,
): {directory: string; namespace: string; pod: string; container: string} | undefined {
  const match = /^(.*\/([^/]+))\/([^/]+)\/\d+\.log$/.exec(path);
  const parsed = match ? parsePodLogDirectoryName(match[2] ?? '') : undefined;
  return match && parsed
    ? {directory: match[1] ?? '', namespace: parsed.namespace, pod: parsed.pod, container: match[3] ?? ''}
    : undefined;
}

// Namespaces and pod names cannot hold "_", so the first two underscores split the directory name.
export function parsePodLogDirectoryName(name: string): {namespace: string; pod: string; uid: string} | undefined {
  const match = /^([^_]+)_([^_]+)_(.+)$/.exec(name);
  return match ? {namespace: match[1] ?? '', pod: match[2] ?? '', uid: match[3] ?? ''} : undefined;
}

export async function listPodLogDirectories(files: FileReader, podLogDir: string): Promise<PodLogDirectory[]> {
  const names = (await files.list(podLogDir)) ?? [];
  const directories: PodLogDirectory[] = [];
  for (const name of names) {
    const parsed = parsePodLogDirectoryName(name);
    if (!parsed) continue;
    const path = `${podLogDir}/${name}`;
    const containers = [];
    for (const container of (await files.list(path)) ?? []) {
      const logs = ((await files.list(`${path}/${container}`)) ?? []).filter((file) => /^\d+\.log/.test(file));
      containers.push({name: container, files: logs.sort(byRestart)});
    }
    directories.push({path, ...parsed, containers});
  }
  return directories;
}

// "0.log" < "1.log" < "1.log.20240910-182513.gz" < "2.log": the newest is last.
function byRestart(a: string, b: string): number {
  return parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);
}

export interface PodLogLine {
  timeMs: number | undefined;
  // The runtime's RFC3339Nano timestamp as written ('' for a line not in the CRI format).
  time: string;
  stream: 'stdout' | 'stderr' | '';
  text: string;
}

export function parseCriLogLines(text: string): PodLogLine[] {
  const parser = createCriLineParser();
  return [...parser.push(text), ...parser.push('\n')];
}

// A CRI log read in pieces (a followed file): a line cut by a read's end, and the P(artial) pieces of a long
// line, wait for the rest; only whole lines come out.
export function createCriLineParser(): {push(text: string): PodLogLine[]} {
  let pending = '';
  let partial = '';
  return {
    push(text) {
      const rows = (pending + text).split('\n');
      pending = rows.pop() ?? '';
      const lines: PodLogLine[] = [];
      for (const raw of rows) {
        if (raw === '') continue;
        const match = /^(\S+) (stdout|stderr) ([FP]) ?(.*)$/.exec(raw);
        if (!match) {
          lines.push({timeMs: undefined, time: '', stream: '', text: raw});
          continue;
        }
        const [, time = '', stream, tag, body = ''] = match;
        if (tag === 'P') {
          partial += body;
          continue;
        }
        const parsed = Date.parse(time);
        lines.push({
          timeMs: Number.isNaN(parsed) ? undefined : parsed,
          time,
          stream: stream === 'stderr' ? 'stderr' : 'stdout',
          text: partial + body,
        });
        partial = '';
      }
      return lines;
    },
  };
}

const TAIL_BYTES = 256 * 1024;

// The last lines of a container's current log file (the kubelet's rotated files are older).
export async function readPodLogTail(
  files: FileReader,
  path: string,
  lines: number,
): Promise<{lines: PodLogLine[]} | {problem: string}> {
  const read = await files.readTail(path, TAIL_BYTES);
  if (!read.ok) return {problem: read.problem};
  return {lines: parseCriLogLines(read.text).slice(-lines)};
}
