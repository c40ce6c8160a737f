import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import stringWidth from 'string-width';
import {applyPatch, inkPatches, inkPatchesPlugin} from '../../scripts/ink-patches.mjs';
import type {InkPatch} from '../../scripts/ink-patches.mjs';
import {scrollRegion} from '../../src/ui/render/scroll-region.js';
import {TerminalModel} from './terminal-model.js';

// The patched Ink (as build.mjs bundles it) against Ink's own code, both bundled here from node_modules.
const root = new URL('../../', import.meta.url).pathname;
const inkFile = (name: string) => join(root, 'node_modules/ink/build', name);

interface OutputInstance {
  write(
    x: number,
    y: number,
    text: string,
    options: {transformers: Array<(line: string, index: number) => string>},
  ): void;
  clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
  unclip(): void;
  get(): {output: string; height: number};
}
interface LogUpdate {
  create(stream: {write(text: string): boolean}, options: {incremental: boolean}): (text: string) => boolean;
}
interface InkParts {
  Output: new (options: {width: number; height: number}) => OutputInstance;
  logUpdate: LogUpdate;
}

const directory = mkdtempSync(join(tmpdir(), 'kview-ink-patches-'));
test.after(() => rmSync(directory, {recursive: true, force: true}));

async function bundle(name: string, contents: string, patches?: InkPatch[]): Promise<string> {
  const outfile = join(directory, `${name}.mjs`);
  await build({
    stdin: {contents, resolveDir: root, loader: 'js'},
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'silent',
    // As build.mjs: signal-exit (CommonJS, under log-update's cli-cursor) calls require('assert').
    banner: {js: "import {createRequire} from 'node:module'; const require = createRequire(import.meta.url);"},
    plugins: patches ? [inkPatchesPlugin(patches)] : [],
  });
  return outfile;
}

const entry =
  `export {default as Output} from ${JSON.stringify(inkFile('output.js'))};\n` +
  `export {default as logUpdate} from ${JSON.stringify(inkFile('log-update.js'))};\n`;
const load = async (name: string, patches?: InkPatch[]) =>
  (await import(pathToFileURL(await bundle(name, entry, patches)).href)) as InkParts;
let loaded: Promise<[InkParts, InkParts]> | undefined;
const bothInks = () => (loaded ??= Promise.all([load('patched', inkPatches), load('original')]));

// A deterministic generator, so a failure is reproducible from its seed.
function random(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!,
  };
}

// Plain letters, wide characters (CJK, emoji), combining marks, and SGR-styled runs: what pod names, log lines and
// kview's colours put into a frame.
const PIECES = [
  'a',
  'bc',
  'pod-1',
  ' ',
  '中',
  '文字',
  '😀',
  'e\u0301',
  'n\u0303o',
  '\u001B[31mred\u001B[39m',
  '\u001B[1m\u001B[36mbold cyan\u001B[39m\u001B[22m',
  '\u001B[7m中x\u001B[27m',
  '\u001B[44mon blue\u001B[49m',
  'ok',
];

function text(generator: ReturnType<typeof random>, maxPieces: number, lines = 1): string {
  return Array.from({length: lines}, () =>
    Array.from({length: 1 + generator.int(maxPieces)}, () => generator.pick(PIECES)).join(''),
  ).join('\n');
}

test('each patch applies exactly once: missing or repeated text fails naming the patch; $ patterns stay verbatim', () => {
  const patch: InkPatch = {name: 'demo', file: /x/, from: 'A();', to: "B('$&$`');"};
  assert.equal(applyPatch('one A(); two', patch), "one B('$&$`'); two");
  assert.throws(() => applyPatch('nothing here', patch), /ink patch 'demo': its text occurs 0 times/);
  assert.throws(() => applyPatch('A(); A();', patch), /ink patch 'demo': its text occurs 2 times/);
  const withImport = applyPatch('A();', {...patch, imports: {helper: ['__helper', '/x/helper.ts']}});
  assert.ok(withImport.startsWith('import {helper as __helper} from "/x/helper.ts";\n'));
});

test('a patch whose file is not bundled fails the build, naming it', async () => {
  const onlyOutput = `export {default} from ${JSON.stringify(inkFile('output.js'))};\n`;
  await assert.rejects(
    bundle('only-output', onlyOutput, inkPatches),
    /ink patches not applied \(their file was not bundled\): cursor-up, scroll-region, changed-cells, joined-line-skips$/,
  );
});

test('the patched Output.get() gives exactly Ink’s text on random frames (wide, combining, styled, clipped)', async () => {
  const [ours, theirs] = await bothInks();
  for (let seed = 1; seed <= 400; seed++) {
    const generator = random(seed);
    const width = 1 + generator.int(30);
    const height = 1 + generator.int(8);
    const operations: Array<(output: OutputInstance) => void> = [];
    let open = 0;
    for (let count = generator.int(14); count > 0; count--) {
      const choice = generator.next();
      if (choice < 0.15) {
        const x1 = generator.int(width + 4) - 2;
        const y1 = generator.int(height + 2) - 1;
        const clip = {
          ...(generator.next() < 0.8 ? {x1, x2: x1 + generator.int(width)} : {}),
          ...(generator.next() < 0.6 ? {y1, y2: y1 + generator.int(height)} : {}),
        };
        operations.push((output) => output.clip(clip));
        open++;
      } else if (choice < 0.22 && open > 0) {
        operations.push((output) => output.unclip());
        open--;
      } else {
        const x = generator.int(width + 3) - 1;
        const y = generator.int(height + 2) - 1;
        const content = text(generator, 6, 1 + generator.int(3));
        const transformers =
          generator.next() < 0.2 ? [(line: string, index: number) => `\u001B[2m${index}${line}\u001B[22m`] : [];
        operations.push((output) => output.write(x, y, content, {transformers}));
      }
    }
    // Twice: the second frame is served from the patched code's caches.
    for (let frame = 0; frame < 2; frame++) {
      const mine = new ours.Output({width, height});
      const inks = new theirs.Output({width, height});
      for (const operation of operations) {
        operation(mine);
        operation(inks);
      }
      assert.deepEqual(mine.get(), inks.get(), `seed ${seed}, frame ${frame}`);
    }
  }
});

