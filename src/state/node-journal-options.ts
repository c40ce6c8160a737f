// The journal's reading options, cycled by keys; the values are journalctl's own words.
export interface JournalOptions {
  unitIndex: number;
  follow: boolean;
  since: string | undefined;
  priority: 'err' | 'warning' | undefined;
  lines: number;
}

const SINCE_CHOICES = [undefined, 'today', '-1h', '-10min'] as const;
const PRIORITY_CHOICES = [undefined, 'err', 'warning'] as const;
const LINE_CHOICES = [200, 1000, 5000] as const;

export const initialJournalOptions: JournalOptions = {unitIndex: 0, follow: false, since: undefined,
  priority: undefined, lines: 200};

function next<T>(choices: readonly T[], current: T): T {
  const index = choices.indexOf(current);
  return choices[(index + 1) % choices.length] as T;
}

export function nextSince(options: JournalOptions): JournalOptions {
  return {...options, since: next<string | undefined>(SINCE_CHOICES, options.since)};
}

export function nextPriority(options: JournalOptions): JournalOptions {
  return {...options, priority: next<JournalOptions['priority']>(PRIORITY_CHOICES, options.priority)};
}

export function nextLines(options: JournalOptions): JournalOptions {
  return {...options, lines: next<number>(LINE_CHOICES, options.lines)};
}

// The command line the journal view is equivalent to, for the operator to copy.
export function journalEquivalent(unit: string, options: JournalOptions, directory?: string): string {
  return ['journalctl', directory ? `-D ${directory}` : '', `-u ${unit}`,
    options.since ? `--since ${options.since}` : '', options.priority ? `-p ${options.priority}` : '',
    `-n ${options.lines}`, options.follow ? '-f' : ''].filter((part) => part !== '').join(' ');
}
