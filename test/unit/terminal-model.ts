import stringWidth from 'string-width';

// A small VT100 screen: what a terminal shows after it is sent a byte stream. It knows what Ink and kview's
// renderer send (cursor moves, erases, DECSTBM scroll regions, save/restore, reverse index, line feeds) and keeps
// each cell's SGR state, so two streams can be compared by the screen they leave.
export class TerminalModel {
  private cells: string[][];
  private styles: string[][];
  private row = 0;
  private column = 0;
  private top = 0;
  private bottom: number;
  private saved = {row: 0, column: 0};
  // The SGR attributes in effect, canonical (sorted name=value pairs), so equal looks compare equal.
  private style = '';

  // strict: an unknown control sequence throws (the unit tests); otherwise it is ignored (the bench replays
  // whatever kview wrote).
  constructor(
    readonly columns: number,
    readonly rows: number,
    private readonly strict = true,
  ) {
    this.cells = Array.from({length: rows}, () => this.blankRow());
    this.styles = Array.from({length: rows}, () => this.blankRow(''));
    this.bottom = rows - 1;
  }

  private blankRow(fill = ' '): string[] {
    return Array.from({length: this.columns}, () => fill);
  }

  write(data: string): void {
    const csi = /\u001B\[([?]?)([\d;]*)([A-Za-z])/y;
    for (let index = 0; index < data.length;) {
      csi.lastIndex = index;
      const control = csi.exec(data);
      if (control) {
        this.control(control[1] ?? '', control[2] ?? '', control[3] ?? '');
        index = csi.lastIndex;
        continue;
      }
      if (data.startsWith('\u001B]', index)) {
        // An operating system command (a window title): up to BEL or ST, nothing shown.
        const end = /\u0007|\u001B\\/g;
        end.lastIndex = index;
        const found = end.exec(data);
        index = found ? end.lastIndex : data.length;
        continue;
      }
      if (data[index] === '\u001B') {
        const next = data[index + 1];
        if (next === '7') this.saved = {row: this.row, column: this.column};
        else if (next === '8') ({row: this.row, column: this.column} = this.saved);
        else if (next === 'M') this.reverseIndex();
        index += 2;
        continue;
      }
      const character = String.fromCodePoint(data.codePointAt(index) ?? 32);
      index += character.length;
      // A terminal's line discipline turns a line feed into CR LF (onlcr), which Ink relies on.
      if (character === '\n') {
        this.lineFeed();
        this.column = 0;
      } else if (character === '\r') this.column = 0;
      else this.print(character);
    }
  }

  private print(character: string): void {
    const width = stringWidth(character);
    if (width === 0) {
      // A combining mark joins the character before it.
      const column = Math.max(0, this.column - 1);
      this.cells[this.row]![column] += character;
      return;
    }
    if (this.column + width > this.columns) return;
    // As xterm: writing over either half of a wide character blanks the other half.
    const row = this.cells[this.row]!;
    for (const column of [this.column, this.column + width - 1]) {
      if (row[column] === '' && column > 0) row[column - 1] = ' ';
      if (row[column] !== '' && stringWidth(row[column] ?? ' ') === 2 && column + 1 < this.columns)
        row[column + 1] = ' ';
    }
    this.cells[this.row]![this.column] = character;
    this.styles[this.row]![this.column] = this.style;
    if (width === 2) {
      this.cells[this.row]![this.column + 1] = '';
      this.styles[this.row]![this.column + 1] = this.style;
    }
    this.column += width;
  }

  private lineFeed(): void {
    if (this.row === this.bottom) this.scroll(1);
    else if (this.row < this.rows - 1) this.row += 1;
  }

  private reverseIndex(): void {
    if (this.row === this.top) this.scroll(-1);
    else if (this.row > 0) this.row -= 1;
  }

  // Positive: the region's content moves up by one line (a blank line enters at its bottom).
  private scroll(direction: 1 | -1): void {
    for (const grid of [this.cells, this.styles]) {
      const fill = grid === this.cells ? ' ' : '';
      if (direction === 1) {
        grid.splice(this.top, 1);
        grid.splice(this.bottom, 0, this.blankRow(fill));
      } else {
        grid.splice(this.bottom, 1);
        grid.splice(this.top, 0, this.blankRow(fill));
      }
    }
  }

  private control(privateMarker: string, parameters: string, command: string): void {
    if (privateMarker) return;
    const numbers = parameters.split(';').map((part) => (part === '' ? undefined : Number(part)));
    const first = numbers[0] ?? 1;
    const clampRow = (row: number) => Math.max(0, Math.min(this.rows - 1, row));
    switch (command) {
      case 'A':
        this.row = Math.max(this.row >= this.top ? this.top : 0, this.row - first);
        break;
      case 'B':
        this.row = Math.min(this.row <= this.bottom ? this.bottom : this.rows - 1, this.row + first);
        break;
      case 'C':
        this.column = Math.min(this.columns - 1, this.column + first);
        break;
      case 'D':
        this.column = Math.max(0, this.column - first);
        break;
      case 'E':
        this.row = clampRow(this.row + first);
        this.column = 0;
        break;
      case 'G':
        this.column = Math.min(this.columns - 1, first - 1);
        break;
      case 'H':
        this.row = clampRow((numbers[0] ?? 1) - 1);
        this.column = Math.min(this.columns - 1, (numbers[1] ?? 1) - 1);
        break;
      case 'K':
        this.erase(this.row, parameters === '2' ? 0 : parameters === '1' ? -1 : this.column);
        break;
      case 'J':
        this.erase(this.row, this.column);
        for (let row = this.row + 1; row < this.rows; row++) this.erase(row, 0);
        break;
      case 'r':
        this.top = (numbers[0] ?? 1) - 1;
        this.bottom = (numbers[1] ?? this.rows) - 1;
        this.row = 0;
        this.column = 0;
        break;
      case 'm':
        this.style = applySgr(this.style, parameters);
        break;
      default:
        if (this.strict) throw new Error(`terminal model: unknown control CSI ${parameters}${command}`);
    }
  }

  // From `from` to the end of the row (-1: from the start up to and including the cursor).
  private erase(row: number, from: number): void {
    const [start, end] = from === -1 ? [0, this.column + 1] : [from, this.columns];
    // As xterm (back colour erase): erased cells take the current background.
    const background = this.style
      .split(',')
      .filter((attribute) => attribute.startsWith('bg='))
      .join(',');
    for (let column = start; column < end; column++) {
      this.cells[row]![column] = ' ';
      this.styles[row]![column] = background;
    }
  }

  // The screen's text, one string per row with trailing blanks trimmed.
  screen(): string[] {
    return this.cells.map((row) => row.join('').trimEnd());
  }

  // The screen's text with each cell's SGR state: two screens equal here look the same.
  styledScreen(): string[] {
    return this.cells.map((row, index) => row.map((cell, column) => `${cell}${this.styles[index]![column]}`).join('|'));
  }
}

// The attribute each SGR code sets or clears; colours are one attribute each for foreground and background.
const SGR_SETS: Record<number, [string, string]> = {
  1: ['bold', '1'],
  2: ['dim', '1'],
  3: ['italic', '1'],
  4: ['underline', '1'],
  7: ['inverse', '1'],
  8: ['hidden', '1'],
  9: ['strike', '1'],
};
const SGR_CLEARS: Record<number, string[]> = {
  22: ['bold', 'dim'],
  23: ['italic'],
  24: ['underline'],
  27: ['inverse'],
  28: ['hidden'],
  29: ['strike'],
  39: ['fg'],
  49: ['bg'],
};

function applySgr(style: string, parameters: string): string {
  const attributes = new Map(style ? style.split(',').map((pair) => pair.split('=') as [string, string]) : []);
  const codes = parameters === '' ? [0] : parameters.split(';').map(Number);
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index] ?? 0;
    if (code === 0) attributes.clear();
    else if (SGR_SETS[code]) attributes.set(...SGR_SETS[code]);
    else if (SGR_CLEARS[code]) for (const name of SGR_CLEARS[code]) attributes.delete(name);
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) attributes.set('fg', String(code));
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) attributes.set('bg', String(code));
    else if (code === 38 || code === 48) {
      const length = codes[index + 1] === 5 ? 2 : 4;
      attributes.set(code === 38 ? 'fg' : 'bg', codes.slice(index + 1, index + 1 + length).join(':'));
      index += length;
    }
  }
  return [...attributes]
    .map(([name, value]) => `${name}=${value}`)
    .sort()
    .join(',');
}
