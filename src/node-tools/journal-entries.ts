import {checkedPath, checkedText, checkedUnitName, UnsafeArgumentError} from './safe-argument.js';

export const JOURNAL_PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;
export type JournalPriority = (typeof JOURNAL_PRIORITIES)[number];

export interface JournalQuery {
  // One or more units, interleaved by time as journalctl merges them.
  units: readonly string[];
  // The last N entries; undefined prints every entry the other options allow.
  lines?: number | 'all';
  // journalctl's own words: "today", "yesterday", "-1h", "-15min", "2024-09-10 08:00:00", "@1725960313" (epoch).
  since?: string;
  // This level and everything more severe, as journalctl -p does.
  priority?: JournalPriority;
  // A copied journal directory (offline analysis) instead of the host's journal.
  directory?: string;
  grep?: string;
  follow?: boolean;
  // -1 is the previous boot (journalctl -b -1): the kubelet's last words before a reboot.
  boot?: number;
  // Entries after this one only: a follow that was cut resumes here, so no entry is lost or repeated.
  afterCursor?: string;
  // Field matches ANDed with the rest ("MESSAGE_ID=..."): journalctl's own index, not a text search.
  matches?: readonly string[];
}

const FIELD_MATCH = /^[A-Z0-9_]+=[A-Za-z0-9._@:-]+$/;

const SINCE = /^(today|yesterday|now|-\d+(s|min|h|d)|@\d+|\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?)$/;

// Every value is joined to its option ("--unit=X"), so even a value starting with "-" stays a value.
export function journalctlArgs(query: JournalQuery): string[] {
  const args = ['--no-pager', '--output=json', ...query.units.map((unit) => `--unit=${checkedUnitName(unit)}`)];
  if (query.lines !== undefined) args.push(`--lines=${query.lines}`);
  if (query.since !== undefined) {
    if (!SINCE.test(query.since)) throw new UnsafeArgumentError('journal --since value', query.since);
    args.push(`--since=${query.since}`);
  }
  if (query.priority) args.push(`--priority=${query.priority}`);
  if (query.directory) args.push(`--directory=${checkedPath(query.directory)}`);
  if (query.grep) args.push(`--grep=${checkedText('journal search', query.grep)}`);
  if (query.boot !== undefined) args.push(`--boot=${Math.trunc(query.boot)}`);
  if (query.afterCursor !== undefined) args.push(`--after-cursor=${checkedText('journal cursor', query.afterCursor)}`);
  if (query.follow) args.push('--follow');
  for (const match of query.matches ?? []) {
    if (!FIELD_MATCH.test(match)) throw new UnsafeArgumentError('journal field match', match);
    args.push(match);
  }
  return args;
}

export interface JournalEntry {
  cursor: string;
  timeMs: number;
  // RFC 3339 in UTC to the microsecond, as journald stores it.
  timestamp: string;
  priority: number;
  hostname: string;
  identifier: string;
  pid: string;
  unit: string;
  // The unit an entry is about when systemd itself logged it ("Started kubelet.service": UNIT=kubelet.service).
  subjectUnit: string;
  message: string;
}

// One line of `journalctl -o json`. Fields are strings; a MESSAGE that is not valid UTF-8 comes as an array of
// bytes, and a field journald could not store comes as null.
export function parseJournalLine(line: string): JournalEntry | undefined {
  if (!line.startsWith('{')) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof record !== 'object' || record === null) return undefined;
  const fields = record as Record<string, unknown>;
  const text = (key: string) => fieldText(fields[key]);
  const realtime = text('__REALTIME_TIMESTAMP');
  const timeMs = realtime ? Math.floor(Number(realtime) / 1000) : 0;
  return {
    cursor: text('__CURSOR'),
    timeMs,
    timestamp: realtime ? rfc3339Micros(timeMs, realtime) : '',
    priority: effectivePriority(text('PRIORITY') === '' ? 6 : Number(text('PRIORITY')), text('MESSAGE')),
    hostname: text('_HOSTNAME'),
    identifier: text('SYSLOG_IDENTIFIER') || text('_COMM'),
    pid: text('_PID') || text('SYSLOG_PID'),
    unit: text('_SYSTEMD_UNIT') || text('UNIT'),
    subjectUnit: text('UNIT') || text('OBJECT_SYSTEMD_UNIT'),
    message: text('MESSAGE'),
  };
}

// Kubernetes components write every line to stderr, which journald stores at the unit's default priority (info);
// the real severity is klog's header ("E1201 21:07:50.404044      65 kubelet.go:1826] ..."). Seen on the real
// systemd node: the kubelet's errors and warnings were all priority 6, so the pane counted none.
const KLOG_HEADER = /^([FEWI])\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [^\s:]+:\d+\] /;
const KLOG_PRIORITY: Readonly<Record<string, number>> = {F: 2, E: 3, W: 4, I: 6};

export function effectivePriority(priority: number, message: string): number {
  const severity = KLOG_HEADER.exec(message)?.[1];
  return severity === undefined ? priority : Math.min(priority, KLOG_PRIORITY[severity] ?? priority);
}

export function parseJournal(text: string): JournalEntry[] {
  return text.split('\n').flatMap((line) => parseJournalLine(line) ?? []);
}

function rfc3339Micros(timeMs: number, realtimeMicros: string): string {
  const micros = realtimeMicros.padStart(6, '0').slice(-6);
  return `${new Date(timeMs).toISOString().slice(0, 19)}.${micros}Z`;
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
    return Buffer.from(value).toString('utf8');
  }
  return '';
}
