import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {parseConfig} from '../../src/state/config/parse-config.js';
import {DEFAULT_SETTINGS} from '../../src/state/config/settings.js';
import type {Settings} from '../../src/state/config/settings.js';
import type {Skin} from '../../src/state/config/skin.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';
import type {ScriptedWorld} from './scripted-world.js';

// The config file's settings in the real App against a scripted cluster: the user's keys, aliases, a read-only
// context, its favourites and start view, a broken file's one line, and what each skin sends to the terminal.
// Truecolour is forced (FORCE_COLOR only sets a floor; COLORTERM raises chalk to RGB), so a skin that let a 256-colour or RGB colour through would show it in the bytes.
process.env.FORCE_COLOR = '3';
process.env.COLORTERM = 'truecolor';
const {render} = await import('ink-testing-library');
const {App} = await import('../../src/ui/App.js');
const {SkinContext} = await import('../../src/ui/themed-text.js');

const pods = [podRow('demo', 'pod-00', 'Running'), podRow('demo', 'pod-01', 'CrashLoopBackOff')];
const podObject = {
  kind: 'Pod',
  metadata: {name: 'pod-00', namespace: 'demo', uid: 'u0'},
  spec: {containers: [{name: 'app', image: 'busybox'}]},
  status: {phase: 'Running'},
};
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

function configured(yaml: string): Settings {
  const {settings, problems} = parseConfig(yaml, 'test.yaml');
  assert.deepEqual(problems, []);
  return settings;
}

async function start(context: TestContext, world: ScriptedWorld, skin: Skin = 'default') {
  const app = render(
    <SkinContext.Provider value={skin}>
      <App world={world} />
    </SkinContext.Provider>,
  );
  context.after(() => app.unmount());
  const frame = () => plain(app.lastFrame() ?? '');
  await waitForFrame(frame, () => world.watches.length > 0);
  world.sink().snapshot(podColumns, pods);
  await waitForFrame(frame, (text) => text.includes('pod-01'));
  const type = async (keys: string, until: (text: string) => boolean, timeoutMs?: number) => {
    app.stdin.write(keys);
    return waitForFrame(frame, until, timeoutMs);
  };
  return {app, frame, type};
}

