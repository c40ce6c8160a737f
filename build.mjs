// Bundles kview into one ESM file: a bundle starts in ~0.4 s where the unbundled tree takes ~1.8 s
// (client-node alone is ~1000 files).
import {readFile} from 'node:fs/promises';
import {build} from 'esbuild';

// Fixes to the bundled Ink 6.8 and its tokenizer, each checked: the build fails if the code it replaces is no longer there.
const inkPatches = [
  {
    // The incremental renderer moves the cursor up one line too few when the previous frame ended with a newline
    // (every frame shorter than the terminal does), so each frame lands one line lower until the screen scrolls.
    file: /ink[\\/]build[\\/]log-update\.js$/,
    from: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
    to: "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));",
  },
  {
    // Moving the cursor past the edge of a table shifts every row by one (a followed log by the lines it got),
    // and the incremental renderer rewrote them all (about 5 KB per keystroke on a 200x50 terminal, slow over
    // SSH). When the frame sits at the top of the screen (kview's full-screen mode says so) and a run of rows is
    // the previous frame's shifted, the terminal scrolls that region itself (DECSTBM and line feeds or reverse
    // indexes, as vim and less do) and only the rows that really changed are written.
    file: /ink[\\/]build[\\/]log-update\.js$/,
    from: '        for (let i = 0; i < visibleCount; i++) {\n            const isLastLine = i === visibleCount - 1;',
    to:
      '        if (visibleCount === previousVisible) previousLines = scrollRegion(previousLines, nextLines, visibleCount, buffer);\n' +
      '        for (let i = 0; i < visibleCount; i++) {\n            const isLastLine = i === visibleCount - 1;',
    append: `
// Worth a scroll only for a long run of shifted rows; a log that got many lines at once shifts by more than one.
const MIN_SCROLLED_ROWS = 6;
const MAX_SHIFT = 40;
function longestRun(count, matches) {
  let best = {start: 0, length: 0};
  let start = 0;
  for (let row = 0; row <= count; row++) {
    if (row < count && matches(row)) continue;
    if (row - start > best.length) best = {start, length: row - start};
    start = row + 1;
  }
  return best;
}
// Returns what the screen holds after the scroll it asks the terminal for (or the previous lines unchanged).
function scrollRegion(previousLines, nextLines, count, buffer) {
  if (globalThis[Symbol.for('kview.frameAtScreenTop')] !== true) return previousLines;
  let best = {start: 0, length: 0, shift: 0};
  for (let shift = 1; shift <= Math.min(MAX_SHIFT, count - MIN_SCROLLED_ROWS); shift++) {
    // Up: the new row r shows the old row r + shift (the cursor went down past the window, a log grew).
    const up = longestRun(count - shift, (row) => nextLines[row] === previousLines[row + shift]
      && nextLines[row] !== previousLines[row]);
    // Down: the new row r + shift shows the old row r.
    const down = longestRun(count - shift, (row) => nextLines[row + shift] === previousLines[row]
      && nextLines[row + shift] !== previousLines[row + shift]);
    if (up.length > best.length) best = {...up, shift};
    if (down.length > best.length) best = {...down, shift: -shift};
  }
  if (best.length < MIN_SCROLLED_ROWS) return previousLines;
  const shift = Math.abs(best.shift);
  // The region is the run and the rows it scrolls into; 1-based, inclusive, as DECSTBM takes it.
  const top = best.start + 1;
  const bottom = best.start + best.length + shift;
  const screen = [...previousLines];
  if (best.shift > 0) {
    for (let row = best.start; row < best.start + best.length; row++) screen[row] = previousLines[row + shift];
    for (let row = best.start + best.length; row < bottom; row++) screen[row] = '';
    buffer.push('\\u001B7\\u001B[' + top + ';' + bottom + 'r\\u001B[' + bottom + ';1H' + '\\n'.repeat(shift)
      + '\\u001B[r\\u001B8');
  } else {
    for (let row = best.start; row < best.start + best.length; row++) screen[row + shift] = previousLines[row];
    for (let row = best.start; row < best.start + shift; row++) screen[row] = '';
    buffer.push('\\u001B7\\u001B[' + top + ';' + bottom + 'r\\u001B[' + top + ';1H' + '\\u001BM'.repeat(shift)
      + '\\u001B[r\\u001B8');
  }
  return screen;
}
`,
  },
  {
    // Each frame builds a new Output whose caches start empty, so every unchanged line is re-tokenized on every
    // keystroke (most of a frame's cost on a 200x50 table). One bounded cache shared by all frames keeps them.
    file: /ink[\\/]build[\\/]output\.js$/,
    from: '    caches = new OutputCaches();',
    to: '    caches = sharedOutputCaches();',
    append: `
let sharedCaches;
function sharedOutputCaches() {
  if (!sharedCaches || sharedCaches.styledChars.size > 4000) sharedCaches = new OutputCaches();
  return sharedCaches;
}
`,
  },
  {
    // Turning a frame back into text diffs the styles of every pair of neighbouring cells; most cells (padding and
    // plain text) have none, and two unstyled cells need no diff at all.
    file: /ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    from: '            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
    to:
      '            if (char.styles.length > 0 || chars[i - 1].styles.length > 0) ' +
      'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
  },
  {
    // Output.get() turns the frame into text by filling a grid of width x height cell objects and styling every
    // row, although between two keystrokes most rows are the same. It now collects each row's writes first and
    // reuses the row's text when the same writes were made before (a bounded cache); only changed rows are
    // styled. The row's key is its writes (x and text, length-prefixed), so a hit is exactly the same row.
    file: /ink[\\/]build[\\/]output\.js$/,
    from: '    get() {\n        // Initialize output array with a specific set of rows',
    to:
      '    get() {\n        return rowCachedGet(this, sliceAnsi, styledCharsToString);\n    }\n' +
      '    uncachedGet() {\n        // Initialize output array with a specific set of rows',
    // The parts of the original the replacement reproduces; if any changed, the replacement must be re-checked.
    expect: [
      '                    // Line can be missing if `text` is taller than height of pre-initialized `this.output`\n' +
        '                    if (!currentLine) {\n                        continue;\n                    }\n' +
        '                    for (const transformer of transformers) {\n' +
        '                        line = transformer(line, index);\n                    }\n',
      '                        if (x + width < clip.x1 || x > clip.x2) {',
      '                        if (y + height < clip.y1 || y > clip.y2) {',
      '                            const to = x + width > clip.x2 ? clip.x2 - x : width;\n' +
        '                            return sliceAnsi(line, from, to);',
      '                        const to = y + height > clip.y2 ? clip.y2 - y : height;\n' +
        '                        lines = lines.slice(from, to);',
      '            return styledCharsToString(lineWithoutEmptyItems).trimEnd();',
    ],
    append: `
const BLANK_CELL = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});
let rowTexts = new Map();
function rowCachedGet(output, sliceAnsi, styledCharsToString) {
  const rowWrites = Array.from({length: output.height}, () => []);
  const clips = [];
  for (const operation of output.operations) {
    if (operation.type === 'clip') clips.push(operation.clip);
    if (operation.type === 'unclip') clips.pop();
    if (operation.type !== 'write') continue;
    const {text, transformers} = operation;
    let {x, y} = operation;
    let lines = text.split('\\n');
    const clip = clips.at(-1);
    if (clip) {
      const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
      const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
      if (clipHorizontally) {
        const width = output.caches.getWidestLine(text);
        if (x + width < clip.x1 || x > clip.x2) continue;
      }
      if (clipVertically && (y + lines.length < clip.y1 || y > clip.y2)) continue;
      if (clipHorizontally) {
        lines = lines.map((line) => {
          const from = x < clip.x1 ? clip.x1 - x : 0;
          const width = output.caches.getStringWidth(line);
          const to = x + width > clip.x2 ? clip.x2 - x : width;
          return sliceAnsi(line, from, to);
        });
        if (x < clip.x1) x = clip.x1;
      }
      if (clipVertically) {
        const from = y < clip.y1 ? clip.y1 - y : 0;
        const height = lines.length;
        const to = y + height > clip.y2 ? clip.y2 - y : height;
        lines = lines.slice(from, to);
        if (y < clip.y1) y = clip.y1;
      }
    }
    let offsetY = 0;
    for (let [index, line] of lines.entries()) {
      const writes = rowWrites[y + offsetY];
      // As the original: a line outside the frame is skipped without moving to the next row.
      if (!writes) continue;
      for (const transformer of transformers) line = transformer(line, index);
      writes.push(\`\${x}:\${line.length}:\${line}\`);
      offsetY++;
    }
  }
  if (rowTexts.size > 4000) rowTexts = new Map();
  const texts = rowWrites.map((writes) => {
    const key = \`\${output.width}|\${writes.join('')}\`;
    let text = rowTexts.get(key);
    if (text !== undefined) return text;
    const row = new Array(output.width).fill(BLANK_CELL);
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
    text = styledCharsToString(row.filter((item) => item !== undefined)).trimEnd();
    rowTexts.set(key, text);
    return text;
  });
  return {output: texts.join('\\n'), height: rowWrites.length};
}
`,
  },
];
const inkFixes = {
  name: 'ink-fixes',
  setup(plugin) {
    // One loader for every patched file, so several patches can apply to the same file.
    plugin.onLoad(
      {filter: /(ink[\\/]build[\\/](log-update|output)|ansi-tokenize[\\/]build[\\/]styledChars)\.js$/},
      async (args) => {
        let source = await readFile(args.path, 'utf8');
        for (const patch of inkPatches.filter((entry) => entry.file.test(args.path))) {
          for (const expected of [patch.from, ...(patch.expect ?? [])]) {
            if (!source.includes(expected))
              throw new Error(`ink changed; re-check the patch in build.mjs (${args.path})`);
          }
          source = source.replace(patch.from, patch.to) + (patch.append ?? '');
        }
        return {contents: source, loader: 'js'};
      },
    );
  },
};

await build({
  entryPoints: ['src/cli/entry.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  outfile: 'dist/kview.mjs',
  define: {'process.env.NODE_ENV': '"production"'},
  // ink imports react-devtools-core only when DEV is set; it is an optional peer that is not installed.
  // tr46 (under client-node's node-fetch) requires Node's deprecated punycode module, which prints a
  // DeprecationWarning onto the screen on Node 22+; the userland package of the same code is bundled instead.
  alias: {'react-devtools-core': './src/ui/devtools-stub.ts', punycode: 'punycode/'},
  // signal-exit (CommonJS) calls require('assert'), which an ESM bundle only has through createRequire.
  banner: {
    js: "import {createRequire as __kviewCreateRequire} from 'node:module'; const require = __kviewCreateRequire(import.meta.url);",
  },
  plugins: [inkFixes],
  logLevel: 'warning',
  legalComments: 'none',
});
