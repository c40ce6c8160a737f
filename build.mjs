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
    to: '            if (char.styles.length > 0 || chars[i - 1].styles.length > 0) '
      + 'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
  },
];
const inkFixes = {
  name: 'ink-fixes',
  setup(plugin) {
    for (const patch of inkPatches) {
      plugin.onLoad({filter: patch.file}, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(patch.from)) throw new Error(`ink changed; re-check the patch in build.mjs (${args.path})`);
        return {contents: source.replace(patch.from, patch.to) + (patch.append ?? ''), loader: 'js'};
      });
    }
  },
};

await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  outfile: 'dist/kview.mjs',
  define: {'process.env.NODE_ENV': '"production"'},
  // ink imports react-devtools-core only when DEV is set; it is an optional peer that is not installed.
  alias: {'react-devtools-core': './src/ui/devtools-stub.ts'},
  // signal-exit (CommonJS) calls require('assert'), which an ESM bundle only has through createRequire.
  banner: {js: "import {createRequire as __kviewCreateRequire} from 'node:module'; const require = __kviewCreateRequire(import.meta.url);"},
  plugins: [inkFixes],
  logLevel: 'warning',
  legalComments: 'none',
});