test('a remapped key does the command, the old key does not, and help and the hint bar show the new one', async (context) => {
  const settings = configured('keys:\n  view.describe: D\n  app.toggleHelp: Q\n');
  const world = scriptedWorld({settings, objects: {'pods/demo/pod-00': podObject}});
  const {frame, type} = await start(context, world);
  assert.match(frame(), /<D> describe/);
  assert.match(frame(), /<Q> help/);
  assert.doesNotMatch(frame(), /<d> describe|<\?> help/);
  // The old key is free now: d does nothing (the hint bar is still the table's), ? neither.
  await type('d?', (text) => text.includes('pod-00'));
  assert.doesNotMatch(frame(), /describe pod\/pod-00|Keys \(/);
  await type('Q', (text) => text.includes('Keys (table view'));
  assert.match(frame(), /\bD\s+describe\b/);
  assert.match(frame(), /\bQ\s+show or hide this help/);
  await type('Q', (text) => !text.includes('Keys (table view'));
  await type('D', (text) => text.includes('describe pod/pod-00') && text.includes('Name:'));
});

test('an alias opens the view it stands for, with its namespace and label selector', async (context) => {
  const settings = configured('aliases:\n  prod-web: pods prod app=web\n  dp: nodes\n');
  const world = scriptedWorld({settings});
  const {type} = await start(context, world);
  await type(':prod-web\r', () => world.watches.some((watch) => watch.plural === 'pods' && watch.namespace === 'prod'));
  const watch = world.watches.at(-1);
  assert.deepEqual([watch?.plural, watch?.namespace, watch?.labelSelector], ['pods', 'prod', 'app=web']);
  await type(':dp\r', () => world.watches.some((entry) => entry.plural === 'nodes'));
});

test('a context the config makes read-only offers no action, whatever the flag', async (context) => {
  const settings = configured('contexts:\n  ctx-test:\n    readonly: true\n');
  const world = scriptedWorld({settings, readonly: false});
  const {frame, type} = await start(context, world);
  assert.match(frame(), /\[readonly\]/);
  await type('\u0004', (text) => text.includes('delete is not offered: the config makes context ctx-test read-only'));
  assert.equal(frame().includes('Cancel'), false, 'no confirmation dialog opened');
  assert.deepEqual(world.calls, []);
  // Another context of the same file is not read-only.
  const other = scriptedWorld({settings: configured('contexts:\n  ctx-other:\n    readonly: true\n')});
  const second = await start(context, other);
  assert.doesNotMatch(second.frame(), /\[readonly\]/);
});

test("a context's favourite namespaces are on 1-9 and its start view opens first", async (context) => {
  const settings = configured(
    'keys:\n  namespace.recent: [z, x]\ncontexts:\n  ctx-test:\n    favourites: [prod, staging]\n    view: po kube-system\n' +
      '  ctx-other:\n    favourites: [qa]\n    view: nodes\n',
  );
  const other = scriptedWorld({
    settings,
    identity: {...scriptedWorld().identity, contextName: 'ctx-other'},
  });
  const world = scriptedWorld({settings, namespace: 'demo', switchContext: () => other});
  const {frame, type} = await start(context, world);
  await waitForFrame(frame, () => world.watches.some((watch) => watch.namespace === 'kube-system'));
  assert.match(frame(), /0:all 1:prod 2:staging/);
  // The keys of namespace.recent in their order: the second key is the second namespace.
  await type('x', () => world.watches.at(-1)?.namespace === 'staging');
  await type('z', () => world.watches.at(-1)?.namespace === 'prod');
  // Another context: its own favourites and start view.
  await type(':ctx\r', (text) => text.includes('❯ ctx-test'));
  // The picker (ink-select-input) subscribes again after each paint and may lose a key sent right after one:
  // each key is sent again until it shows (two entries, so a lost arrow is never counted twice).
  const pressUntil = async (sequence: string, until: (text: string) => boolean) => {
    for (let attempt = 0; !until(frame()); attempt++) {
      assert.ok(attempt < 20, `the context picker took ${JSON.stringify(sequence)}`);
      await type(sequence, until, 100).catch(() => undefined);
    }
  };
  await pressUntil('\u001b[B', (text) => text.includes('❯ ctx-other'));
  await pressUntil('\r', (text) => text.includes('ctx: ctx-other'));
  await waitForFrame(frame, (text) => /0:all 1:qa(?! 2:prod)/.test(text));
  await waitForFrame(frame, () => other.watches.some((watch) => watch.plural === 'nodes'));
});

test('a broken config file is one line in the flash line, and kview runs on the defaults for it', async (context) => {
  const broken = readFileSync(new URL('../fixtures/config/broken.yaml', import.meta.url), 'utf8');
  const {settings, problems} = parseConfig(broken, '/home/op/.config/kview/config.yaml');
  const world = scriptedWorld({settings, configProblems: problems});
  const {frame} = await start(context, world);
  const lines = frame()
    .split('\n')
    .filter((line) => line.includes('config.yaml:'));
  assert.equal(lines.length, 1, 'one line');
  assert.match(lines[0] ?? '', /^\/home\/op\/\.config\/kview\/config\.yaml:1: theme: expected one of auto/);
  assert.match(frame(), /pod-00/);
  assert.match(frame(), /<d> describe/);
});

// Every SGR sequence Ink wrote in any frame, split into its parameters.
function sgrParameters(frames: readonly string[]): string[] {
  return frames.flatMap((text) => [...text.matchAll(/\u001b\[([0-9;]*)m/g)].map((match) => match[1] ?? ''));
}

function colourCodes(parameters: readonly string[]): number[] {
  return parameters
    .flatMap((list) => list.split(';').map(Number))
    .filter((code) => (code >= 30 && code <= 38) || (code >= 40 && code <= 48) || code >= 90);
}

test('the 8-colour skin (TERM=linux) writes only the eight colours, and none (NO_COLOR) no colour at all', async (context) => {
  const bytes = async (skin: Skin) => {
    const world = scriptedWorld({settings: DEFAULT_SETTINGS, allowed: true});
    const {app, type} = await start(context, world, skin);
    // The help adds its own colours; the frames seen so far are what the terminal got.
    await type('?', (text) => text.includes('Keys (table view'));
    // The confirmation dialog's border is coloured too.
    await type('?', (text) => !text.includes('Keys (table view'));
    await type('\u0004', (text) => text.includes('Cancel'));
    return sgrParameters(app.frames);
  };
  const themed = await bytes('default');
  assert.ok(
    themed.some((list) => list.startsWith('38;2;')),
    'the default skin uses RGB colours (the check can fail)',
  );
  const basic = await bytes('basic8');
  assert.ok(colourCodes(basic).length > 0, 'the 8-colour skin still has colours');
  assert.deepEqual(
    colourCodes(basic).filter((code) => code === 38 || code === 48 || code >= 90),
    [],
    'no 256-colour, RGB or bright colour',
  );
  const none = await bytes('none');
  assert.deepEqual(colourCodes(none), [], 'no colour sequence at all');
  assert.ok(
    none.some((list) => list.split(';').includes('7')),
    'the selection is still drawn in inverse video',
  );
});

test('the log defaults of the config: since, timestamps and wrap from the start, 0 goes to the configured tail', async (context) => {
  const {scriptedSource} = await import('./scripted-log-source.js');
  const logs = scriptedSource();
  const settings = configured('logs:\n  tail: 500\n  since: 15m\n  timestamps: utc\n  wrap: true\n');
  const world = scriptedWorld({settings, logs: logs.source, objects: {'pods/demo/pod-00': podObject}});
  const {frame, type} = await start(context, world);
  await type('l', (text) => text.includes('logs demo/pod-00'));
  await waitForFrame(frame, () => logs.opens.length > 0);
  assert.deepEqual(logs.opens[0]?.window, {kind: 'since', seconds: 900});
  logs.push('x'.repeat(150));
  // UTC timestamps in front of the line, and the long line wrapped rather than cut.
  assert.match(frame(), /\[15m\].*wrap · time UTC/);
  await waitForFrame(frame, (text) => /2026-11-22 09:00:00\.000Z x+/.test(text) && /^x+\s*$/m.test(text));
  await type('0', () => logs.opens.length > 1);
  assert.deepEqual(logs.opens.at(-1)?.window, {kind: 'tail', lines: 500});
});
