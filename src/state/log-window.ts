import type {LogEntry} from './log-buffer.js';
import {entryBySeq, firstSeq} from './log-buffer.js';
import {itemAt, lowerBound} from './log-chunked-list.js';
import type {LogViewState} from './log-view-state.js';

// Which lines are on screen: only these are ever formatted or rendered, so a 100,000-line buffer costs what the
// screen shows.

export function shownLength(state: LogViewState): number {
  return state.index.visible ? state.index.visible.length : state.buffer.entries.length;
}

export function seqAtShown(state: LogViewState, position: number): number | undefined {
  if (state.index.visible) return itemAt(state.index.visible, position);
  return position >= 0 && position < state.buffer.entries.length ? firstSeq(state.buffer) + position : undefined;
}

export function shownPositionOf(state: LogViewState, seq: number): number {
  if (state.index.visible) return lowerBound(state.index.visible, seq, (item) => item);
  return Math.max(0, seq - firstSeq(state.buffer));
}

// Counted in lines: a wrapped line taller than one row may push the last line below the screen until it scrolls.
export function topPosition(state: LogViewState): number {
  const lastTop = Math.max(0, shownLength(state) - state.viewport.height);
  if (state.isFollowing) return lastTop;
  return Math.min(shownPositionOf(state, state.topSeq), lastTop);
}

export interface LogWindow {
  entries: LogEntry[];
  // The "N lines dropped" marker takes the first row when the window starts at the oldest kept line.
  showsDroppedMarker: boolean;
}

// rowsOf says how many screen rows a line takes (1 unless wrapped or pretty-printed).
export function logWindow(state: LogViewState, rowsOf: (entry: LogEntry) => number): LogWindow {
  const height = state.viewport.height;
  const total = shownLength(state);
  const entryAt = (position: number) => {
    const seq = seqAtShown(state, position);
    return seq === undefined ? undefined : entryBySeq(state.buffer, seq);
  };
  let top = topPosition(state);
  if (state.isFollowing) {
    // From the newest line upwards until the screen is full, so the last line is always in view.
    let rows = 0;
    top = total;
    while (top > 0) {
      const entry = entryAt(top - 1);
      const needed = entry ? rowsOf(entry) : 1;
      if (rows + needed > height && rows > 0) break;
      rows += needed;
      top -= 1;
    }
  }
  const showsDroppedMarker = state.buffer.dropped > 0 && top === 0;
  const entries: LogEntry[] = [];
  let rows = showsDroppedMarker ? 1 : 0;
  for (let position = top; position < total && rows < height; position++) {
    const entry = entryAt(position);
    if (!entry) continue;
    entries.push(entry);
    rows += rowsOf(entry);
  }
  return {entries, showsDroppedMarker};
}
