// Structured (JSON) log lines: detected per line, shown raw, compact ("LEVEL message key=value...") or pretty
// (indented), with the level picked out so the view can colour it.
export type JsonMode = 'raw' | 'compact' | 'pretty';
export type LogLevel = 'error' | 'warning' | 'info' | 'debug';

export interface FormattedLine {
  rows: string[];
  level: LogLevel | undefined;
}

const LEVEL_FIELDS = ['level', 'lvl', 'severity', 'levelname', 'log.level'];
const MESSAGE_FIELDS = ['msg', 'message', 'log'];

export function formatJsonLine(text: string, mode: JsonMode): FormattedLine {
  const record = parseRecord(text);
  if (!record) return {rows: [text], level: undefined};
  const levelField = LEVEL_FIELDS.find((field) => field in record);
  const level = levelField === undefined ? undefined : levelOf(record[levelField]);
  if (mode === 'raw') return {rows: [text], level};
  if (mode === 'pretty') return {rows: JSON.stringify(record, null, 2).split('\n'), level};
  const messageField = MESSAGE_FIELDS.find((field) => typeof record[field] === 'string');
  const rest = Object.entries(record)
    .filter(([key]) => key !== levelField && key !== messageField)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const head = [
    levelField ? String(record[levelField]).toUpperCase() : '',
    messageField ? String(record[messageField]) : '',
  ].filter(Boolean);
  return {rows: [[...head, ...rest].join(' ')], level};
}

function parseRecord(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

// Names as zap, logrus, slog, winston and Python use them, and bunyan's numbers (50 error, 40 warn, 30 info).
export function levelOf(value: unknown): LogLevel | undefined {
  if (typeof value === 'number') {
    return value >= 50 ? 'error' : value >= 40 ? 'warning' : value >= 30 ? 'info' : 'debug';
  }
  const name = String(value).toLowerCase();
  if (/^(fatal|panic|crit|critical|err|error|emerg|alert|dpanic)$/.test(name)) return 'error';
  if (/^(warn|warning)$/.test(name)) return 'warning';
  if (/^(info|notice|information)$/.test(name)) return 'info';
  if (/^(debug|trace|verbose)$/.test(name)) return 'debug';
  return undefined;
}
