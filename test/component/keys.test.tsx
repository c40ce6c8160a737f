import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {keymap} from '../../src/state/keymap.js';
import {NODE_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import type {RowObject, TableRow} from '../../src/cluster/types.js';
import type {ViewTarget} from '../../src/state/navigation.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';
import type {ScriptedWorld} from './scripted-world.js';
import type {ForwardEntry} from '../../src/state/forward-state.js';
import type {ForwardService} from '../../src/ui/forward-service.js';
import {readFile, writeFile} from 'node:fs/promises';
import {PassThrough} from 'node:stream';
import type {TerminalHandover} from '../../src/ui/terminal-handover.js';

// Every table, text and global key of the keymap, pressed in the real App against a scripted cluster, with what
// the operator would see or what would be sent to the cluster. The log and node keys are exercised by their own
// view tests (logs-view, node-pane).
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {App} = await import('../../src/ui/App.js');
const {TerminalHandoverContext} = await import('../../src/ui/terminal-handover.js');

const KEY = {
  down: '\u001b[B',
  up: '\u001b[A',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  home: '\u001b[H',
  end: '\u001b[F',
  enter: '\r',
  escape: '\u001b',
  right: '\u001b[C',
  ctrlF: '\u0006',
  ctrlU: '\u0015',
  ctrlD: '\u0004',
  ctrlC: '\u0003',
};
const exercised = new Set<string>();

const pods = Array.from({length: 40}, (_, index) =>
  podRow('demo', `pod-${String(index).padStart(2, '0')}`, index === 3 ? 'CrashLoopBackOff' : 'Running'),
);
const podObject: RowObject = {
  kind: 'Pod',
  metadata: {name: 'pod-00', namespace: 'demo', uid: 'u0'},
  spec: {containers: [{name: 'app', image: 'busybox'}]},
  status: {phase: 'Running', containerStatuses: [{name: 'app', ready: true, restartCount: 0, state: {running: {}}}]},
};
const nodeRow = (name: string): TableRow => ({
  cells: [name, 'Ready', '<none>', '5m', 'v1.20.2'],
  object: {kind: 'Node', metadata: {name, uid: `node-${name}`, creationTimestamp: '2026-11-22T08:00:00Z'}},
});
const nodeColumns = ['Name', 'Status', 'Roles', 'Age', 'Version'].map((name) => ({name, type: 'string', priority: 0}));

async function start(context: TestContext, options: {first?: ViewTarget; world?: ScriptedWorld} = {}) {
  const world = options.world ?? scriptedWorld({objects: {'pods/demo/pod-00': podObject}});
  const app = render(<App world={world} first={options.first} />);
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const selected = () =>
    (app.lastFrame() ?? '')
      .split('\n')
      .find((line) => line.includes('\u001b[7m'))
      ?.replace(/\u001b\[[0-9;]*m/g, '') ?? '';
  const press = async (label: string, sequence: string, until: () => boolean) => {
    exercised.add(label);
    app.stdin.write(sequence);
    await waitForFrame(frame, () => until()).catch((error: unknown) => {
      throw new Error(`after pressing ${label}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  // A view that is left and re-entered watches again; the scripted cluster answers each new pods watch.
  const feedPods = async () => {
    world.sink().snapshot(podColumns, pods);
    await waitForFrame(frame, (text) => text.includes('pod-00') && selected().includes('pod-00'));
  };
  const back = async () => {
    const watches = world.watches.length;
    await press('Esc', KEY.escape, () => world.watches.length > watches);
    await feedPods();
  };
  if (options.first?.type !== 'yaml') await waitForFrame(frame, () => world.watches.length > 0);
  if (!options.first) await feedPods();
  return {world, frame, selected, press, back, feedPods, app};
}

test('movement keys: j k arrows, page keys, g G Home End', async (context) => {
  const {selected, press} = await start(context);
  await press('j', 'j', () => selected().includes('pod-01'));
  await press('↓', KEY.down, () => selected().includes('pod-02'));
  await press('k', 'k', () => selected().includes('pod-01'));
  await press('↑', KEY.up, () => selected().includes('pod-00'));
  await press('PgDn', KEY.pageDown, () => !selected().includes('pod-00') && selected() !== '');
  await press('PgUp', KEY.pageUp, () => selected().includes('pod-00'));
  await press('ctrl-f', KEY.ctrlF, () => !selected().includes('pod-00') && selected() !== '');
  await press('ctrl-u', KEY.ctrlU, () => selected().includes('pod-00'));
  await press('G', 'G', () => selected().includes('pod-39'));
  await press('g', 'g', () => selected().includes('pod-00'));
  await press('End', KEY.end, () => selected().includes('pod-39'));
  await press('Home', KEY.home, () => selected().includes('pod-00'));
});

test('views: Enter d y l e n open containers, describe, YAML, logs, events and the node pane', async (context) => {
  const {frame, press, back, world} = await start(context);
  await press('Enter', KEY.enter, () => frame().includes('containers of demo/pod-00'));
  await back();
  await press('d', 'd', () => frame().includes('describe pod/pod-00') && frame().includes('Name:'));
  await back();
  await press('y', 'y', () => frame().includes('yaml pod/pod-00') && frame().includes('kind: Pod'));
  await back();
  await press('l', 'l', () => frame().includes('logs demo/pod-00'));
  await back();
  await press('e', 'e', () =>
    world.watches.some(
      (watch) =>
        watch.plural === 'events' && watch.fieldSelector === 'involvedObject.name=pod-00,involvedObject.kind=Pod',
    ),
  );
  await back();
  await press('n', 'n', () => frame().includes('node pane'));
});

test('history: [ ] - move through the views visited', async (context) => {
  const {frame, press, feedPods, world} = await start(context);
  await press('d', 'd', () => frame().includes('describe pod/pod-00'));
  const watches = world.watches.length;
  await press('[', '[', () => frame().includes('‹pods(all)›') && world.watches.length > watches);
  await feedPods();
  await press(']', ']', () => frame().includes('describe pod/pod-00'));
  await press('-', '-', () => frame().includes('‹pods(all)›'));
});

test('table keys: w wide, f faults, N A S < > sort, / filter, : command', async (context) => {
  const {frame, press, world} = await start(context);
  await press('w', 'w', () => frame().includes('NOMINATED'));
  await press('f', 'f', () => frame().includes('faults only') && !frame().includes('pod-00'));
  await press('f', 'f', () => frame().includes('pod-00'));
  await press('N', 'N', () => frame().includes('sort: NAME↑'));
  await press('A', 'A', () => frame().includes('sort: AGE↑'));
  await press('S', 'S', () => frame().includes('sort: STATUS↑'));
  await press('>', '>', () => frame().includes('sort: RESTARTS↑'));
  await press('<', '<', () => frame().includes('sort: STATUS↑'));
  await press('/', '/pod-1', () => frame().includes('/pod-1'));
  await press('Enter', KEY.enter, () => frame().includes('filter: pod-1') && !frame().includes('pod-09'));
  await press('Esc', KEY.escape, () => !frame().includes('filter: pod-1'));
  await press(':', ':no\r', () => world.watches.some((watch) => watch.plural === 'nodes'));
});

test('namespaces: 0 shows every namespace, 1-9 the recent ones', async (context) => {
  const {frame, press, world} = await start(context, {first: {type: 'table', kind: POD_KIND, namespace: 'demo'}});
  world.sink().snapshot(podColumns, pods);
  await waitForFrame(frame, (text) => text.includes('ns: demo'));
  await press('0', '0', () => frame().includes('ns: all') && world.watches.at(-1)?.namespace === undefined);
  for (const digit of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) exercised.add(digit);
  await press('1', '1', () => frame().includes('ns: demo') && world.watches.at(-1)?.namespace === 'demo');
  await press('2', '2', () => frame().includes('no recent namespace 2'));
});

test('actions ask first with Cancel focused: ctrl-d, then c u r on a node', async (context) => {
  const {frame, press, world} = await start(context);
  await press('ctrl-d', KEY.ctrlD, () => frame().includes('delete pod demo/pod-00?'));
  await press('Enter', KEY.enter, () => !frame().includes('delete pod demo/pod-00?'));
  assert.deepEqual(world.calls, [], 'Enter on the focused Cancel deletes nothing');
  await press('ctrl-d', KEY.ctrlD, () => frame().includes('delete pod demo/pod-00?'));
  await press('→', KEY.right, () => true);
  await press('Enter', KEY.enter, () => world.calls.includes('delete pods demo/pod-00'));
  await press(':', ':nodes\r', () => world.watches.some((watch) => watch.plural === 'nodes'));
  world.sink('nodes').snapshot(nodeColumns, [nodeRow('worker-1')]);
  await waitForFrame(frame, (text) => text.includes('worker-1'));
  for (const [label, verb] of [
    ['c', 'cordon'],
    ['u', 'uncordon'],
    ['r', 'drain'],
  ] as const) {
    await press(label, label, () => frame().includes(`${verb} node worker-1?`));
    await press('→', KEY.right, () => true);
    await press('Enter', KEY.enter, () => world.calls.includes(`${verb} worker-1`));
  }
});

const workloadKind = (plural: string, kind: string, group: string): ResourceKind => ({
  plural,
  singular: kind.toLowerCase(),
  kind,
  group,
  version: 'v1',
  namespaced: true,
  shortNames: [],
  verbs: ['get', 'list', 'watch', 'patch', 'delete'],
});
const DEPLOYMENTS = workloadKind('deployments', 'Deployment', 'apps');
const CRONJOBS = workloadKind('cronjobs', 'CronJob', 'batch');
const workloadColumns = ['Name', 'Ready', 'Age'].map((name) => ({name, type: 'string', priority: 0}));
const workloadRow = (name: string, ready: string): TableRow => ({
  cells: [name, ready, '5m'],
  object: {kind: 'PartialObjectMetadata', metadata: {name, namespace: 'demo', uid: `uid-${name}`}},
});
const deployment: RowObject = {
  kind: 'Deployment',
  metadata: {name: 'web', namespace: 'demo'},
  spec: {
    replicas: 2,
    template: {
      spec: {
        containers: [
          {name: 'app', image: 'kview.local/busybox:1'},
          {name: 'sidecar', image: 'kview.local/busybox:1'},
        ],
      },
    },
  },
};

test("workload actions: s scales (current replicas asked), r restarts, i sets one container's image", async (context) => {
  const world = scriptedWorld({objects: {'deployments/demo/web': deployment}});
  const {frame, press} = await start(context, {world, first: {type: 'table', kind: DEPLOYMENTS, namespace: 'demo'}});
  world.sink('deployments').snapshot(workloadColumns, [workloadRow('web', '2/2')]);
  await waitForFrame(frame, (text) => text.includes('web') && text.includes('<s> scale'));
  assert.ok(frame().includes('<r> restart') && !frame().includes('drain'), 'the hint bar says what r does here');
  // Scale: the field starts at the current replicas; the first digit typed replaces it, Enter scales.
  await press('s', 's', () => frame().includes('scale deployment demo/web?') && frame().includes('replicas: 2'));
  await press('Enter', `5${KEY.enter}`, () => world.calls.includes('scale deployments demo/web 5'));
  await waitForFrame(frame, (text) => text.includes('scaled deployment demo/web to 5'));
  // A value that is not a number is refused in the dialog, which stays open.
  await press('s', 's', () => frame().includes('replicas: 2'));
  await press('Enter', `x${KEY.enter}`, () => frame().includes('replicas must be a whole number'));
  await press('Esc', KEY.escape, () => !frame().includes('scale deployment'));
  // Restart: no fields; Cancel has the focus, → moves to the action.
  await press('r', 'r', () => frame().includes('restart deployment demo/web?'));
  await press('→', KEY.right, () => true);
  await press('Enter', KEY.enter, () => world.calls.includes('restart deployments demo/web'));
  // Set image: ←/→ picks the container of two, then the image is typed.
  await press('i', 'i', () => frame().includes('container: ‹ app ›'));
  await press('→', KEY.right, () => frame().includes('container: ‹ sidecar ›'));
  await press('↓', KEY.down, () => frame().includes('image: kview.local/busybox:1_'));
  await press('Enter', `busybox:1.36${KEY.enter}`, () =>
    world.calls.includes('set image deployments demo/web sidecar=busybox:1.36'),
  );
  assert.ok(!world.calls.some((call) => call.startsWith('delete')), 'nothing else was sent');
});

test('CronJobs: t triggers a Job, p suspends (and reads resume on a suspended one)', async (context) => {
  const world = scriptedWorld({
    objects: {
      'cronjobs/demo/nightly': {kind: 'CronJob', metadata: {name: 'nightly', namespace: 'demo'}, spec: {suspend: true}},
    },
  });
  const {frame, press} = await start(context, {world, first: {type: 'table', kind: CRONJOBS, namespace: 'demo'}});
  world.sink('cronjobs').snapshot(workloadColumns, [workloadRow('nightly', '')]);
  await waitForFrame(frame, (text) => text.includes('nightly') && text.includes('<t> trigger'));
  await press('t', 't', () => frame().includes('trigger cronjob demo/nightly?'));
  await press('→', KEY.right, () => true);
  await press('Enter', KEY.enter, () => frame().includes('job nightly-manual-abcde created'));
  await press('p', 'p', () => frame().includes('resume cronjob demo/nightly?'));
  await press('→', KEY.right, () => true);
  await press('Enter', KEY.enter, () => world.calls.includes('resume cronjobs demo/nightly'));
});

test('marks: space marks rows, ctrl-d deletes every marked row after one confirmation; M and Esc clear', async (context) => {
  const {frame, press, world, selected} = await start(context);
  await press('space', ' ', () => frame().includes('1 marked') && selected().includes('pod-01'));
  await press('space', ' ', () => frame().includes('2 marked'));
  assert.match(frame(), /✓ demo\s+pod-00/);
  assert.match(frame(), /✓ demo\s+pod-01/);
  await press('M', 'M', () => !frame().includes('marked'));
  await press('space', ' ', () => frame().includes('1 marked'));
  await press('Esc', KEY.escape, () => !frame().includes('marked'));
  assert.ok(frame().includes('pod-02'), 'Esc cleared the marks and stayed in the view');
  await press('k', 'k', () => selected().includes('pod-02'));
  await press('g', 'g', () => selected().includes('pod-00'));
  await press('space', ' ', () => frame().includes('1 marked'));
  await press('space', ' ', () => frame().includes('2 marked'));
  await press('ctrl-d', KEY.ctrlD, () => frame().includes('delete 2 pods: demo/pod-00, demo/pod-01?'));
  // Grace period and force are asked; f toggles force; Cancel keeps the focus until → moves it.
  assert.ok(frame().includes('grace period') && frame().includes('[ ] f: --force'));
  await press('f', 'f', () => frame().includes('[x] f: --force'));
  await press('Enter', KEY.enter, () => !frame().includes('delete 2 pods'));
  assert.deepEqual(world.calls, [], 'Enter on the focused Cancel deletes nothing');
  await press('ctrl-d', KEY.ctrlD, () => frame().includes('delete 2 pods'));
  await press('↑', KEY.up, () => true);
  await press('↑', KEY.up, () => true);
  await press('Enter', `30${KEY.enter}`, () => frame().includes('Cancel'));
  await press('→', KEY.right, () => true);
  await press('Enter', KEY.enter, () => world.calls.length === 2);
  assert.deepEqual(world.calls, ['delete pods demo/pod-00 grace=30', 'delete pods demo/pod-01 grace=30']);
});

test('a drain shows each pod as it goes, and X cancels it with the node left cordoned', async (context) => {
  const world = scriptedWorld({
    drain: async (node, options, control) => {
      const pod = {namespace: 'shop', name: 'web-1'};
      control.onProgress({node, pods: [{pod, state: {phase: 'blocked-by-budget', refusals: 2, message: '429'}}]});
      await new Promise((resolve) => control.signal?.addEventListener('abort', resolve));
      const remaining = ['shop/web-1 (refused by a disruption budget 2 times, retrying)'];
      return {
        kind: 'cancelled',
        plan: {evict: [pod], skipped: [], blockers: []},
        progress: {node, pods: []},
        remaining,
      };
    },
  });
  const {frame, press} = await start(context, {world, first: {type: 'table', kind: NODE_KIND, namespace: undefined}});
  world.sink('nodes').snapshot(nodeColumns, [nodeRow('worker-1')]);
  await waitForFrame(frame, (text) => text.includes('worker-1'));
  await press('r', 'r', () => frame().includes('drain node worker-1?') && frame().includes('--timeout'));
  // kubectl's defaults: no flag is set.
  assert.ok(frame().includes('[ ] i: --ignore-daemonsets') && frame().includes('[ ] e: --delete-emptydir-data'));
  await press('→', KEY.right, () => true);
  await press('Enter', KEY.enter, () =>
    frame().includes('shop/web-1: refused by a disruption budget 2 times, retrying'),
  );
  assert.ok(frame().includes('X cancels the drain'));
  await press('X', 'X', () => frame().includes('drain of worker-1 cancelled; it stays cordoned; left: shop/web-1'));
  assert.ok(!frame().includes('X cancels the drain'), 'the progress panel closed');
});

test('--readonly refuses every action with the reason', async (context) => {
  const world = scriptedWorld({readonly: true});
  const {frame, press} = await start(context, {world});
  await press('ctrl-d', KEY.ctrlD, () => frame().includes('delete is not offered: kview runs with --readonly'));
  assert.deepEqual(world.calls, []);
  // Help lists no action that changes the cluster.
  await press('?', '?', () => frame().includes('Keys (table view'));
  assert.ok(frame().includes('mark or unmark the row'), 'the keys that change nothing stay');
  assert.ok(!frame().includes('ctrl-d') && !frame().includes('cordon'), frame());
});

test('an action RBAC forbids is not offered', async (context) => {
  const world = scriptedWorld({allowed: false});
  const {frame, press} = await start(context, {world});
  await press('ctrl-d', KEY.ctrlD, () => frame().includes('your RBAC role does not allow it'));
});

test('text views: / searches, n and N walk the matches', async (context) => {
  const {frame, press} = await start(context, {
    first: {type: 'yaml', kind: NODE_KIND, namespace: undefined, name: 'worker-1'},
    world: scriptedWorld({
      objects: {
        'nodes//worker-1': {
          kind: 'Node',
          metadata: {
            name: 'worker-1',
            labels: Object.fromEntries(Array.from({length: 60}, (_, index) => [`label-${index}`, `value-${index}`])),
          },
        },
      },
    }),
  });
  await waitForFrame(frame, (text) => text.includes('yaml node/worker-1'));
  await press('/', '/value-5', () => frame().includes('/value-5'));
  await press('Enter', KEY.enter, () => frame().includes('/value-5: 11 matches'));
  await press('n', 'n', () => frame().includes('label-50: value-50'));
  await press('N', 'N', () => frame().includes('label-5: value-5'));
});

test('a search typed ahead with its Enter in one read (a slow link) is applied', async (context) => {
  const {frame, app} = await start(context, {
    first: {type: 'yaml', kind: NODE_KIND, namespace: undefined, name: 'worker-1'},
    world: scriptedWorld({
      objects: {
        'nodes//worker-1': {
          kind: 'Node',
          metadata: {
            name: 'worker-1',
            labels: Object.fromEntries(Array.from({length: 60}, (_, index) => [`label-${index}`, `value-${index}`])),
          },
        },
      },
    }),
  });
  await waitForFrame(frame, (text) => text.includes('yaml node/worker-1') && text.includes('label-0: value-0'));
  app.stdin.write('/value-5\r');
  await waitForFrame(frame, (text) => text.includes('/value-5: 11 matches'));
});

test('help, quit and ctrl-c', async (context) => {
  const {frame, press, world} = await start(context);
  await press('?', '?', () => frame().includes('Keys (table view'));
  await press('?', '?', () => !frame().includes('Keys (table view'));
  await press('q', 'q', () => world.stops > 0);
  const second = await start(context);
  await second.press('ctrl-c', KEY.ctrlC, () => second.world.stops > 0);
});

// A forward service that records what it was asked, with one forward once started.
function scriptedForwards() {
  const asked: string[] = [];
  let entries: ForwardEntry[] = [];
  const service: ForwardService = {
    plan: (target) => {
      asked.push(`plan ${target.kind.plural} ${target.namespace}/${target.name}`);
      return Promise.resolve({
        plan: {
          target,
          pod: target.name,
          selector: undefined,
          ports: [{remote: 8080, targetPort: 8080, name: 'http', label: '8080/http (app)'}],
          containerPorts: {8080: 8080},
        },
        defaults: {address: '127.0.0.1', localPort: 8080, remote: '8080'},
      });
    },
    start: (plan, choice) => {
      asked.push(`start ${choice.address}:${choice.localPort}:${choice.remote}`);
      const at = Date.parse('2026-11-22T09:00:00Z');
      const entry: ForwardEntry = {
        id: 1,
        ...choice,
        remote: 8080,
        target: `pod/${plan.target.name}`,
        namespace: plan.target.namespace,
        pod: plan.pod,
        podPort: 8080,
        phase: 'listening',
        connections: 0,
        totalConnections: 3,
        received: 2048,
        sent: 100,
        startedAt: at,
        phaseSince: at,
      };
      entries = [entry];
      return Promise.resolve(entry);
    },
    stop: (id) => {
      asked.push(`stop ${id}`);
      const entry = entries.find((candidate) => candidate.id === id);
      entries = [];
      return Promise.resolve(entry);
    },
    entries: () => entries,
    subscribe: () => () => undefined,
  };
  return {service, asked};
}

const XTERM = {term: 'xterm-256color', inTmux: false, inScreen: false};

test("Y copies the row's name over OSC 52; F asks local address and port, starts the forward, :pf lists it, ctrl-d stops it", async (context) => {
  const forwards = scriptedForwards();
  const world = scriptedWorld({objects: {'pods/demo/pod-00': podObject}, forwards: forwards.service, clipboard: XTERM});
  const {frame, press, app} = await start(context, {world});
  await press('Y', 'Y', () => frame().includes('copied pod name pod-00 (6 bytes)'));
  assert.ok(app.stdout.frames.includes(`\u001b]52;c;${Buffer.from('pod-00').toString('base64')}\u0007`));
  await press('F', 'F', () => /\[ADDRESS:\]LOCAL\[:REMOTE\]:\s+127\.0\.0\.1:8080:8080 /.test(frame()));
  assert.deepEqual(forwards.asked, ['plan pods demo/pod-00']);
  // Backspace back to the address, and a new local port: the prompt edits its default.
  for (let count = 0; count < 12; count++) {
    app.stdin.write('\u007f');
    await waitForFrame(frame, (text) =>
      text.replace(/\s+/g, ' ').includes(`[ADDRESS:]LOCAL[:REMOTE]: ${'127.0.0.1:8080:8080'.slice(0, 18 - count)} `),
    );
  }
  app.stdin.write('.1:9000');
  await press('Enter', KEY.enter, () => frame().includes('forwarding 127.0.0.1:9000 -> pod/pod-00:8080'));
  assert.deepEqual(forwards.asked.at(-1), 'start 127.0.0.1:9000:8080');
  await press(':', ':pf\r', () =>
    /127\.0\.0\.1:9000\s+demo\/pod\/pod-00:8080 -> pod-00:8080\s+listening\s+0 \(3\)\s+2\.0KiB\s+100B/.test(frame()),
  );
  await press('ctrl-d', KEY.ctrlD, () => frame().includes('stopped forwarding 127.0.0.1:9000 -> pod/pod-00'));
  assert.deepEqual(forwards.asked.at(-1), 'stop 1');
  await waitForFrame(frame, (text) => text.includes('No port-forwards'));
});

test('Y in describe and YAML copies the whole text', async (context) => {
  const {frame, press, app} = await start(context, {
    first: {type: 'yaml', kind: NODE_KIND, namespace: undefined, name: 'worker-1'},
    world: scriptedWorld({
      clipboard: XTERM,
      objects: {'nodes//worker-1': {kind: 'Node', metadata: {name: 'worker-1', labels: {zone: 'a'}}}},
    }),
  });
  await waitForFrame(frame, (text) => text.includes('yaml node/worker-1') && text.includes('zone: a'));
  await press('Y', 'Y', () => /copied yaml node\/worker-1 \(\d+ bytes\)/.test(frame()));
  const sequence = app.stdout.frames.filter((written) => written.startsWith('\u001b]52;c;')).at(-1) ?? '';
  assert.equal(
    Buffer.from(sequence.slice(7, -1), 'base64').toString('utf8'),
    'kind: Node\nmetadata:\n  name: worker-1\n  labels:\n    zone: a\n',
  );
});

// s, a and E against a terminal hand-over of the test's own: what kview asks the cluster and the editor, and the
// line it shows after the terminal came back.
function fakeHandover(modes: string[]): TerminalHandover {
  const output = Object.assign(new PassThrough(), {columns: 80, rows: 24});
  return {
    run: (mode, session) => {
      modes.push(mode);
      return session({output, onInput: () => () => undefined});
    },
  };
}

// The App on a scripted world's pods, with the test's own terminal hand-over.
async function podsWithHandover(context: TestContext, world: ScriptedWorld, modes: string[]) {
  const app = render(
    <TerminalHandoverContext.Provider value={fakeHandover(modes)}>
      <App world={world} />
    </TerminalHandoverContext.Provider>,
  );
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  await waitForFrame(frame, () => world.watches.length > 0);
  world.sink().snapshot(podColumns, pods);
  await waitForFrame(frame, (text) => text.includes('pod-00'));
  return {app, frame};
}

test('s opens a shell in the default container, bash first then sh; a checks the container takes a terminal', async (context) => {
  const modes: string[] = [];
  const twoContainers: RowObject = {
    ...podObject,
    metadata: {
      ...podObject.metadata,
      annotations: {'kubectl.kubernetes.io/default-container': 'sidecar'},
    },
    spec: {containers: [{name: 'app'}, {name: 'sidecar', stdin: true, tty: true}]},
  };
  const world = scriptedWorld({objects: {'pods/demo/pod-00': twoContainers}});
  const terminals: string[] = [];
  world.cluster.openPodTerminal = (target) => {
    terminals.push(`${target.mode} ${target.container} ${(target.command ?? []).join(' ')}`.trim());
    // The image has no bash: the runtime says so before the shell prints anything.
    if (target.command?.[0] === 'bash') {
      return Promise.resolve({
        status: 'Failure',
        message: 'exec: "bash": executable file not found in $PATH',
        outputBytes: 0,
        detached: false,
      });
    }
    return Promise.resolve({status: 'Success', exitCode: 0, outputBytes: 120, detached: false});
  };
  const {app, frame} = await podsWithHandover(context, world, modes);
  exercised.add('s');
  app.stdin.write('s');
  await waitForFrame(frame, (text) => text.includes('shell in demo/pod-00 (sidecar): ended'));
  assert.deepEqual(terminals, ['exec sidecar bash', 'exec sidecar sh']);
  exercised.add('a');
  app.stdin.write('a');
  await waitForFrame(frame, (text) => text.includes('attach to demo/pod-00 (sidecar): ended'));
  assert.deepEqual(terminals.at(-1), 'attach sidecar');
  assert.deepEqual(modes, ['raw', 'raw']);
});

test('s on a pod with several containers and no default opens the containers view to pick one', async (context) => {
  const world = scriptedWorld({
    objects: {'pods/demo/pod-00': {...podObject, spec: {containers: [{name: 'app'}, {name: 'sidecar'}]}}},
  });
  const {app, frame} = await podsWithHandover(context, world, []);
  app.stdin.write('s');
  await waitForFrame(frame, (text) => text.includes('containers of demo/pod-00') && text.includes('pick a container'));
  assert.deepEqual(world.calls, [], 'no session was opened');
});

test('E puts the YAML in the editor and sends what it saved; --readonly removes E and keeps s', async (context) => {
  const modes: string[] = [];
  const opened: string[] = [];
  const world = scriptedWorld({
    objects: {'pods/demo/pod-00': {...podObject, metadata: {...podObject.metadata, resourceVersion: '7'}}},
    editor: ['test-editor', '--wait'],
    interactive: {
      async runInteractive(command, args) {
        const file = args.at(-1) ?? '';
        opened.push(`${command} ${args.slice(0, -1).join(' ')}`);
        const text = await readFile(file, 'utf8');
        await writeFile(file, text.replace('name: pod-00', 'name: pod-00\n  labels:\n    edited: "yes"'));
        return {ok: true, stdout: '', stderr: '', exitCode: 0};
      },
    },
  });
  const sent: unknown[] = [];
  world.cluster.replaceObject = (kind, namespace, name, object) => {
    sent.push(object);
    return Promise.resolve(object as RowObject);
  };
  const {app, frame} = await podsWithHandover(context, world, modes);
  exercised.add('E');
  app.stdin.write('E');
  await waitForFrame(frame, (text) => text.includes('pods/pod-00 edited'));
  assert.deepEqual(opened, ['test-editor --wait']);
  assert.deepEqual(modes, ['cooked']);
  assert.deepEqual((sent[0] as {metadata?: unknown}).metadata, {
    name: 'pod-00',
    labels: {edited: 'yes'},
    namespace: 'demo',
    uid: 'u0',
    resourceVersion: '7',
  });

  const readonly = scriptedWorld({
    objects: {'pods/demo/pod-00': podObject},
    readonly: true,
    interactive: world.interactive,
    editor: ['vi'],
  });
  const {app: second, frame: secondFrame} = await podsWithHandover(context, readonly, modes);
  second.stdin.write('E');
  await waitForFrame(secondFrame, (text) => text.includes('edit is not offered: kview runs with --readonly'));
  second.stdin.write('s');
  await waitForFrame(secondFrame, (text) => text.includes('shell in demo/pod-00 (app): ended'));
  assert.deepEqual(readonly.calls, ['exec demo/pod-00/app']);
});

test('every table, text and global key was pressed by a test above', () => {
  const missing = keymap
    .filter((binding) => ['table', 'text', 'global'].includes(binding.scope))
    .flatMap((binding) => binding.keys.map((spec) => spec.label))
    .filter((label) => !exercised.has(label));
  assert.deepEqual(missing, []);
});

test("the nodes view shows kubectl top's usage columns when metrics-server answers", async (context) => {
  const world = scriptedWorld({usage: new Map([['worker-1', {cpu: '500m', memory: '1Gi'}]])});
  const {frame} = await start(context, {world, first: {type: 'table', kind: NODE_KIND, namespace: undefined}});
  world.sink('nodes').snapshot(nodeColumns, [
    {
      ...nodeRow('worker-1'),
      object: {...nodeRow('worker-1').object, status: {allocatable: {cpu: '2', memory: '4Gi'}}},
    },
  ]);
  await waitForFrame(
    frame,
    (text) =>
      /CPU\(cores\)\s+CPU%\s+MEMORY\(bytes\)/.test(text) && /worker-1\s+Ready.*500m\s+25%\s+1024Mi\s+25%/.test(text),
  );
});

test('keys typed into the log view\'s own filter prompt stay there: ":" and "[" are text, not commands', async (context) => {
  const {frame, press} = await start(context);
  await press('l', 'l', () => frame().includes('logs demo/pod-00'));
  await press('/', '/', () => frame().includes('filter (regex, !inverts): /'));
  await press(':', ':[x', () => frame().includes('filter (regex, !inverts): /:[x'));
  assert.ok(frame().includes('‹logs demo/pod-00›'), 'still in the log view, no history jump');
  assert.ok(!frame().includes('Enter run · Esc cancel'), "the App's command line did not open");
});
