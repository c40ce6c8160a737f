import {mock, test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {KviewError} from '../../src/cluster/kview-error.js';
import type {RowObject} from '../../src/cluster/types.js';
import type {World} from '../../src/ui/world.js';
import {podColumns, podRow} from '../fixtures/table-rows.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';
import type {FailingCall} from './scripted-world.js';

// Every call a view fires is made to fail here, one at a time, through the world the App is given (no module
// mocks). Each must end as one line in the view, with kview still running: no unhandled rejection (which ends
// Node 20 with a stack trace) and no exception out of a key handler.
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {App} = await import('../../src/ui/App.js');

const ESCAPE = '\u001b';
const ENTER = '\r';
const CTRL_D = '\u0004';

const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));
process.on('uncaughtException', (error) => unhandled.push(error));

const podObject: RowObject = {
  kind: 'Pod',
  metadata: {name: 'web-1', namespace: 'demo', uid: 'u1'},
  spec: {containers: [{name: 'app', image: 'busybox'}]},
  status: {phase: 'Running', containerStatuses: [{name: 'app', ready: true, restartCount: 0, state: {running: {}}}]},
};

async function start(context: TestContext, world: World & {sink: ReturnType<typeof scriptedWorld>['sink']}) {
  const app = render(<App world={world} />);
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const scripted = world as ReturnType<typeof scriptedWorld>;
  await waitForFrame(frame, () => scripted.watches.length > 0);
  world.sink().state({phase: 'live', since: 0});
  world.sink().snapshot(podColumns, [podRow('demo', 'web-1')]);
  await waitForFrame(frame, (text) => text.includes('web-1'));
  return {app, frame};
}

// The one line, and kview still answering around it: the header, and ':' opening the command line.
async function assertStillWorking(app: ReturnType<typeof render>, frame: () => string) {
  assert.deepEqual(unhandled, [], 'no rejection or exception escaped');
  assert.match(frame(), /ctx: ctx-test/, 'the header is still drawn');
  app.stdin.write(':');
  await waitForFrame(frame, (text) => /^:\s*$/m.test(text) || /^:/m.test(text.split('\n').at(-2) ?? ''));
  app.stdin.write(ESCAPE);
}

function failing(call: FailingCall, message: string) {
  return scriptedWorld({objects: {'pods/demo/web-1': podObject}, failing: {[call]: message}});
}

test('discovery that fails is one flash line; the built-in kinds still work', async (context) => {
  const world = failing('kinds', 'discovery: connect ECONNREFUSED 127.0.0.1:6443');
  const {app, frame} = await start(context, world);
  await waitForFrame(frame, (text) =>
    text.includes('resource kinds: discovery: connect ECONNREFUSED 127.0.0.1:6443 (only the built-in kinds are known)'),
  );
  await assertStillWorking(app, frame);
});

test('a pod read that fails in the containers view is one line', async (context) => {
  const world = failing('getObject', 'pods "web-1" is forbidden: User "x" cannot get resource "pods"');
  const {app, frame} = await start(context, world);
  app.stdin.write(ENTER);
  const shown = await waitForFrame(
    frame,
    (text) => text.includes('containers of demo/web-1') && text.includes('forbidden'),
  );
  const lines = shown.split('\n').filter((line) => line.includes('forbidden'));
  assert.equal(lines.length, 1, 'one line');
  assert.match(lines[0] ?? '', /pods "web-1" is forbidden: User "x" cannot get resource "pods"/);
  await assertStillWorking(app, frame);
});

test('an access review that fails refuses the action and says why in one line', async (context) => {
  const world = failing('can', 'selfsubjectaccessreviews: 503 Service Unavailable');
  const {app, frame} = await start(context, world);
  app.stdin.write(CTRL_D);
  await waitForFrame(frame, (text) =>
    text.includes(
      'delete is not offered: the access review failed (selfsubjectaccessreviews: 503 Service Unavailable)',
    ),
  );
  assert.deepEqual(world.calls, [], 'nothing was deleted');
  await assertStillWorking(app, frame);
});

test('a failing delete is one inert flash line', async (context) => {
  // The message quotes the server, escape sequences and all: they must arrive inert.
  const world = failing(
    'deleteObject',
    'pods "web-1": the server has asked \u001b[2J\u001b]0;pwned\u0007for the client to provide credentials',
  );
  const {app, frame} = await start(context, world);
  app.stdin.write(CTRL_D);
  await waitForFrame(frame, (text) => text.includes('delete pod demo/web-1?'));
  // Cancel is focused: move to Delete, then confirm.
  app.stdin.write('\t');
  app.stdin.write(ENTER);
  await waitForFrame(frame, (text) => text.includes('delete failed: pods "web-1": the server has asked'));
  const raw = app.lastFrame() ?? '';
  assert.ok(
    !raw.includes('\u001b[2J') && !raw.includes('\u001b]0;'),
    'no escape sequence from the message reached the screen',
  );
  assert.match(frame(), /delete failed: pods "web-1": the server has asked for the client to provide credentials/);
  await assertStillWorking(app, frame);
});

