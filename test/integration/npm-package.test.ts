import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// kview as an operator installs it: `npm pack` (prepack builds the bundle), then a global install into a prefix of
// its own, then the installed command against the local cluster. The package has no dependencies (everything is
// bundled), so the install needs no registry at all; --offline proves it.
const root = new URL('../..', import.meta.url).pathname;
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {version: string}).version;
const work = mkdtempSync(join(tmpdir(), 'kview-package-'));

function run(command: 'npm' | 'npx', args: string[], cwd = work): string {
  // The test runner may itself run under npm, whose npm_config_* variables would steer these calls (prefix, cache).
  const environment = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_config_')),
  );
  return execFileSync(command, args, {cwd, encoding: 'utf8', env: environment, stdio: ['ignore', 'pipe', 'pipe']});
}

const packed = JSON.parse(run('npm', ['pack', root, '--json', '--pack-destination', work])) as [
  {filename: string; size: number; unpackedSize: number; files: {path: string}[]},
];
const tarball = join(work, packed[0].filename);

test('the package ships only what runs: the command, the bundle, package.json, README, LICENSE', () => {
  const files = packed[0].files.map((file) => file.path).sort();
  assert.deepEqual(files, ['LICENSE', 'README.md', 'bin/kview', 'dist/kview.mjs', 'package.json']);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.dependencies, undefined, 'everything is bundled, so an install fetches nothing');
  console.log(
    `packed ${(packed[0].size / 1024).toFixed(0)} kB, unpacked ${(packed[0].unpackedSize / 1024).toFixed(0)} kB`,
  );
});

test('npm i -g from the tarball into a fresh prefix: kview --version, --help, --check and a live session', async (context) => {
  const prefix = join(work, 'prefix');
  run('npm', ['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball]);
  const kview = join(prefix, 'bin', 'kview');
  const installed = join(prefix, 'lib', 'node_modules', 'kview');
  assert.ok(statSync(join(installed, 'dist', 'kview.mjs')).size > 1_000_000, 'the bundle is installed');
  console.log(
    `installed ${(Number(execFileSync('du', ['-sk', installed], {encoding: 'utf8'}).split('\t')[0]) / 1024).toFixed(1)} MB`,
  );

  assert.equal(execFileSync(kview, ['--version'], {encoding: 'utf8'}), `kview ${version}\n`);
  assert.match(execFileSync(kview, ['--help'], {encoding: 'utf8'}), /^Usage: kview \[flags\]$/m);
  const check = execFileSync(kview, ['--check', '--kubeconfig', kubeconfigPath, '-n', 'demo'], {encoding: 'utf8'});
  assert.match(check, /^ok: context kview-admin \(.*\), server https:\/\/127\.0\.0\.1:\d+, pods readable in demo\n$/);

  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-n', 'demo'], {columns: 160, rows: 30});
  context.after(() => terminal.close());
  const expected = kubectl('get', 'pods', '-n', 'demo', '-o', 'jsonpath={.items[*].metadata.name}').split(' ');
  await eventually('every demo pod on screen, live', () => {
    const screen = terminal.screen();
    return /● live/.test(screen) && expected.every((name) => screen.includes(name));
  });
  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
  assert.equal(terminal.exitStatus(), 0);
});

test('npx runs the packed tarball', () => {
  const output = run('npx', ['--yes', `./${packed[0].filename}`, '--version']);
  assert.equal(output, `kview ${version}\n`);
});
