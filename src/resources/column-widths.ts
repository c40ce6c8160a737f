import stringWidth from 'string-width';

// kubectl's tabwriter: every cell but the last is padded to the column's widest cell plus 3, and at least 6.
const PADDING = 3;
const MIN_WIDTH = 6;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

export function columnWidths(headers: readonly string[], rows: Iterable<readonly string[]>): number[] {
  const widths = headers.map((header) => cellWidth(header));
  for (const cells of rows) {
    cells.forEach((cell, index) => {
      const width = cellWidth(cell);
      if (width > (widths[index] ?? 0)) widths[index] = width;
    });
  }
  return widths.map(paddedWidth);
}

// Columns a cell takes on the terminal (wide characters count two).
export function cellWidth(cell: string): number {
  return PRINTABLE_ASCII.test(cell) ? cell.length : stringWidth(cell);
}

// The width of a column whose widest cell (or header) is this wide.
export function paddedWidth(widest: number): number {
  return Math.max(MIN_WIDTH, widest + PADDING);
}

export function layoutLine(cells: readonly string[], widths: readonly number[]): string {
  let line = '';
  cells.forEach((cell, index) => {
    const last = index === cells.length - 1;
    line += last ? cell : cell + ' '.repeat(Math.max(0, (widths[index] ?? 0) - stringWidth(cell)));
  });
  return line;
}