test('picking a context whose kubeconfig entry is unusable is one line, and kview stays on the current one', async (context) => {
  const world = scriptedWorld({
    switchContext: (name) => {
      throw new KviewError(
        `context "${name}" has no usable cluster`,
        'check the kubeconfig entry',
        'bad-configuration',
      );
    },
  });
  const {app, frame} = await start(context, world);
  app.stdin.write(':ctx');
  app.stdin.write(ENTER);
  await waitForFrame(frame, (text) => text.includes('ctx-other'));
  // The picker (ink-select-input) subscribes to keys again after each paint, so a key sent right after a frame is
  // lost: each key is sent again until it has shown its effect (the list has two entries, so a lost arrow is
  // never counted twice).
  const pressUntil = async (sequence: string, until: (text: string) => boolean) => {
    for (let attempt = 0; !until(frame()); attempt++) {
      assert.ok(attempt < 20, `the context picker took ${JSON.stringify(sequence)}`);
      app.stdin.write(sequence);
      await waitForFrame(frame, until, 100).catch(() => undefined);
    }
    return frame();
  };
  await pressUntil('\u001b[B', (text) => text.includes('❯ ctx-other'));
  const shown = await pressUntil(ENTER, (text) => text.includes('cannot switch to ctx-other'));
  assert.match(
    shown,
    /cannot switch to ctx-other: context "ctx-other" has no usable cluster \(check the kubeconfig entry\)/,
  );
  assert.match(shown, /ctx: ctx-test/, 'still on the current context');
  await assertStillWorking(app, frame);
});

test('a view that throws is one line from its boundary; the header, Esc back and : keep working', async (context) => {
  const world = scriptedWorld({
    logs: {
      open: () => {
        throw new Error('log source exploded\n    at open (log-source.ts:1:1)');
      },
      containersOf: () => Promise.resolve([]),
    },
  });
  const {app, frame} = await start(context, world);
  app.stdin.write('l');
  const failed = await waitForFrame(frame, (text) => text.includes('this view failed'));
  assert.match(failed, /this view failed: log source exploded \(Esc goes back, : opens another view\)/);
  assert.doesNotMatch(failed, /at open|log-source\.ts/, 'no stack trace');
  assert.match(failed, /ctx: ctx-test/);
  const watches = world.watches.length;
  app.stdin.write(ESCAPE);
  await waitForFrame(frame, () => world.watches.length > watches);
  world.sink().snapshot(podColumns, [podRow('demo', 'web-1')]);
  await waitForFrame(frame, (text) => text.includes('web-1') && !text.includes('this view failed'));
  await assertStillWorking(app, frame);
});

test('the containers view polls one read at a time: a read slower than the interval is not piled up', async (context) => {
  mock.timers.enable({apis: ['setInterval']});
  context.after(() => mock.timers.reset());
  const world = scriptedWorld({objects: {'pods/demo/web-1': podObject}});
  const pending: Array<() => void> = [];
  const answer = world.cluster.getObject;
  world.cluster = {
    ...world.cluster,
    // A link so slow that each read outlasts several refresh intervals.
    getObject: (kind, namespace, name) =>
      new Promise((resolve, reject) => {
        pending.push(() => {
          answer(kind, namespace, name).then(resolve, reject);
        });
      }),
  };
  const {app, frame} = await start(context, world);
  app.stdin.write(ENTER);
  await waitForFrame(frame, () => pending.length === 1);
  for (let interval = 0; interval < 5; interval++) mock.timers.tick(2000);
  assert.equal(pending.length, 1, 'no second read while the first is out');
  pending[0]?.();
  await waitForFrame(frame, (text) => /app\s+regular/.test(text) || text.includes('busybox'));
  mock.timers.tick(2000);
  assert.equal(pending.length, 2, 'the next interval reads again once the first answered');
  assert.deepEqual(unhandled, []);
});

test('Esc on a failed view the App runs keys for goes back one step, not two', async (context) => {
  const world = scriptedWorld({objects: {'pods/demo/web-1': podObject}});
  Object.defineProperty(world.cluster, 'contexts', {
    get: () => {
      throw new Error('the kubeconfig file vanished');
    },
  });
  const {app, frame} = await start(context, world);
  app.stdin.write(ENTER);
  await waitForFrame(frame, (text) => text.includes('containers of demo/web-1'));
  app.stdin.write(':ctx');
  app.stdin.write(ENTER);
  await waitForFrame(frame, (text) => text.includes('this view failed: the kubeconfig file vanished'));
  app.stdin.write(ESCAPE);
  await waitForFrame(frame, (text) => text.includes('containers of demo/web-1'));
  assert.deepEqual(unhandled, []);
});

test('node usage that fails (no metrics-server answer) leaves the nodes table without usage, and no rejection', async (context) => {
  const world = failing('nodeUsage', 'the server could not find the requested resource (get nodes.metrics.k8s.io)');
  const {app, frame} = await start(context, world);
  app.stdin.write(':no');
  app.stdin.write(ENTER);
  await waitForFrame(frame, () => world.watches.some((watch) => watch.plural === 'nodes'));
  world.sink('nodes').snapshot(
    ['Name', 'Status', 'Roles', 'Age', 'Version'].map((name) => ({name, type: 'string', format: '', priority: 0})),
    [
      {
        cells: ['worker-1', 'Ready', '<none>', '5m', 'v1.20.2'],
        object: {kind: 'Node', metadata: {name: 'worker-1', uid: 'n1', creationTimestamp: '2026-11-22T08:00:00Z'}},
      },
    ],
  );
  const shown = await waitForFrame(frame, (text) => text.includes('worker-1'));
  assert.doesNotMatch(shown, /CPU|MEMORY/, 'no usage columns without an answer');
  await assertStillWorking(app, frame);
});
