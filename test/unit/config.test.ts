import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseConfig} from '../../src/state/config/parse-config.js';
import {printConfig} from '../../src/state/config/print-config.js';
import {DEFAULT_SETTINGS} from '../../src/state/config/settings.js';
import {findConflicts, remapKeys} from '../../src/state/config/remap-keys.js';
import {resolveSkin} from '../../src/state/config/skin.js';
import {expandAlias} from '../../src/state/command-line.js';
import {commandsFor, keyLabels} from '../../src/state/keymap.js';
import {configLocation, readConfig} from '../../src/cli/config-file.js';
import {runConfigCommand} from '../../src/cli/config-command.js';
import {parseArgs} from '../../src/cli/parse-args.js';

const fixtures = new URL('../fixtures/config/', import.meta.url).pathname;
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

function binding(keymap: typeof DEFAULT_SETTINGS.keymap, command: string, scope?: string) {
  const found = keymap.find((entry) => entry.command === command && (scope === undefined || entry.scope === scope));
  assert.ok(found, `${command} is bound`);
  return found;
}

test('the default keymap has no two commands on one key in any view', () => {
  assert.deepEqual(findConflicts(DEFAULT_SETTINGS.keymap), []);
});

test('kview config prints every binding, and reading it back gives the defaults without a problem', () => {
  const printed = printConfig(DEFAULT_SETTINGS, 'defaults');
  for (const entry of DEFAULT_SETTINGS.keymap) assert.ok(printed.includes(`${entry.command}:`), entry.command);
  assert.match(printed, /^ {2}action\.delete: ctrl-d {2}# delete/m);
  assert.match(printed, /^ {2}journal:logs\.togglePrevious: b /m);
  assert.match(printed, /^ {2}tail: 100 /m);
  assert.match(printed, /^ {2}debugImage: busybox:1\.36$/m);
  const back = parseConfig(printed, 'printed.yaml');
  assert.deepEqual(back.problems, []);
  assert.deepEqual(back.settings, DEFAULT_SETTINGS);
});

test('a good file changes keys by command name, and sets aliases, logs, node debug and per-context settings', () => {
  const {settings, problems} = parseConfig(fixture('good.yaml'), 'good.yaml');
  assert.deepEqual(problems, []);
  assert.equal(settings.skin, 'colorblind');
  assert.equal(keyLabels(binding(settings.keymap, 'action.delete')), 'ctrl-x');
  assert.deepEqual(commandsFor('x', {ctrl: true}, 'table', settings.keymap), ['action.delete']);
  assert.deepEqual(commandsFor('d', {ctrl: true}, 'table', settings.keymap), []);
  assert.deepEqual(commandsFor('D', {}, 'table', settings.keymap), ['view.describe']);
  // A scope-qualified name changes only that scope's binding of a shared command.
  assert.equal(keyLabels(binding(settings.keymap, 'logs.togglePrevious', 'journal')), 'B');
  assert.equal(keyLabels(binding(settings.keymap, 'logs.togglePrevious', 'logs')), 'p');
  assert.deepEqual(settings.aliases, {dp: 'deployments', 'prod-web': 'pods prod app=web'});
  assert.deepEqual(settings.logs, {tail: 500, since: '15m', timestamps: 'utc', wrap: true, bufferLines: 20000});
  assert.deepEqual(settings.nodeDebug, {
    image: 'registry.local:5000/tools/debug:1.2',
    namespace: 'kube-debug',
    deadlineSeconds: 900,
  });
  assert.deepEqual(settings.contexts, {
    prod: {readonly: true, namespace: 'web', view: 'dp', favourites: ['web', 'payments', 'kube-system']},
    'kind-dev': {namespace: 'dev'},
  });
  // The user's keys are what kview config prints next time.
  assert.match(printConfig(settings, 'good.yaml'), /^ {2}action\.delete: ctrl-x /m);
});

test('a broken file names each problem with its line, keeps the defaults there and applies the rest', () => {
  const {settings, problems} = parseConfig(fixture('broken.yaml'), 'broken.yaml');
  assert.deepEqual(problems, [
    'broken.yaml:1: theme: expected one of auto, default, colorblind, basic8, none, not "rainbow"; using auto',
    'broken.yaml:2: unknown setting "colours" (known: theme, keys, aliases, logs, node, contexts)',
    `broken.yaml:4: keys: action.delete: "ctrl-b" is never bound: tmux's prefix takes it`,
    'broken.yaml:5: keys: view.describe: l is already the key of view.logs in the table view; kept d',
    'broken.yaml:6: keys: view.logs: "ctrl-s" is never bound: terminal flow control (XOFF) takes it',
    'broken.yaml:7: keys: unknown command "app.frobnicate" (kview config lists them)',
    'broken.yaml:8: keys: sort.name: "Nx" is not a key (one character, ctrl-<letter>, space, or enter, esc, tab, ' +
      'up, down, left, right, pgup, pgdn, home, end, delete)',
    'broken.yaml:12: aliases.bad alias: an alias is one word of letters, digits, ".", "-" or "_"',
    'broken.yaml:14: logs.tail: expected a whole number from 1 to 100000, not -5; using 100',
    'broken.yaml:15: logs.since: not a duration (5m, 1h30m), a time (09:30, 2026-11-22T09:30:00Z), today or a ' +
      'line count: yesterdayish',
    'broken.yaml:16: logs.wrap: expected true or false, not "maybe"',
    'broken.yaml:17: unknown setting "logs.colour" (known: tail, since, timestamps, wrap, bufferLines)',
    'broken.yaml:19: node.debugImage: "Not An Image!" is not an image reference (e.g. busybox:1.36, ' +
      'registry:5000/tools/debug:1)',
    'broken.yaml:22: contexts.prod.readonly: expected true or false, not "yes please"',
    'broken.yaml:23: unknown context setting "contexts.prod.namespaces" (known: readonly, namespace, view, favourites)',
    'broken.yaml:24: contexts.prod.favourites: "Payments" is not a namespace name (lower case letters, digits and "-")',
  ]);
  // Refused keys keep their defaults; the good lines of the same file still apply.
  assert.equal(keyLabels(binding(settings.keymap, 'action.delete')), 'ctrl-d');
  assert.equal(keyLabels(binding(settings.keymap, 'view.describe')), 'd');
  assert.equal(keyLabels(binding(settings.keymap, 'view.yaml')), 'Z');
  assert.deepEqual(settings.aliases, {dp: 'deployments'});
  assert.equal(settings.skin, 'auto');
  assert.deepEqual(settings.logs, DEFAULT_SETTINGS.logs);
  assert.deepEqual(settings.contexts, {prod: {}});
  assert.deepEqual(findConflicts(settings.keymap), []);
});

test('a file that is not YAML is one line with its line number, and every default stays', () => {
  const {settings, problems} = parseConfig(fixture('syntax.yaml'), 'syntax.yaml');
  assert.equal(problems.length, 1);
  assert.match(
    problems[0] ?? '',
    /^syntax\.yaml:3: not valid YAML: bad indentation of a mapping entry; using the defaults$/,
  );
  assert.equal(settings, DEFAULT_SETTINGS);
  assert.deepEqual(parseConfig('- a\n- b\n', 'list.yaml').problems, [
    'list.yaml:1: expected a mapping of theme, keys, aliases, logs, node, contexts; using the defaults',
  ]);
  assert.deepEqual(parseConfig('# nothing yet\n', 'empty.yaml'), {settings: DEFAULT_SETTINGS, problems: []});
  // js-yaml refuses a key given twice; the line is the second one's.
  assert.match(
    parseConfig('theme: none\ntheme: auto\n', 'twice.yaml').problems[0] ?? '',
    /^twice\.yaml:2: .*duplicated/,
  );
});

test('two keys swapped in one file are taken together; a key meeting a global key is refused', () => {
  const swapped = remapKeys(DEFAULT_SETTINGS.keymap, [
    {name: 'view.describe', keys: ['y'], line: 3},
    {name: 'view.yaml', keys: ['d'], line: 4},
  ]);
  assert.deepEqual(swapped.problems, []);
  assert.deepEqual(commandsFor('y', {}, 'table', swapped.keymap), ['view.describe']);
  assert.deepEqual(commandsFor('d', {}, 'table', swapped.keymap), ['view.yaml']);
  const global = remapKeys(DEFAULT_SETTINGS.keymap, [{name: 'logs.marker', keys: ['q'], line: 9}]);
  assert.deepEqual(global.problems, [
    {line: 9, message: 'keys: logs.marker: q is already the key of app.quit in the logs view; kept m'},
  ]);
  const indistinct = remapKeys(DEFAULT_SETTINGS.keymap, [{name: 'app.quit', keys: ['ctrl-i'], line: 2}]);
  assert.deepEqual(indistinct.problems, [{line: 2, message: 'keys: app.quit: "ctrl-i" arrives as Tab in a terminal'}]);
  const named = remapKeys(DEFAULT_SETTINGS.keymap, [{name: 'app.toggleHelp', keys: ['Z', 'F1'], line: 5}]);
  assert.match(named.problems[0]?.message ?? '', /"F1" is not a key/);
  const paging = remapKeys(DEFAULT_SETTINGS.keymap, [{name: 'app.toggleHelp', keys: ['Z', 'pgdn'], line: 5}]);
  assert.match(paging.problems[0]?.message ?? '', /pgdn|PgDn/);
  // space marks rows in tables: a global key cannot take it.
  const space = remapKeys(DEFAULT_SETTINGS.keymap, [{name: 'app.toggleHelp', keys: ['space'], line: 6}]);
  assert.match(space.problems[0]?.message ?? '', /space is already the key of marks\.toggle/);
});

test('an alias stands for its command and keeps the words typed after it', () => {
  const aliases = {dp: 'deployments', 'prod-web': 'pods prod app=web'};
  assert.equal(expandAlias('dp', aliases), 'deployments');
  assert.equal(expandAlias('DP kube-system', aliases), 'deployments kube-system');
  assert.equal(expandAlias('prod-web tier=front', aliases), 'pods prod app=web tier=front');
  assert.equal(expandAlias('pods', aliases), 'pods');
  assert.equal(expandAlias('constructor', aliases), 'constructor');
});

test('NO_COLOR wins, the Linux console gets 8 colours, otherwise the chosen theme', () => {
  assert.equal(resolveSkin('colorblind', {NO_COLOR: '1', TERM: 'xterm-256color'}), 'none');
  assert.equal(resolveSkin('auto', {NO_COLOR: '', TERM: 'xterm-256color'}), 'default');
  assert.equal(resolveSkin('default', {TERM: 'linux'}), 'basic8');
  assert.equal(resolveSkin('none', {TERM: 'linux'}), 'none');
  assert.equal(resolveSkin('colorblind', {TERM: 'screen-256color'}), 'colorblind');
});

test('the config file is --config, then KVIEW_CONFIG, then XDG_CONFIG_HOME, then ~/.config', () => {
  assert.equal(parseArgs(['--config', '/a.yaml']).config, '/a.yaml');
  assert.equal(parseArgs(['--config=/a.yaml', '-A']).config, '/a.yaml');
  assert.deepEqual(configLocation('/a.yaml', {KVIEW_CONFIG: '/b.yaml'}, '/home/u'), {path: '/a.yaml', explicit: true});
  assert.deepEqual(configLocation(undefined, {KVIEW_CONFIG: '/b.yaml', XDG_CONFIG_HOME: '/x'}, '/home/u'), {
    path: '/b.yaml',
    explicit: true,
  });
  assert.deepEqual(configLocation(undefined, {XDG_CONFIG_HOME: '/x'}, '/home/u'), {
    path: '/x/kview/config.yaml',
    explicit: false,
  });
  assert.deepEqual(configLocation(undefined, {}, '/home/u'), {
    path: '/home/u/.config/kview/config.yaml',
    explicit: false,
  });
});

test('no config file at the default place is no problem; a named file that is missing is one', () => {
  const directory = mkdtempSync(join(tmpdir(), 'kview-config-'));
  const absent = join(directory, 'kview', 'config.yaml');
  assert.deepEqual(readConfig({path: absent, explicit: false}).problems, []);
  assert.deepEqual(readConfig({path: absent, explicit: true}).problems, [
    `${absent}: cannot read it (no such file); using the defaults`,
  ]);
});

test('kview config --check exits 0 for a good file and 1 with one line per problem for a bad one', () => {
  const run = (argv: string[], environment: Record<string, string> = {}) => {
    let out = '';
    let err = '';
    const code = runConfigCommand(
      argv,
      environment,
      {out: (text) => (out += text), err: (text) => (err += text)},
      '/nohome',
    );
    return {code, out, err};
  };
  const good = run(['--check', join(fixtures, 'good.yaml')]);
  assert.deepEqual(good, {code: 0, out: `ok: ${join(fixtures, 'good.yaml')}\n`, err: ''});
  const broken = run(['--check', join(fixtures, 'broken.yaml')]);
  assert.equal(broken.code, 1);
  assert.equal(broken.out.trim().split('\n').length, 16);
  assert.ok(broken.out.startsWith(`${join(fixtures, 'broken.yaml')}:1: theme:`));
  // The effective configuration of a file, with its problems on stderr, reads back without a problem.
  const printed = run([], {KVIEW_CONFIG: join(fixtures, 'broken.yaml')});
  assert.equal(printed.code, 0);
  assert.match(printed.err, /broken\.yaml:4: keys: action\.delete/);
  assert.match(printed.out, /^ {2}view\.yaml: Z /m);
  const copy = join(mkdtempSync(join(tmpdir(), 'kview-config-')), 'config.yaml');
  writeFileSync(copy, printed.out);
  assert.deepEqual(run(['--check', copy]), {code: 0, out: `ok: ${copy}\n`, err: ''});
});

test("the README's example config file is valid", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const example = /### Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(example, 'the README has the example');
  const {settings, problems} = parseConfig(example, 'README.md');
  assert.deepEqual(problems, []);
  assert.equal(settings.contexts['prod-admin']?.readonly, true);
  assert.equal(settings.aliases['prod-web'], 'pods prod app=web');
});

test('escape sequences in a config file never reach the screen', () => {
  const {settings, problems} = parseConfig(
    'aliases:\n  x: "pods\\u001b[2J"\n"\\u001b]0;owned\\u0007": 1\n',
    'evil.yaml',
  );
  assert.deepEqual(settings.aliases, {});
  assert.equal(problems.length, 2);
  for (const problem of problems) assert.doesNotMatch(problem, /[\u0000-\u001f]/);
  assert.match(problems[0] ?? '', /^evil\.yaml:2: aliases\.x: control characters are not allowed$/);
  assert.equal(
    problems[1],
    'evil.yaml:3: unknown setting "\\u001b]0;owned\\u0007" (known: theme, keys, aliases, logs, node, contexts)',
  );
});
