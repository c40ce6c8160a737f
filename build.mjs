// Bundles kview into one ESM file: a bundle starts in ~0.4 s where the unbundled tree takes ~1.8 s
// (client-node alone is ~1000 files).
import {build} from 'esbuild';
import {inkPatchesPlugin} from './scripts/ink-patches.mjs';

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
  // Fixes to the bundled Ink and its tokenizer, each applied exactly once or the build fails: scripts/ink-patches.mjs.
  plugins: [inkPatchesPlugin()],
  logLevel: 'warning',
  legalComments: 'none',
});
