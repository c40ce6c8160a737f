import {checkedPath, checkedText, checkedUnitName, UnsafeArgumentError} from './safe-argument.js';

export const JOURNAL_PRIORITIES = ['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug'] as const;
export type JournalPriority = typeof JOURNAL_PRIORITIES[number];

export interface JournalQuery {
  unit: string;
  lines: number | 'all';
  // journalctl's own words: "today", "yesterday", "-1h", "-15min", "2024-09-10 08:00:00".
  since?: string;
  // This level and everything more severe, as journalctl -p does.
  priority?: JournalPriority;
  // A copied journal directory (offline analysis) instead of the host's journal.
  directory?: string;
  grep?: string;
  follow?: boolean;
}

const SINCE = /^(today|yesterday|now|-\d+(s|min|h|d)|\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?)$/;

// Every value is joined to its option ("--unit=X"), so even a value starting with "-" stays a value.
export function journalctlArgs(query: JournalQuery): string[] {
  const args = ['--no-pager', '--output=json', `--unit=${checkedUnitName(query.unit)}`, `--lines=${query.lines}`];
  if (query.since !== undefined) {
    if (!SINCE.test(query.since)) throw new UnsafeArgumentError('journal --since value', query.since);
    args.push(`--since=${query.since}`);
  }
  if (query.priority) args.push(`--priority=${query.priority}`);
  if (query.directory) args.push(`--directory=${checkedPath(query.directory)}`);
  if (query.grep) args.push(`--grep=${checkedText('journal search', query.grep)}`);
  if (query.follow) args.push('--follow');
  return args;
}

export interface JournalEntry {
  cursor: string;
  timeMs: number;
  priority: number;
  hostname: string;
  identifier: string;
  pid: string;
  unit: string;
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
  return {
    cursor: text('__CURSOR'),
    timeMs: realtime ? Math.floor(Number(realtime) / 1000) : 0,
    priority: text('PRIORITY') === '' ? 6 : Number(text('PRIORITY')),
    hostname: text('_HOSTNAME'),
    identifier: text('SYSLOG_IDENTIFIER') || text('_COMM'),
    pid: text('_PID') || text('SYSLOG_PID'),
    unit: text('_SYSTEMD_UNIT') || text('UNIT'),
    message: text('MESSAGE'),
  };
}

export function parseJournal(text: string): JournalEntry[] {
  return text.split('\n').flatMap((line) => parseJournalLine(line) ?? []);
}

function fieldText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
    return Buffer.from(value as number[]).toString('utf8');
  }
  return '';
}
