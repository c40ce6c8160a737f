// Injected into Ink's Output (output.js) by build.mjs; not upstream (Ink 7.1 still builds the whole grid and new
// caches for every frame).
//
// Output.get() turns the frame into text by filling a grid of width x height cell objects and styling every row,
// although between two keystrokes most rows are the same. rowCachedGet collects each row's writes first and reuses
// the row's text when the same writes were made before (a bounded cache); only changed rows are styled. The row's
// key is its writes (x and text, length-prefixed), so a hit is exactly the same row. It reproduces Ink 6.8's get():
// clipping, the skipped line that does not advance the row, and wide characters' empty continuation cells
// (test/unit/ink-patches.test.ts compares the two on random frames).

export interface StyledChar {
  type: string;
  value: string;
  fullWidth: boolean;
  styles: readonly unknown[];
}

export interface OutputCachesLike {
  styledChars: Map<string, unknown>;
  widths: Map<string, unknown>;
  blockWidths: Map<string, unknown>;
  getStyledChars(line: string): StyledChar[];
  getStringWidth(text: string): number;
  getWidestLine(text: string): number;
}

interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

type Operation =
  | {type: 'write'; x: number; y: number; text: string; transformers: Array<(line: string, index: number) => string>}
  | {type: 'clip'; clip: Clip}
  | {type: 'unclip'};

export interface OutputLike {
  width: number;
  height: number;
  operations: readonly Operation[];
  caches: OutputCachesLike;
}

// Entries in all three maps of one OutputCaches before it is replaced by an empty one: a frame of a 200x50 table
// needs a few hundred, so several thousand keep every recent frame's rows without growing without bound.
const MAX_CACHED_ENTRIES = 12_000;
let sharedCaches: OutputCachesLike | undefined;

// Each frame builds a new Output whose caches start empty, so every unchanged line was re-tokenized on every
// keystroke (most of a frame's cost on a 200x50 table). One bounded cache shared by all frames keeps them.
export function sharedOutputCaches(create: () => OutputCachesLike): OutputCachesLike {
  const size = (caches: OutputCachesLike) => caches.styledChars.size + caches.widths.size + caches.blockWidths.size;
  if (!sharedCaches || size(sharedCaches) > MAX_CACHED_ENTRIES) sharedCaches = create();
  return sharedCaches;
}

const BLANK_CELL: StyledChar = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
const MAX_CACHED_ROWS = 4000;
let rowTexts = new Map<string, string>();

export function rowCachedGet(
  output: OutputLike,
  sliceAnsi: (text: string, from: number, to?: number) => string,
  styledCharsToString: (chars: StyledChar[]) => string,
): {output: string; height: number} {
  const rowWrites = Array.from({length: output.height}, (): string[] => []);
  const clips: Clip[] = [];
  for (const operation of output.operations) {
    if (operation.type === 'clip') clips.push(operation.clip);
    if (operation.type === 'unclip') clips.pop();
    if (operation.type !== 'write') continue;
    const {text, transformers} = operation;
    let {x, y} = operation;
    let lines = text.split('\n');
    const clip = clips.at(-1);
    if (clip) {
      const {x1, x2, y1, y2} = clip;
      const clipHorizontally = typeof x1 === 'number' && typeof x2 === 'number';
      const clipVertically = typeof y1 === 'number' && typeof y2 === 'number';
      if (clipHorizontally) {
        const width = output.caches.getWidestLine(text);
        if (x + width < x1 || x > x2) continue;
      }
      if (clipVertically && (y + lines.length < y1 || y > y2)) continue;
      if (clipHorizontally) {
        lines = lines.map((line) => {
          const from = x < x1 ? x1 - x : 0;
          const width = output.caches.getStringWidth(line);
          const to = x + width > x2 ? x2 - x : width;
          return sliceAnsi(line, from, to);
        });
        if (x < x1) x = x1;
      }
      if (clipVertically) {
        const from = y < y1 ? y1 - y : 0;
        const height = lines.length;
        const to = y + height > y2 ? y2 - y : height;
        lines = lines.slice(from, to);
        if (y < y1) y = y1;
      }
    }
    let offsetY = 0;
    for (const [index, written] of lines.entries()) {
      const writes = rowWrites[y + offsetY];
      // As the original: a line outside the frame is skipped without moving to the next row.
      if (!writes) continue;
      let line = written;
      for (const transformer of transformers) line = transformer(line, index);
      writes.push(`${x}:${line.length}:${line}`);
      offsetY++;
    }
  }
  if (rowTexts.size > MAX_CACHED_ROWS) rowTexts = new Map();
  const texts = rowWrites.map((writes) => {
    const key = `${output.width}|${writes.join('')}`;
    let text = rowTexts.get(key);
    if (text !== undefined) return text;
    const row = new Array<StyledChar | undefined>(output.width).fill(BLANK_CELL);
    for (const write of writes) {
      const first = write.indexOf(':');
      const second = write.indexOf(':', first + 1);
      let offsetX = Number(write.slice(0, first));
      for (const character of output.caches.getStyledChars(write.slice(second + 1))) {
        row[offsetX] = character;
        const characterWidth = Math.max(1, output.caches.getStringWidth(character.value));
        for (let index = 1; index < characterWidth; index++) {
          row[offsetX + index] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
        }
        offsetX += characterWidth;
      }
    }
    text = styledCharsToString(row.filter((item): item is StyledChar => item !== undefined)).trimEnd();
    rowTexts.set(key, text);
    return text;
  });
  return {output: texts.join('\n'), height: rowWrites.length};
}
