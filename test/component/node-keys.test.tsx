import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {keymap} from '../../src/state/keymap.js';
import {scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';
import {seedScript} from '../fixtures/node-tools/seed-script.js';
import {capturedReading} from '../fixtures/kubelet-reading.js';
import {fakeDebugPods} from './fake-debug-pods.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';

// Every key of the node pane pressed in the real NodePane, on the seeds' replayed systemctl, journalctl and
// crictl output (those binaries cannot run here; see test/fixtures/node-tools/README.md).
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {NodePane} = await import('../../src/ui/node-pane/NodePane.js');

const exercised = new Set<string>();

function start(context: TestContext) {
  const tools = scriptedNodeTools({script: seedScript()});
  const app = render(<NodePane tools={tools} width={160} height={30} isActive readonly={false} />);
  context.after(() => app.unmount());
  const raw = () => app.lastFrame() ?? '';
  const frame = () => raw().replace(/\u001b\[[0-9;]*m/g, '');
  // The section whose tab is drawn inverse.
  const section = () => /\u001b\[7m(?:\u001b\[[0-9;]*m)*\s*(Findings|Units|Journal|Runtime|OS)/.exec(raw())?.[1];
  const press = async (label: string, sequence: string, until: () => boolean) => {
    exercised.add(label);
    app.stdin.write(sequence);
    await waitForFrame(frame, () => until()).catch((error: unknown) => {
      throw new Error(`after ${label}: ${error instanceof Error ? error.message : String(error)}`);
    });
  };
  return {tools, app, frame, section, press};
}

test('sections: tab l → forward, h ← back; r runs the checks again', async (context) => {
  const {tools, frame, section, press} = start(context);
  await waitForFrame(frame, (text) => text.includes('Findings'));
  await press('tab', '\t', () => section() === 'Units');
  await press('l', 'l', () => section() === 'Journal');
  await press('→', '\u001b[C', () => section() === 'Runtime');
  await press('h', 'h', () => section() === 'Journal');
  await press('←', '\u001b[D', () => section() === 'Units');
  const before = tools.runner.calls.length;
  await press('r', 'r', () => tools.runner.calls.length > before);
});

test('journal: Enter opens the unit in the log reader; u next unit, a all units, b previous boot, p priority', async (context) => {
  const {tools, frame, press} = start(context);
  // The reader's journalctl calls, not the section's preview (-p warning, no --follow).
  const lastCall = () =>
    tools.runner.calls.filter((call) => call.command === 'journalctl' && !call.args.includes('--since=-1h')).at(-1)
      ?.args ?? [];
  await waitForFrame(frame, (text) => text.includes('Findings'));
  await press('l', 'll', () => /kubelet\.service\s+1\s+0\s/.test(frame()));
  await press(
    'enter',
    '\r',
    () =>
      frame().includes('Journal node/k8s-master (kubelet.service)') &&
      lastCall().includes('--follow') &&
      lastCall().includes('--unit=kubelet.service'),
  );
  await press('p', 'p', () => frame().includes('priority err and worse') && lastCall().includes('--priority=err'));
  await press(
    'u',
    'u',
    () => frame().includes('(containerd.service)') && lastCall().includes('--unit=containerd.service'),
  );
  await press(
    'a',
    'a',
    () =>
      frame().includes('(all units)') &&
      lastCall().includes('--unit=kubelet.service') &&
      lastCall().includes('--unit=containerd.service'),
  );
  await press(
    'b',
    'b',
    () => frame().includes('[previous boot]') && lastCall().includes('--boot=-1') && !lastCall().includes('--follow'),
  );
  await press('Esc', '\u001b', () => frame().includes('latest warnings and errors'));
});

test("journal: / opens the selected unit's journal with the reader's filter prompt", async (context) => {
  const {frame, press} = start(context);
  await waitForFrame(frame, (text) => text.includes('Findings'));
  await press('l', 'll', () => frame().includes('latest warnings and errors'));
  await press('/', '/', () => frame().includes('filter (regex, !inverts): /'));
});

test('runtime: v switches pods, containers and images; Enter opens a pod', async (context) => {
  const {frame, press} = start(context);
  await waitForFrame(frame, (text) => text.includes('Findings'));
  await press('l', 'lll', () => frame().includes('crictl pods'));
  await press('v', 'v', () => frame().includes('crictl containers'));
  await press('v', 'v', () => frame().includes('crictl images'));
  await press('v', 'v', () => frame().includes('crictl pods'));
  await press('enter', '\r', () => frame().includes('Containers'));
});

test('R asks before restarting a unit', async (context) => {
  const {frame, press} = start(context);
  await waitForFrame(frame, (text) => text.includes('Findings'));
  await press('tab', '\t', () => /kubelet\.service\s+active\s+running/.test(frame()));
  await press('R', 'R', () => frame().includes('Restart kubelet.service?'));
});

test('another node: D asks before starting a debug pod, X before deleting leftovers', async (context) => {
  const world = scriptedWorld({kubelet: {reading: capturedReading()}});
  const pods = fakeDebugPods(seedScript(), {
    leftovers: [
      {
        namespace: 'kview-debug',
        name: 'old-1',
        node: 'k8s-master',
        owner: 'ops@bastion pid 7',
        created: '2026-11-22T08:00:00Z',
        phase: 'Failed DeadlineExceeded',
        orphaned: 'ended (Failed DeadlineExceeded)',
      },
    ],
  });
  const app = render(
    <NodePane
      tools={scriptedNodeTools({script: () => undefined})}
      width={160}
      height={30}
      isActive
      readonly={false}
      expectedNode="k8s-master"
      remote={world.cluster}
      debugPods={pods}
    />,
  );
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  await waitForFrame(frame, (text) => text.includes('via kubelet API') && text.includes('leftover debug pods'));
  for (const [label, opens] of [
    ['D', 'Start a node debug pod on k8s-master?'],
    ['X', 'Delete 1 leftover debug pod?'],
  ] as const) {
    exercised.add(label);
    app.stdin.write(label);
    await waitForFrame(frame, (text) => text.includes(opens));
    app.stdin.write('\u001b');
    await waitForFrame(frame, (text) => !text.includes(opens));
  }
  assert.deepEqual(pods.started, []);
  assert.deepEqual(pods.removed, []);
});

test('every node pane and journal reader key was pressed by a test above', () => {
  const missing = keymap
    .filter((binding) => binding.scope === 'node' || binding.scope === 'journal')
    .flatMap((binding) => binding.keys.map((spec) => spec.label))
    .filter((label) => !exercised.has(label));
  assert.deepEqual(missing, []);
});
