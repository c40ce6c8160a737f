// The kubelet's timestamps=true prefix ("2026-11-22T09:17:24.421982179Z text"): split off, made comparable, and
// removed where the kubelet repeats it inside one long line.

const TIMESTAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,9})?(Z|[+-]\d\d:\d\d)$/;
const EMBEDDED_TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?(?:Z|[+-]\d\d:\d\d) /g;

// containerd's default max_container_log_line_size: a longer line is stored as several partial records, and the
// kubelet writes each record with its own timestamp and no newline, so one 40 KB line arrives as
// "TS1 <16 KB>TS2 <16 KB>TS3 <rest>".
export const CRI_RECORD_BYTES = 16_384;

export function splitTimestamp(line: string): {timestamp: string; text: string} {
  const space = line.indexOf(' ');
  if (space < 20 || space > 40) return {timestamp: '', text: line};
  const timestamp = line.slice(0, space);
  if (!TIMESTAMP.test(timestamp)) return {timestamp: '', text: line};
  return {timestamp, text: joinPartialRecords(line.slice(space + 1))};
}

// Removes a timestamp only where a record boundary is (exactly CRI_RECORD_BYTES of text before it), so a
// timestamp the application itself logged is kept.
export function joinPartialRecords(text: string, recordBytes = CRI_RECORD_BYTES): string {
  if (text.length < recordBytes / 4) return text;
  let result = '';
  let recordStart = 0;
  for (const match of text.matchAll(EMBEDDED_TIMESTAMP)) {
    const index = match.index ?? 0;
    if (Buffer.byteLength(text.slice(recordStart, index)) !== recordBytes) continue;
    result += text.slice(recordStart, index);
    recordStart = index + match[0].length;
  }
  return recordStart === 0 ? text : result + text.slice(recordStart);
}

// A string that sorts like the instant: "<UTC epoch seconds, 12 digits>.<nanoseconds, 9 digits>".
// The seconds are cached because consecutive lines almost always share them.
let cachedPrefix = '';
let cachedSeconds = '';
export function timestampKey(timestamp: string): string {
  const match = TIMESTAMP.exec(timestamp);
  if (!match) return '';
  const prefix = `${match[1]}${match[3]}`;
  if (prefix !== cachedPrefix) {
    cachedPrefix = prefix;
    cachedSeconds = String(Math.floor(Date.parse(`${match[1]}${match[3]}`) / 1000)).padStart(12, '0');
  }
  return `${cachedSeconds}.${(match[2] ?? '.').slice(1).padEnd(9, '0')}`;
}

// The whole second containing the key, as sinceTime wants it (the API server drops fractions of sinceTime).
export function secondOfKey(key: string): string {
  const seconds = Number(key.slice(0, 12));
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
