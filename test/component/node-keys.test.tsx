import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import {keymap} from '../../src/state/keymap.js';
import {scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';
import {seedScript} from '../fixtures/node-tools/seed-script.js';
import {waitForFrame} from './scripted-world.js';

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

test('journal: f follow, s since, p priority, c entries, u next unit; n/N walk the filter\'s matches',
  async (context) => {
  const {app, frame, press} = start(context);
  await waitForFrame(frame, (text) => text.includes('Findings'));
  await press('l', 'll', () => /journalctl -u kubelet\.service/.test(frame()));
  await press('f', 'f', () => /journalctl [^\n]*(-f|--follow)/.test(frame()));
  await press('s', 's', () => /journalctl [^\n]*--since/.test(frame()));
  await press('p', 'p', () => /journalctl [^\n]*(-p|--priority)/.test(frame()));
  const entries = /journalctl [^\n]*-n (\d+)/.exec(frame())?.[1];
  await press('c', 'c', () => /journalctl [^\n]*-n (\d+)/.exec(frame())?.[1] !== entries);
  await press('n', 'n', () => frame().includes('no filter: / to set one'));
  app.stdin.write('/House\r');
  await waitForFrame(frame, (text) => text.includes('filter House (n/N'));
  await press('N', 'N', () => frame().includes('match 1 of 1'));
  app.stdin.write('\u001b');
  await waitForFrame(frame, (text) => text.includes('filter cleared'));
  await press('u', 'u', () => /journalctl -u containerd\.service/.test(frame()));
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

test('every node pane key was pressed by a test above', () => {
  const missing = keymap.filter((binding) => binding.scope === 'node')
    .flatMap((binding) => binding.keys.map((spec) => spec.label)).filter((label) => !exercised.has(label));
  assert.deepEqual(missing, []);
});
