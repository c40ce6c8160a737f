import type {JournalEntry} from '../../node-tools/journal-entries.js';
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
