// Injected into Ink's incremental renderer (log-update.js) by build.mjs; not upstream (Ink 7.1 rewrites a changed
// line whole).
//
// A pods view whose young pods' AGE ticks every second changed one or two characters per row, and Ink rewrote each
// such row whole (about 60 B a row a second on a 200-column terminal, a third of a 64 kbit/s link for 40 rows).
// lineUpdate writes only the columns that differ: the cursor to the first changed column, the changed cells with
// their styles, and an erase when the line got shorter. Wide characters are never split (the span grows to whole
// characters on both sides, in the old line and the new).
import {ansiCodesToString, diffAnsiCodes, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import stringWidth from 'string-width';

type StyledChar = ReturnType<typeof styledCharsFromTokens>[number];
type Styles = StyledChar['styles'];

// The SGR state the terminal is left in by the spans written so far in this frame. A span does not close its
// styles (rows of one status share a colour, and closing and reopening it was most of a ticking row's bytes); a
// whole-line write, an erase and the end of the frame close them first (an erase takes the current background).
let activeStyles: Styles = [];

export function closeStyles(): string {
  const codes = ansiCodesToString(diffAnsiCodes(activeStyles, []));
  activeStyles = [];
  return codes;
}

interface Column {
  // The character starting in this column, or undefined for the second column of a wide character.
  char: StyledChar | undefined;
  key: string;
}

function columnsOf(line: string): Column[] {
  const columns: Column[] = [];
  for (const char of styledCharsFromTokens(tokenize(line))) {
    const key = `${char.value}\u0000${char.styles.map((style) => style.code).join('')}`;
    columns.push({char, key});
    for (let extra = 1; extra < Math.max(1, stringWidth(char.value)); extra++) columns.push({char: undefined, key});
  }
  return columns;
}

// A change this far into the line is written as a span; nearer the start the whole line costs about the same.
const MIN_SKIPPED_COLUMNS = 4;

// The bytes that turn `previous` (what the row shows, the cursor at its start) into `next`; undefined when writing
// the whole line is as good.
export function lineUpdate(previous: string, next: string): string | undefined {
  const before = columnsOf(previous);
  const after = columnsOf(next);
  const blank = {char: undefined, key: ' \u0000'};
  const at = (columns: Column[], index: number) => columns[index] ?? blank;
  const width = Math.max(before.length, after.length);
  let start = 0;
  while (start < width && at(before, start).key === at(after, start).key) start++;
  if (start === width) return '';
  // Not inside a wide character of either line.
  while (start > 0 && (isContinuation(before, start) || isContinuation(after, start))) start--;
  if (start < MIN_SKIPPED_COLUMNS) return undefined;
  let end = width - 1;
  while (end > start && at(before, end).key === at(after, end).key) end--;
  while (end + 1 < width && (isContinuation(before, end + 1) || isContinuation(after, end + 1))) end++;
  const reachesEnd = end >= after.length - 1;
  let text = `\u001B[${start + 1}G`;
  for (const column of after.slice(start, reachesEnd ? after.length : end + 1)) {
    if (!column.char) continue;
    text += ansiCodesToString(diffAnsiCodes(activeStyles, column.char.styles)) + column.char.value;
    activeStyles = column.char.styles;
  }
  return reachesEnd && before.length > after.length ? `${text}${closeStyles()}\u001B[K` : text;
}

function isContinuation(columns: Column[], index: number): boolean {
  return index < columns.length && columns[index]?.char === undefined;
}

// The incremental renderer moves past each unchanged line with its own cursor-next-line (3 B); on a 60-row frame
// where one row's AGE ticked that is most of the frame. A run of them becomes one CSI n E (cursor n lines down, to
// column 1), the same move. The frame ends with the spans' styles closed.
export function joinLineSkips(buffer: readonly string[]): string {
  let text = '';
  let skipped = 0;
  for (const part of buffer) {
    if (part === '\u001B[E') {
      skipped++;
      continue;
    }
    if (skipped > 0) text += skipped === 1 ? '\u001B[E' : `\u001B[${skipped}E`;
    skipped = 0;
    text += part;
  }
  if (skipped > 0) text += skipped === 1 ? '\u001B[E' : `\u001B[${skipped}E`;
  return text + closeStyles();
}
