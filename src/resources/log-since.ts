import type {LogWindow} from '../cluster/log-types.js';

// A typed since: a duration as kubectl --since takes it (90s, 5m, 1h30m), an RFC 3339 time as --since-time, a
// time of day (09:30, 09:30:15) meaning the last such moment in local time, or today / yesterday (local midnight,
// as journalctl --since today; the operator guides read a day's kubelet log that way).
// A bare number is a line count instead (kubectl logs --tail N, journalctl -n N).
export function parseSince(text: string, now: number): {window: LogWindow} | {error: string} {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) > 0 ? {window: {kind: 'tail', lines: Number(trimmed)}} : {error: 'a line count above 0'};
  }
  if (trimmed === 'today' || trimmed === 'yesterday') {
    const midnight = new Date(now);
    midnight.setHours(0, 0, 0, 0);
    if (trimmed === 'yesterday') midnight.setDate(midnight.getDate() - 1);
    return {window: {kind: 'sinceTime', time: toRfc3339(midnight.getTime())}};
  }
  const duration = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
  if (duration && trimmed !== '') {
    const seconds = Number(duration[1] ?? 0) * 3600 + Number(duration[2] ?? 0) * 60 + Number(duration[3] ?? 0);
    if (seconds > 0) return {window: {kind: 'since', seconds}};
    return {error: 'since must be more than 0s'};
  }
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(trimmed)) {
    const time = Date.parse(trimmed);
    if (!Number.isNaN(time)) return {window: {kind: 'sinceTime', time: toRfc3339(time)}};
  }
  const clock = /^(\d\d?):(\d\d)(?::(\d\d))?$/.exec(trimmed);
  if (clock) {
    const moment = new Date(now);
    moment.setHours(Number(clock[1]), Number(clock[2]), Number(clock[3] ?? 0), 0);
    if (moment.getTime() > now) moment.setDate(moment.getDate() - 1);
    return {window: {kind: 'sinceTime', time: toRfc3339(moment.getTime())}};
  }
  return {error: `not a duration (5m, 1h30m), a time (09:30, 2026-11-22T09:30:00Z), today or a line count: ${trimmed}`};
}

function toRfc3339(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function describeLogWindow(window: LogWindow): string {
  switch (window.kind) {
    case 'tail':
      return `tail ${window.lines}`;
    case 'since':
      return window.seconds % 3600 === 0
        ? `${window.seconds / 3600}h`
        : window.seconds % 60 === 0
          ? `${window.seconds / 60}m`
          : `${window.seconds}s`;
    case 'sinceTime':
      return `since ${window.time}`;
    case 'all':
      return 'all';
  }
}
