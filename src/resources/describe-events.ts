import type {RowObject} from '../cluster/types.js';
import {eventLastSeen} from './event-row.js';

interface DescribedEvent {
  type?: string;
  reason?: string;
  message?: string;
  lastTimestamp?: string | null;
  source?: {component?: string};
  reportingComponent?: string;
}

// The Events section every `kubectl describe` ends with: oldest first, LAST SEEN as "(xN over D)".
export function eventsLines(events: RowObject[] | undefined, now: number): string[] {
  if (!events || events.length === 0) return ['Events:\t<none>'];
  const sorted = [...events].sort((a, b) => time(a) - time(b));
  return [
    'Events:',
    '  Type\tReason\tAge\tFrom\tMessage',
    '  ----\t------\t----\t----\t-------',
    ...sorted.map((object) => {
      const event = object as DescribedEvent;
      const source = event.source?.component || event.reportingComponent || '';
      return (
        `  ${event.type ?? ''}\t${event.reason ?? ''}\t${eventLastSeen(object, now)}\t${source}\t` +
        `${(event.message ?? '').trim()}`
      );
    }),
  ];
}

function time(object: RowObject): number {
  const value = Date.parse(String((object as DescribedEvent).lastTimestamp ?? ''));
  return Number.isNaN(value) ? 0 : value;
}
