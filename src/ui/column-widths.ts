import stringWidth from 'string-width';

// kubectl's tabwriter: every cell but the last is padded to the column's widest cell plus 3, and at least 6.
const PADDING = 3;
const MIN_WIDTH = 6;

export function columnWidths(headers: readonly string[], rows: Iterable<readonly string[]>): number[] {
  const widths = headers.map((header) => stringWidth(header));
  for (const cells of rows) {
    cells.forEach((cell, index) => {
      const width = cell.length === 0 ? 0 : stringWidth(cell);
      if (width > (widths[index] ?? 0)) widths[index] = width;
    });
  }
  return widths.map((width) => Math.max(MIN_WIDTH, width + PADDING));
}

export function layoutLine(cells: readonly string[], widths: readonly number[]): string {
  let line = '';
  cells.forEach((cell, index) => {
    const last = index === cells.length - 1;
    line += last ? cell : cell + ' '.repeat(Math.max(0, (widths[index] ?? 0) - stringWidth(cell)));
  });
  return line;
}
