import {sanitizeCell} from '../../resources/sanitize-text.js';

// One row of a node pane list. Text from the node (journal messages, pod and container names, log lines) is
// untrusted, so every line is made inert here, once, before any component sees it.
export interface PaneLine {
  key: string;
  text: string;
  color?: string;
  dim?: boolean;
  // What Enter opens (a sandbox id) or R restarts (a unit), when the row stands for something.
  target?: string;
  // [start, end) ranges of the text to mark: the journal filter's matches.
  highlights?: ReadonlyArray<readonly [number, number]>;
}

export function line(key: string, text: string, options: Omit<PaneLine, 'key' | 'text'> = {}): PaneLine {
  return {key, text: sanitizeCell(text), ...options};
}

export function problemLine(key: string, problem: string): PaneLine {
  return line(key, `! ${problem}`, {color: 'yellow'});
}

export function formatAge(ms: number | undefined, nowMs: number): string {
  if (ms === undefined) return '-';
  const seconds = Math.max(0, Math.floor((nowMs - ms) / 1000));
  if (seconds < 120) return `${seconds}s`;
  if (seconds < 7200) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 172_800) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

// Shared with the remote pane's findings (resources/), which cannot import the ui.
export {formatBytes} from '../../resources/byte-size.js';

export function columns(cells: ReadonlyArray<string>, widths: ReadonlyArray<number>): string {
  return cells
    .map((cell, index) => {
      const width = widths[index];
      return width === undefined ? cell : cell.length > width ? `${cell.slice(0, width - 1)}…` : cell.padEnd(width);
    })
    .join('  ');
}