// Frames as kview's full-screen root makes them (shorter than the terminal, ending in a newline), each the last
// one changed as a table or a followed log changes: rows shifted up or down (scrolling), a few rows changed, or
// the same frame with a cursor moved.
function frames(seed: number, rows: number, columns: number): string[] {
  const generator = random(seed);
  // Lines never wider than the terminal: kview's rows are cut to its width.
  const fit = (pieces: string[], room: number) => {
    const kept: string[] = [];
    for (const piece of pieces) {
      if (stringWidth([...kept, piece].join('')) > room) break;
      kept.push(piece);
    }
    return kept;
  };
  const line = (room = columns) =>
    fit(
      Array.from({length: 40}, () => generator.pick(PIECES)),
      room,
    );
  // A few cells changed inside a row, as an AGE that ticks or a status that changes.
  const edit = (pieces: string[]) => {
    const changed = [...pieces];
    changed[generator.int(Math.max(1, changed.length))] = generator.pick(PIECES);
    return fit(changed, columns);
  };
  let lines = Array.from({length: rows - 1}, () => line());
  const result: string[] = [];
  for (let step = 0; step < 40; step++) {
    const choice = generator.next();
    const shift = 1 + generator.int(4);
    if (choice < 0.25) lines = [...lines.slice(shift), ...Array.from({length: shift}, () => line())];
    else if (choice < 0.45) lines = [...Array.from({length: shift}, () => line()), ...lines.slice(0, -shift)];
    else if (choice < 0.65) lines = lines.map((existing) => (generator.next() < 0.15 ? line() : existing));
    else lines = lines.map((existing) => (generator.next() < 0.5 ? edit(existing) : existing));
    if (generator.next() < 0.3) lines[generator.int(lines.length)] = ['> ', ...line(columns - 2)];
    result.push(`${lines.map((pieces) => pieces.join('')).join('\n')}\n`);
  }
  return result;
}

test('the patched incremental renderer (cursor fix, scroll regions, changed cells) leaves the screen Ink’s full redraw leaves', async () => {
  const [ours, theirs] = await bothInks();
  const atTop = Symbol.for('kview.frameAtScreenTop');
  Reflect.set(globalThis, atTop, true);
  let scrolled = 0;
  let spans = 0;
  try {
    for (let seed = 1; seed <= 60; seed++) {
      const rows = 8 + (seed % 12);
      const columns = 20 + (seed % 30);
      const incremental = new TerminalModel(columns, rows);
      const redrawn = new TerminalModel(columns, rows);
      const sink = (model: TerminalModel, onWrite?: (text: string) => void) => ({
        write(data: string) {
          onWrite?.(data);
          model.write(data);
          return true;
        },
      });
      const renderOurs = ours.logUpdate.create(
        sink(incremental, (data) => {
          if (data.includes('r\u001B[')) scrolled++;
          if (/\u001B\[\d+G(?!\u001B\[\d+[A-Z])/.test(data.replace(/\u001B\[1G/g, ''))) spans++;
        }),
        {incremental: true},
      );
      const renderInks = theirs.logUpdate.create(sink(redrawn), {incremental: false});
      for (const [index, frame] of frames(seed, rows, columns).entries()) {
        renderOurs(frame);
        renderInks(frame);
        assert.deepEqual(incremental.styledScreen(), redrawn.styledScreen(), `seed ${seed}, frame ${index}`);
      }
    }
  } finally {
    Reflect.deleteProperty(globalThis, atTop);
  }
  assert.ok(scrolled > 20, `scroll regions were used (${scrolled} times)`);
  assert.ok(spans > 20, `changed cells were written alone (${spans} frames)`);
});

test('scrollRegion scrolls only a frame at the screen top, and only for a long shifted run', () => {
  const previous = Array.from({length: 10}, (_, index) => `row ${index}`);
  const next = [...previous.slice(1), 'row 10'];
  const buffer: string[] = [];
  assert.equal(scrollRegion(previous, next, 10, buffer, false), previous);
  assert.deepEqual(buffer, []);
  const screen = scrollRegion(previous, next, 10, buffer, true);
  assert.deepEqual(screen, [...previous.slice(1), '']);
  assert.deepEqual(buffer, ['\u001B7\u001B[1;10r\u001B[10;1H\n\u001B[r\u001B8']);
  const changedEverywhere = previous.map((row) => `${row}!`);
  assert.equal(scrollRegion(previous, changedEverywhere, 10, [], true), previous);
});
