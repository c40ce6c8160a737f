import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {eventually, kubeconfigPath} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// The built kview in a real terminal with a config file: the bytes it writes are recorded by script(1) inside
// the tmux pane, so what is checked is exactly what a terminal (or the Linux console) receives.
const kview = new URL('../../bin/kview', import.meta.url).pathname;
const fixtures = new URL('../fixtures/config/', import.meta.url).pathname;

function start(
  context: TestContext,
  config: string,
  environment: Record<string, string> = {},
  args = `--kubeconfig ${kubeconfigPath} -n kube-system`,
) {
  const directory = mkdtempSync(join(tmpdir(), 'kview-config-terminal-'));
  const record = join(directory, 'bytes');
  writeFileSync(record, '');
  // Truecolour is offered, so a 256-colour or RGB sequence would be sent if a skin let one through.
  // tmux sets TERM in its panes itself, so the environment is given by env(1) inside the pane.
  const variables = {KVIEW_CONFIG: config, FORCE_COLOR: '3', COLORTERM: 'truecolor', ...environment};
  const terminal = new TmuxTerminal(
    [
      'env',
      ...Object.entries(variables).map(([name, value]) => `${name}=${value}`),
      'script',
      '-q',
      '-f',
      '-e',
      '-c',
      `${kview} ${args}`,
      record,
    ],
    {columns: 160, rows: 30},
  );
  context.after(() => terminal.close());
  const bytes = () => readFileSync(record, 'latin1');
  return {terminal, bytes};
}

function colourParameters(bytes: string): number[] {
  return [...bytes.matchAll(/\u001b\[([0-9;]*)m/g)]
    .flatMap((match) => (match[1] ?? '').split(';').map(Number))
    .filter((code) => (code >= 30 && code <= 38) || (code >= 40 && code <= 48) || code >= 90);
}

async function livePods(terminal: TmuxTerminal) {
  await eventually('the live pods of kube-system', () => /● live\s+\d+ pods/.test(terminal.screen()));
}

async function quit(terminal: TmuxTerminal) {
  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
  assert.equal(terminal.exitStatus(), 0);
}

test('a broken config file is one line on screen and kview runs on the defaults', async (context) => {
  const {terminal} = start(context, join(fixtures, 'broken.yaml'));
  await livePods(terminal);
  const lines = terminal
    .screen()
    .split('\n')
    .filter((line) => line.includes('broken.yaml:'));
  assert.equal(lines.length, 1);
  assert.match(lines[0] ?? '', /broken\.yaml:1: theme: expected one of auto, default/);
  // The default keys work: d describes the selected pod.
  terminal.sendKeys('d');
  await eventually('describe', () => /describe pod\//.test(terminal.screen()));
  terminal.sendKeys('Escape');
  await livePods(terminal);
  await quit(terminal);
});

test('a remapped key works in the terminal and the hint bar shows it', async (context) => {
  const directory = mkdtempSync(join(tmpdir(), 'kview-config-keys-'));
  const config = join(directory, 'config.yaml');
  writeFileSync(config, 'keys:\n  view.describe: D\naliases:\n  probes: pods kube-system component=node-probe\n');
  const {terminal} = start(context, config);
  await livePods(terminal);
  assert.match(terminal.screen(), /<D> describe/);
  terminal.sendKeys('D');
  await eventually('describe by D', () => /describe pod\//.test(terminal.screen()));
  terminal.sendKeys('Escape');
  await livePods(terminal);
  terminal.sendKeys(':probes', 'Enter');
  await eventually(
    'the alias: the node-probe pods only',
    () =>
      terminal.screen().includes('-l component=node-probe') &&
      /\nnode-probe-\S+\s+1\/1/.test(terminal.screen()) &&
      !terminal.screen().includes('metrics-agent'),
  );
  await quit(terminal);
});

test('TERM=linux gets the eight colours only, NO_COLOR no colour at all, selection in inverse', async (context) => {
  const run = async (environment: Record<string, string>) => {
    const directory = mkdtempSync(join(tmpdir(), 'kview-config-skin-'));
    const config = join(directory, 'config.yaml');
    writeFileSync(config, 'theme: auto\n');
    const {terminal, bytes} = start(context, config, environment);
    await livePods(terminal);
    terminal.sendKeys('?');
    await eventually('the help', () => terminal.screen().includes('Keys (table view'));
    await quit(terminal);
    return bytes();
  };
  const themed = await run({TERM: 'xterm-256color'});
  assert.match(themed, /\u001b\[38;2;\d+;\d+;\d+m/, 'the default skin sends RGB colours here (the check can fail)');
  const linux = await run({TERM: 'linux'});
  const codes = colourParameters(linux);
  assert.ok(
    codes.some((code) => code >= 31 && code <= 37),
    'the console still gets colours',
  );
  assert.deepEqual(
    codes.filter((code) => code === 38 || code === 48 || code >= 90),
    [],
    'no 256-colour, RGB or bright colour on the Linux console',
  );
  const plain = await run({TERM: 'xterm-256color', NO_COLOR: '1'});
  assert.deepEqual(colourParameters(plain), [], 'no colour sequence with NO_COLOR');
  assert.match(plain, /\u001b\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m/, 'the selected row is inverse');
});

test('the node pane alone (--node) shows the config problem in its mode line and honours NO_COLOR', async (context) => {
  const {terminal, bytes} = start(context, join(fixtures, 'broken.yaml'), {NO_COLOR: '1'}, '--node');
  await eventually('the node pane with the problem line', () =>
    /broken\.yaml:1: theme: expected one of/.test(terminal.screen()),
  );
  await quit(terminal);
  assert.deepEqual(colourParameters(bytes()), [], 'no colour sequence with NO_COLOR');
});

test('kview config prints the effective file; --check says each problem with its line and exits 1', () => {
  const printed = execFileSync(kview, ['config'], {
    encoding: 'utf8',
    env: {...process.env, KVIEW_CONFIG: join(fixtures, 'good.yaml')},
  });
  assert.match(printed, /^ {2}action\.delete: ctrl-x /m);
  assert.match(printed, /^ {2}debugImage: registry\.local:5000\/tools\/debug:1\.2$/m);
  const checked = spawnSync(kview, ['config', '--check', join(fixtures, 'broken.yaml')], {encoding: 'utf8'});
  assert.equal(checked.status, 1);
  assert.equal(checked.stdout.trim().split('\n').length, 16);
  assert.match(checked.stdout, /broken\.yaml:4: keys: action\.delete: "ctrl-b" is never bound: tmux's prefix takes it/);
  const good = spawnSync(kview, ['config', '--check', join(fixtures, 'good.yaml')], {encoding: 'utf8'});
  assert.equal(good.status, 0);
});
