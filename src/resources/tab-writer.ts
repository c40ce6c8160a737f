import {stringWidthOf} from './text-width.js';

// Go's text/tabwriter, which kubectl prints everything through: a cell is text ended by a tab; a column's width is
// set by the consecutive lines that have a cell in it (its block), plus padding. A line without that cell ends the
// block, which is why `kubectl describe` aligns each group of "Key:\tvalue" lines on its own.
export function alignTabs(lines: readonly string[], options: {padding: number; minWidth?: number}): string[] {
  const cells = lines.map((line) => line.split('\t'));
  const widths: number[] = [];
  const output: string[] = lines.map(() => '');
  const minWidth = options.minWidth ?? 0;

  const write = (from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const row = cells[index] ?? [];
      let text = '';
      row.forEach((cell, column) => {
        const terminated = column < row.length - 1;
        if (terminated) text += cell + ' '.repeat(Math.max(0, (widths[column] ?? 0) - stringWidthOf(cell)));
        else text += cell;
      });
      output[index] = text;
    }
  };

  const format = (from: number, to: number) => {
    const column = widths.length;
    let start = from;
    for (let line = from; line < to; line++) {
      if (column >= (cells[line]?.length ?? 0) - 1) continue;
      write(start, line);
      start = line;
      let width = minWidth;
      for (; line < to; line++) {
        const row = cells[line] ?? [];
        if (column >= row.length - 1) break;
        width = Math.max(width, stringWidthOf(row[column] ?? '') + options.padding);
      }
      widths.push(width);
      format(start, line);
      widths.pop();
      start = line;
      line -= 1;
    }
    write(start, to);
  };

  format(0, lines.length);
  return output;
}
