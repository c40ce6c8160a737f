import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import type {Leftover} from '../../src/cluster/debug-pod-status.js';
import {scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';
import {seedScript} from '../fixtures/node-tools/seed-script.js';
import {capturedReading} from '../fixtures/kubelet-reading.js';
import {UTC_ZONE} from '../../src/resources/time-zone.js';
import {fakeDebugPods} from './fake-debug-pods.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';

process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {NodePane} = await import('../../src/ui/node-pane/NodePane.js');
const {StandaloneKeys} = await import('../../src/ui/StandaloneKeys.js');

const TAB = '\t';
const ENTER = '\r';
const ESC = '\u001b';
const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');

// kview runs on no node here (the local tools find none); the pane is asked for k8s-master, whose kubelet the
// scripted proxy answers and whose commands the fake debug pod answers from the seeds' node script.
function renderPane(
  context: TestContext,
  options: {readonly?: boolean; forbidden?: string; leftovers?: Leftover[]} = {},
) {
  const tools = scriptedNodeTools({script: () => undefined});
  const world = scriptedWorld({kubelet: {reading: capturedReading()}});
  const pods = fakeDebugPods(seedScript(), options);
  let left = 0;
  const app = render(
    <StandaloneKeys>
      <NodePane
        tools={tools}
        width={170}
        height={40}
        isActive
        readonly={options.readonly ?? false}
        expectedNode="k8s-master"
        remote={world.cluster}
        debugPods={pods}
        onBack={() => {
          left += 1;
        }}
        timeZone={UTC_ZONE}
      />
    </StandaloneKeys>,
  );
  const frame = () => plain(app.lastFrame() ?? '');
  return {app, pods, frame, left: () => left};
}

test('D asks first, naming pod, namespace, image and privileges; Enter on Cancel creates nothing', async (context) => {
  const {app, pods, frame} = renderPane(context);
  context.after(() => app.unmount());
  await waitForFrame(
    frame,
    (text) => text.includes('via kubelet API') && text.includes('(D: a debug pod for the rest)'),
  );
  app.stdin.write('D');
  const dialog = await waitForFrame(frame, (text) => text.includes('Start a node debug pod on k8s-master?'));
  assert.match(dialog, /Creates pod kview-debug\/kview-debug-k8s-master-abcde from image kview\.local\/busybox:1/);
  assert.match(dialog, /pinned to node k8s-master, tolerating every taint/);
  assert.match(dialog, /Privileges: privileged, the node's PID, network and IPC namespaces, the node's \/ at \/host/);
  assert.match(dialog, /Kubernetes ends it after 600 s in any case/);
  app.stdin.write(ENTER);
  await waitForFrame(frame, (text) => !text.includes('Start a node debug pod'));
  assert.deepEqual(pods.started, [], 'Cancel has the focus');
  app.stdin.write('D');
  await waitForFrame(frame, (text) => text.includes('Start a node debug pod'));
  app.stdin.write(ESC);
  await waitForFrame(frame, (text) => !text.includes('Start a node debug pod'));
  assert.deepEqual(pods.started, []);
});

test('confirmed, the pane becomes the local pane over the pod: same sections from the same code, then the pod is deleted', async (context) => {
  const {app, pods, frame, left} = renderPane(context);
  await waitForFrame(frame, (text) => text.includes('(D: a debug pod for the rest)'));
  app.stdin.write(TAB);
  await waitForFrame(frame, (text) => text.includes('need a node debug pod: D starts one (asks first)'));
  app.stdin.write('D');
  await waitForFrame(frame, (text) => text.includes('Start a node debug pod'));
  app.stdin.write(TAB);
  app.stdin.write(ENTER);
  let shown = await waitForFrame(frame, (text) => /Findings \d/.test(text) && text.includes('via debug pod'));
  assert.equal(pods.started.length, 1);
  assert.match(
    shown,
    /^node k8s-master \(kubelet\) via debug pod kview-debug\/kview-debug-k8s-master-abcde {2}kubelet/m,
  );
  assert.match(
    shown,
    /debug pod kview-debug\/kview-debug-k8s-master-abcde \(kview\.local\/busybox:1\) Running in 0\.8 s/,
  );
  // Every command went to the pod into the node's mount namespace through the node's env, never through a shell.
  assert.ok(pods.commands.length > 5);
  for (const command of pods.commands) {
    const entry = command.indexOf('nsenter');
    assert.deepEqual(
      command.slice(entry, entry + 7),
      ['nsenter', '-t', '1', '-m', '--', '/usr/bin/env', '--'],
      command.join(' '),
    );
    assert.ok(!command.includes('sh'), command.join(' '));
  }
  assert.ok(pods.commands.some((command) => command.includes('systemctl') && command.includes('show')));
  app.stdin.write(TAB);
  shown = await waitForFrame(frame, (text) => /kubelet\.service\s+active\s+running/.test(text));
  // The hint bar of the pane over the pod offers restart, not another debug pod.
  assert.ok(!/<D> debug pod/.test(shown));
  app.stdin.write('R');
  await waitForFrame(frame, (text) => text.includes('Restart kubelet.service?'));
  app.stdin.write(ESC);
  await waitForFrame(frame, (text) => !text.includes('Restart kubelet.service?'));
  app.stdin.write(ESC);
  await waitForFrame(
    () => String(left()),
    (count) => count === '1',
  );
  app.unmount();
  assert.deepEqual(pods.released, ['kview-debug/kview-debug-k8s-master-abcde'], 'closing the pane deletes the pod');
});

test('--readonly: no D in the hints or help, D refuses, nothing is created', async (context) => {
  const {app, pods, frame} = renderPane(context, {readonly: true});
  context.after(() => app.unmount());
  const shown = await waitForFrame(frame, (text) => text.includes('via kubelet API') && text.includes('[readonly]'));
  assert.ok(!shown.includes('<D>'), 'no D in the hint bar');
  app.stdin.write('?');
  const help = await waitForFrame(frame, (text) => text.includes('Keys (node view'));
  assert.ok(!help.includes('debug pod'), 'no debug pod key in the help');
  app.stdin.write('?');
  await waitForFrame(frame, (text) => !text.includes('Keys (node view'));
  app.stdin.write('D');
  await waitForFrame(frame, (text) => text.includes('--readonly: kview creates no debug pod'));
  assert.deepEqual(pods.started, []);
});

test('a forbidden review says which verb and resource, and D does not ask', async (context) => {
  const forbidden = 'forbidden: create pods/exec in namespace kview-debug is not allowed for you (no debug pod)';
  const {app, pods, frame} = renderPane(context, {forbidden});
  context.after(() => app.unmount());
  await waitForFrame(frame, (text) => text.includes('via kubelet API'));
  app.stdin.write(TAB);
  await waitForFrame(frame, (text) => text.includes(forbidden));
  app.stdin.write('D');
  await waitForFrame(frame, (text) => text.split(forbidden).length > 2);
  assert.ok(!frame().includes('Start a node debug pod'));
  assert.deepEqual(pods.started, []);
});

test('leftovers are listed when the pane opens; X deletes only the orphaned ones, after asking', async (context) => {
  const leftover = (name: string, orphaned: string | undefined): Leftover => ({
    namespace: 'kview-debug',
    name,
    node: 'k8s-master',
    owner: 'ops@bastion pid 7',
    created: '2026-11-22T08:00:00Z',
    phase: orphaned ? 'Failed DeadlineExceeded' : 'Running',
    orphaned,
  });
  const {app, pods, frame} = renderPane(context, {
    leftovers: [leftover('old-1', 'ended (Failed DeadlineExceeded)'), leftover('busy-2', undefined)],
  });
  context.after(() => app.unmount());
  const shown = await waitForFrame(frame, (text) => text.includes('leftover debug pods'));
  assert.match(
    shown,
    /leftover debug pods: kview-debug\/old-1 \(k8s-master, Failed DeadlineExceeded, orphaned\), kview-debug\/busy-2 \(k8s-master, Running, in use\); X deletes the 1 orphaned/,
  );
  app.stdin.write('X');
  await waitForFrame(frame, (text) => text.includes('Delete 1 leftover debug pod?'));
  app.stdin.write(TAB);
  app.stdin.write(ENTER);
  await waitForFrame(frame, (text) => text.includes('deleted 1 leftover debug pod'));
  assert.deepEqual(pods.removed, ['kview-debug/old-1']);
  await waitForFrame(frame, (text) => !text.includes('old-1'));
});
