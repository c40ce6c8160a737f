import type {JournalEntry} from '../../node-tools/journal-entries.js';
import {isMatch, matchRanges} from '../../resources/log-filter.js';
import type {LogFilter} from '../../resources/log-filter.js';
import {line} from './pane-line.js';
import type {PaneLine} from './pane-line.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// journalctl's default "short" format, so the lines read like the ones in every runbook.
export function journalLine(entry: JournalEntry): PaneLine {
  const time = new Date(entry.timeMs);
  const stamp = `${MONTHS[time.getMonth()]} ${String(time.getDate()).padStart(2, '0')} `
    + `${[time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':')}`;
  const source = `${entry.identifier}${entry.pid ? `[${entry.pid}]` : ''}`;
  return line(entry.cursor || `${entry.timeMs}`, `${stamp} ${entry.hostname} ${source}: ${entry.message}`,
    {color: entry.priority <= 3 ? 'red' : entry.priority === 4 ? 'yellow' : undefined});
}

// Only the entries the filter keeps, each with its matches marked (an inverted filter keeps what does not match,
// so nothing is marked). Matched on the sanitized text, so the ranges fit what is drawn.
export function filteredJournalLines(lines: readonly PaneLine[], filter: LogFilter | undefined): PaneLine[] {
  if (!filter) return [...lines];
  return lines.filter((entry) => isMatch(filter, entry.text))
    .map((entry) => ({...entry, highlights: matchRanges(filter, entry.text)}));
}
