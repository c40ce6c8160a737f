// `npm run build:binary`: kview as one executable for nodes without Node.js (Node's single-executable
// applications). The ESM bundle is embedded as an asset into the Node 24 LTS binary next to a small CommonJS main
// (src/cli/sea-main.ts) that evaluates it; postject (its command line) writes the blob into the binary, as Node 24 has no
// --build-sea. An xz copy is made for copying to nodes. Output: dist/kview-linux-x64 and dist/kview-linux-x64.xz.
import {execFileSync, spawnSync} from 'node:child_process';
import {chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {build} from 'esbuild';
import {ensureNode, SEA_NODE_VERSION} from './node-release.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export const binaryPath = join(root, 'dist', 'kview-linux-x64');
// The fuse Node checks to know that a blob was injected (the value Node's documentation gives).
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

// postject's ELF writer prints harmless warnings about note sections; its output is shown only when it fails.
const postject = join(root, 'node_modules', 'postject', 'dist', 'cli.js');

function quietly(command: string, args: string[]): void {
  const run = spawnSync(command, args, {encoding: 'utf8'});
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stdout}${run.stderr}`);
}

export async function buildBinary(options: {compress: boolean}): Promise<string> {
  execFileSync(process.execPath, [join(root, 'build.mjs')], {stdio: 'inherit'});
  const node = ensureNode(SEA_NODE_VERSION);
  const work = mkdtempSync(join(tmpdir(), 'kview-sea-'));
  try {
    const main = join(work, 'sea-main.cjs');
    await build({
      entryPoints: [join(root, 'src/cli/sea-main.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node24',
      outfile: main,
      logLevel: 'warning',
    });
    const blob = join(work, 'kview.blob');
    const config = join(work, 'sea.json');
    writeFileSync(
      config,
      JSON.stringify({
        main,
        output: blob,
        assets: {'kview.mjs': join(root, 'dist', 'kview.mjs')},
        disableExperimentalSEAWarning: true,
        // Whatever the embedded runtime would warn about (vm modules are experimental) would land on the
        // operator's full-screen view; kview reports its own problems. NODE_OPTIONS on the node is not read.
        execArgv: ['--no-warnings', '--experimental-vm-modules'],
        execArgvExtension: 'none',
        useCodeCache: false,
        useSnapshot: false,
      }),
    );
    quietly(node, ['--experimental-sea-config', config]);
    rmSync(binaryPath, {force: true});
    copyFileSync(node, binaryPath);
    chmodSync(binaryPath, 0o755);
    quietly(process.execPath, [postject, binaryPath, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE]);
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
  if (options.compress) execFileSync('xz', ['-T0', '-6', '--keep', '--force', binaryPath]);
  return binaryPath;
}

// The binary for the tests: built (uncompressed) unless one newer than the bundle it embeds is there already.
export async function ensureBinary(): Promise<string> {
  const bundle = join(root, 'dist', 'kview.mjs');
  const fresh =
    existsSync(binaryPath) && existsSync(bundle) && statSync(binaryPath).mtimeMs >= statSync(bundle).mtimeMs;
  return fresh ? binaryPath : buildBinary({compress: false});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const compress = !process.argv.includes('--no-compress');
  const binary = await buildBinary({compress});
  const size = (path: string) => `${(statSync(path).size / 1024 / 1024).toFixed(1)} MiB`;
  console.log(`${binary} (${size(binary)}, Node.js ${SEA_NODE_VERSION})`);
  if (compress) console.log(`${binary}.xz (${size(`${binary}.xz`)})`);
  console.log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
