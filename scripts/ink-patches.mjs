// The fixes build.mjs applies to the bundled Ink 6.8 and its tokenizer (both pinned exactly in package.json).
// Each patch names the one file it changes and a `from` text that must occur in it exactly once: none (Ink changed)
// or several (the replacement would be ambiguous) fails the build naming the patch, and a patch whose file was
// never bundled (renamed, moved to dist/) fails it at the end. The code a patch injects lives in real modules
// (src/ui/render/, type-checked and unit-tested), imported into the patched file.
import {readFile} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';

const renderModule = (name) => fileURLToPath(new URL(`../src/ui/render/${name}.ts`, import.meta.url));

export const inkPatches = [
  {
    name: 'cursor-up',
    // Upstream: fixed in Ink 7.0.0 (PR #910, "Fix incremental rendering for trailing newline"); Ink 7 needs
    // Node 22, kview supports Node 20. The incremental renderer moves the cursor up one line too few when the
    // previous frame ended with a newline (every frame shorter than the terminal does), so each frame lands one
    // line lower until the screen scrolls.
    file: /ink[\\/]build[\\/]log-update\.js$/,
    from: 'buffer.push(ansiEscapes.cursorUp(previousVisible - 1));',
    to: "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));",
  },
  {
    name: 'scroll-region',
    // Upstream: not in Ink (7.1 rewrites every shifted row). src/ui/render/scroll-region.ts says why.
    file: /ink[\\/]build[\\/]log-update\.js$/,
    from: '        for (let i = 0; i < visibleCount; i++) {\n            const isLastLine = i === visibleCount - 1;',
    to:
      '        if (visibleCount === previousVisible) previousLines = __kviewScrollRegion(previousLines, nextLines, visibleCount, buffer);\n' +
      '        for (let i = 0; i < visibleCount; i++) {\n            const isLastLine = i === visibleCount - 1;',
    imports: {scrollRegion: ['__kviewScrollRegion', renderModule('scroll-region')]},
  },
  {
    name: 'changed-cells',
    // Upstream: not in Ink (7.1 rewrites a changed line whole). src/ui/render/line-update.ts says why.
    file: /ink[\\/]build[\\/]log-update\.js$/,
    from: '            buffer.push(ansiEscapes.cursorTo(0) +\n                nextLines[i] +\n                ansiEscapes.eraseEndLine +\n',
    to:
      "            const changedCells = hasTrailingNewline && i < previousVisible ? __kviewLineUpdate(previousLines[i] ?? '', nextLines[i]) : undefined;\n" +
      '            buffer.push((changedCells ?? (__kviewCloseStyles() + ansiEscapes.cursorTo(0) + nextLines[i] + ansiEscapes.eraseEndLine)) +\n',
    imports: {
      lineUpdate: ['__kviewLineUpdate', renderModule('line-update')],
      closeStyles: ['__kviewCloseStyles', renderModule('line-update')],
    },
  },
  {
    name: 'joined-line-skips',
    // Upstream: not in Ink. src/ui/render/line-update.ts (joinLineSkips) says why.
    file: /ink[\\/]build[\\/]log-update\.js$/,
    from: "        stream.write(buffer.join(''));",
    to: '        stream.write(__kviewJoinLineSkips(buffer));',
    imports: {joinLineSkips: ['__kviewJoinLineSkips', renderModule('line-update')]},
  },
  {
    name: 'shared-output-caches',
    // Upstream: not in Ink (7.1 still makes new caches per frame). src/ui/render/row-cached-output.ts says why.
    file: /ink[\\/]build[\\/]output\.js$/,
    from: '    caches = new OutputCaches();',
    to: '    caches = __kviewSharedOutputCaches(() => new OutputCaches());',
    imports: {sharedOutputCaches: ['__kviewSharedOutputCaches', renderModule('row-cached-output')]},
  },
  {
    name: 'unstyled-cells',
    // Upstream: not in @alcalzone/ansi-tokenize 0.2.5. Turning a frame back into text diffs the styles of every
    // pair of neighbouring cells; most cells (padding and plain text) have none, and two unstyled cells need no
    // diff at all (the diff of two empty style lists is empty, so the output is the same).
    file: /ansi-tokenize[\\/]build[\\/]styledChars\.js$/,
    from: '            ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
    to:
      '            if (char.styles.length > 0 || chars[i - 1].styles.length > 0) ' +
      'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
  },
  {
    name: 'row-cached-get',
    // Upstream: not in Ink; Ink 7 fixed splitting wide characters on overlapping writes (#930) in the get() this
    // replaces, which would have to be ported on an upgrade. src/ui/render/row-cached-output.ts says why.
    file: /ink[\\/]build[\\/]output\.js$/,
    from: '    get() {\n        // Initialize output array with a specific set of rows',
    to:
      '    get() {\n        return __kviewRowCachedGet(this, sliceAnsi, styledCharsToString);\n    }\n' +
      '    uncachedGet() {\n        // Initialize output array with a specific set of rows',
    imports: {rowCachedGet: ['__kviewRowCachedGet', renderModule('row-cached-output')]},
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
  },
];

function occurrences(source, text) {
  let count = 0;
  for (let at = source.indexOf(text); at !== -1; at = source.indexOf(text, at + 1)) count++;
  return count;
}

// Applies one patch to a file's source; throws (naming the patch) unless its text occurs exactly once.
export function applyPatch(source, patch, path = patch.name) {
  const found = occurrences(source, patch.from);
  if (found !== 1) {
    throw new Error(
      `ink patch '${patch.name}': its text occurs ${found} times in ${path}, not once; re-check it in scripts/ink-patches.mjs`,
    );
  }
  for (const expected of patch.expect ?? []) {
    if (occurrences(source, expected) !== 1) {
      throw new Error(`ink patch '${patch.name}': ${path} changed where the patch reproduces it`);
    }
  }
  // Sliced, not String.replace: a replacement string would expand $& and $' in the injected code.
  const at = source.indexOf(patch.from);
  const patched = source.slice(0, at) + patch.to + source.slice(at + patch.from.length);
  const imports = Object.entries(patch.imports ?? {}).map(
    ([name, [local, module]]) => `import {${name} as ${local}} from ${JSON.stringify(module)};\n`,
  );
  return imports.join('') + patched;
}

// The esbuild plugin: one loader for every patched file, so several patches can apply to the same file; at the
// end of the build every patch must have been applied (a patch whose file was not bundled fails it).
export function inkPatchesPlugin(patches = inkPatches) {
  return {
    name: 'ink-patches',
    setup(plugin) {
      const applied = new Set();
      plugin.onStart(() => applied.clear());
      plugin.onLoad(
        {filter: /(ink[\\/]build[\\/](log-update|output)|ansi-tokenize[\\/]build[\\/]styledChars)\.js$/},
        async (args) => {
          let source = await readFile(args.path, 'utf8');
          for (const patch of patches.filter((entry) => entry.file.test(args.path))) {
            if (applied.has(patch.name))
              throw new Error(`ink patch '${patch.name}': a second file matches (${args.path})`);
            source = applyPatch(source, patch, args.path);
            applied.add(patch.name);
          }
          return {contents: source, loader: 'js'};
        },
      );
      plugin.onEnd((result) => {
        if (result.errors.length > 0) return;
        const missing = patches.filter((patch) => !applied.has(patch.name)).map((patch) => patch.name);
        if (missing.length > 0) {
          return {errors: [{text: `ink patches not applied (their file was not bundled): ${missing.join(', ')}`}]};
        }
      });
    },
  };
}
