// Injected into Ink's incremental renderer (log-update.js) by build.mjs; not upstream (Ink 7.1 rewrites every
// shifted row too).
//
// Moving the cursor past the edge of a table shifts every row by one (a followed log by the lines it got), and
// the incremental renderer rewrote them all (about 5 KB per keystroke on a 200x50 terminal, slow over SSH). When
// the frame sits at the top of the screen (kview's full-screen mode says so) and a run of rows is the previous
// frame's shifted, the terminal scrolls that region itself (DECSTBM and line feeds or reverse indexes, as vim and
// less do) and only the rows that really changed are written afterwards.

// Worth a scroll only for a long run of shifted rows; a log that got many lines at once shifts by more than one.
const MIN_SCROLLED_ROWS = 6;
const MAX_SHIFT = 40;

export const FRAME_AT_SCREEN_TOP = Symbol.for('kview.frameAtScreenTop');

interface Run {
  start: number;
  length: number;
}

function longestRun(count: number, matches: (row: number) => boolean): Run {
  let best: Run = {start: 0, length: 0};
  let start = 0;
  for (let row = 0; row <= count; row++) {
    if (row < count && matches(row)) continue;
    if (row - start > best.length) best = {start, length: row - start};
    start = row + 1;
  }
  return best;
}

export function frameAtScreenTop(): boolean {
  return (globalThis as Record<symbol, unknown>)[FRAME_AT_SCREEN_TOP] === true;
}

// Pushes the scroll onto `buffer` and returns what the screen's rows hold after it (or previousLines unchanged,
// when no scroll is worth it); the caller then writes the rows that still differ from nextLines.
export function scrollRegion(
  previousLines: readonly string[],
  nextLines: readonly string[],
  count: number,
  buffer: string[],
  atScreenTop = frameAtScreenTop(),
): readonly string[] {
  if (!atScreenTop) return previousLines;
  let best = {start: 0, length: 0, shift: 0};
  for (let shift = 1; shift <= Math.min(MAX_SHIFT, count - MIN_SCROLLED_ROWS); shift++) {
    // Up: the new row r shows the old row r + shift (the cursor went down past the window, a log grew).
    const up = longestRun(
      count - shift,
      (row) => nextLines[row] === previousLines[row + shift] && nextLines[row] !== previousLines[row],
    );
    // Down: the new row r + shift shows the old row r.
    const down = longestRun(
      count - shift,
      (row) => nextLines[row + shift] === previousLines[row] && nextLines[row + shift] !== previousLines[row + shift],
    );
    if (up.length > best.length) best = {...up, shift};
    if (down.length > best.length) best = {...down, shift: -shift};
  }
  if (best.length < MIN_SCROLLED_ROWS) return previousLines;
  const shift = Math.abs(best.shift);
  // The region is the run and the rows it scrolls into; 1-based, inclusive, as DECSTBM takes it.
  const top = best.start + 1;
  const bottom = best.start + best.length + shift;
  const screen = [...previousLines];
  // Save the cursor, set the region, scroll, reset the region (which homes the cursor), restore the cursor.
  if (best.shift > 0) {
    for (let row = best.start; row < best.start + best.length; row++) screen[row] = previousLines[row + shift] ?? '';
    for (let row = best.start + best.length; row < bottom; row++) screen[row] = '';
    buffer.push(`\u001B7\u001B[${top};${bottom}r\u001B[${bottom};1H${'\n'.repeat(shift)}\u001B[r\u001B8`);
  } else {
    for (let row = best.start; row < best.start + best.length; row++) screen[row + shift] = previousLines[row] ?? '';
    for (let row = best.start; row < best.start + shift; row++) screen[row] = '';
    buffer.push(`\u001B7\u001B[${top};${bottom}r\u001B[${top};1H${'\u001BM'.repeat(shift)}\u001B[r\u001B8`);
  }
  return screen;
}
