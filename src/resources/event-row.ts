import type {RowObject} from '../cluster/types.js';
import {ageSince} from './human-duration.js';
import {sanitizeCell} from './sanitize-text.js';

interface CoreEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: {count?: number; lastObservedTime?: string};
  involvedObject?: {kind?: string; name?: string; namespace?: string; uid?: string};
  metadata?: {namespace?: string};
}

export const EVENT_HEADERS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

// When an event last happened, as `kubectl events` sorts by it: the series' last observation, else lastTimestamp,
// else eventTime. Sorting on this (never on the rendered "5m" string) keeps the newest first.
export function eventTime(object: RowObject | undefined): number {
  const event = (object ?? {}) as CoreEvent;
  const when = event.series?.lastObservedTime ?? event.lastTimestamp ?? event.eventTime ?? undefined;
  const parsed = when ? Date.parse(when) : NaN;
  return Number.isNaN(parsed) ? 0 : parsed;
}

// `kubectl events`: LAST SEEN is "<age> (xN over <first age>)" for repeated events, else the first age.
export function eventLastSeen(object: RowObject | CoreEvent, now: number): string {
  const event = object as CoreEvent;
  const first = event.eventTime ? ageSince(event.eventTime, now) : ageSince(event.firstTimestamp ?? undefined, now);
  if (event.series) {
    return `${ageSince(event.series.lastObservedTime, now)} (x${event.series.count ?? 0} over ${first})`;
  }
  if ((event.count ?? 0) > 1)
    return `${ageSince(event.lastTimestamp ?? undefined, now)} (x${event.count} over ${first})`;
  return first;
}

export function renderEventCells(object: RowObject | undefined, now: number): string[] {
  const event = (object ?? {}) as CoreEvent;
  const involved = event.involvedObject ?? {};
  return [
    eventLastSeen(object ?? {}, now),
    sanitizeCell(event.type ?? ''),
    sanitizeCell(event.reason ?? ''),
    sanitizeCell(`${involved.kind ?? ''}/${involved.name ?? ''}`),
    sanitizeCell((event.message ?? '').trim()),
  ];
}

export function isWarning(object: RowObject | undefined): boolean {
  return (object as CoreEvent | undefined)?.type === 'Warning';
}

export function involvedObjectOf(object: RowObject | undefined): {kind: string; name: string; namespace: string} {
  const involved = (object as CoreEvent | undefined)?.involvedObject ?? {};
  return {kind: involved.kind ?? '', name: involved.name ?? '', namespace: involved.namespace ?? ''};
}
