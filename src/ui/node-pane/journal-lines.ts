import type {JournalEntry} from '../../node-tools/journal-entries.js';
import {journalRowTarget} from '../../state/node-pane-keys.js';
import {columns, line} from './pane-line.js';
import type {PaneLine} from './pane-line.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const UNIT_WIDTHS = [34, 5, 5];

export const journalHeader = line(
  'journal-header',
  columns(['UNIT', 'ERR', 'WARN', 'LAST WARNING OR ERROR'], UNIT_WIDTHS),
  {dim: true},
);

// One row per unit (errors, warnings and the latest of them), one for all units interleaved, then the latest
// warnings and errors themselves, newest first; every row opens its unit's journal.
export function journalSectionLines(units: readonly string[], entries: readonly JournalEntry[]): PaneLine[] {
  const unitOf = (entry: JournalEntry) =>
    [entry.unit, entry.subjectUnit].find((name) => units.includes(name)) ?? units[0] ?? entry.unit;
  const unitRows = units.map((unit) => {
    const own = entries.filter((entry) => unitOf(entry) === unit);
    const errors = own.filter((entry) => entry.priority <= 3).length;
    const last = own.at(-1);
    return line(
      `unit-${unit}`,
      columns(
        [unit, String(errors), String(own.length - errors), last ? `${shortTime(last.timeMs)} ${last.message}` : '-'],
        UNIT_WIDTHS,
      ),
      {color: errors > 0 ? 'red' : own.length > 0 ? 'yellow' : undefined, target: journalRowTarget(unit)},
    );
  });
  const allRow = line('unit-all', `all units, interleaved by time (${units.join(' + ')})`, {
    target: journalRowTarget(undefined),
  });
  const latest = [...entries].reverse().map((entry, index) => {
    const unit = unitOf(entry);
    return line(
      `entry-${entry.cursor || index}`,
      `${shortTime(entry.timeMs)} ${unit.replace(/\.service$/, '')} ` +
        `${entry.identifier}${entry.pid ? `[${entry.pid}]` : ''}: ${entry.message}`,
      {color: entry.priority <= 3 ? 'red' : 'yellow', target: journalRowTarget(unit)},
    );
  });
  return [
    ...unitRows,
    allRow,
    ...(latest.length > 0
      ? [line('latest-title', 'latest warnings and errors, newest first:', {color: 'cyan'}), ...latest]
      : [line('latest-none', 'no warnings or errors', {color: 'green'})]),
  ];
}

// journalctl's short format time ("Sep 10 18:25:13"), in local time as journalctl prints it.
function shortTime(timeMs: number): string {
  const time = new Date(timeMs);
  return (
    `${MONTHS[time.getMonth()]} ${String(time.getDate()).padStart(2, '0')} ` +
    [time.getHours(), time.getMinutes(), time.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':')
  );
}
