import {test} from 'node:test';
import assert from 'node:assert/strict';
import {journalRowTarget, listShown, paneKeyOutcome, podLogsRowTarget} from '../../src/state/node-pane-keys.js';
import type {PaneKeyContext} from '../../src/state/node-pane-keys.js';
import {initialNodePaneState} from '../../src/state/node-pane-state.js';
import type {NodePaneState} from '../../src/state/node-pane-state.js';

const pod = {directory: '/var/log/pods/demo_web_1', namespace: 'demo', pod: 'web', containers: ['app']};
const context = (selected: string | undefined, change: Partial<PaneKeyContext> = {}): PaneKeyContext => ({
  selected,
  rowCount: 5,
  podLogs: pod,
  restartRefusal: () => undefined,
  ...change,
});
const inSection = (section: NodePaneState['section'], change: Partial<NodePaneState> = {}): NodePaneState => ({
  ...initialNodePaneState(),
  section,
  ...change,
});

test('Enter and / on journal rows open the reader on one unit or all; Enter on a unit reads its journal', () => {
  assert.deepEqual(paneKeyOutcome(inSection('journal'), 'node.open', context(journalRowTarget('kubelet.service'))), {
    kind: 'apply',
    action: {type: 'openReader', reader: {kind: 'journal', unit: 'kubelet.service', withFilter: false}},
  });
  assert.deepEqual(paneKeyOutcome(inSection('journal'), 'app.filter', context(journalRowTarget(undefined))), {
    kind: 'apply',
    action: {type: 'openReader', reader: {kind: 'journal', unit: undefined, withFilter: true}},
  });
  assert.deepEqual(paneKeyOutcome(inSection('units'), 'node.open', context('containerd.service')), {
    kind: 'apply',
    action: {type: 'openReader', reader: {kind: 'journal', unit: 'containerd.service', withFilter: false}},
  });
  // A finding's rows open its journal with the filter for its lines.
  assert.deepEqual(
    paneKeyOutcome(
      inSection('findings'),
      'node.open',
      context(journalRowTarget('kubelet.service', 'PLEG is not healthy')),
    ),
    {
      kind: 'apply',
      action: {
        type: 'openReader',
        reader: {kind: 'journal', unit: 'kubelet.service', withFilter: false, filter: 'PLEG is not healthy'},
      },
    },
  );
  // A row that is no journal row (the "latest" title) opens nothing; the key is the pane's own command.
  assert.deepEqual(paneKeyOutcome(inSection('journal'), 'node.open', context(undefined)), {
    kind: 'apply',
    action: {type: 'command', command: 'node.open', rowCount: 5},
  });
});

test('in the runtime section Enter opens a pod or container, and in their detail a log row opens its files', () => {
  assert.deepEqual(paneKeyOutcome(inSection('runtime'), 'node.open', context('abc123')), {
    kind: 'apply',
    action: {type: 'openDetail', sandboxId: 'abc123'},
  });
  assert.deepEqual(paneKeyOutcome(inSection('runtime', {runtimeView: 'containers'}), 'node.open', context('def456')), {
    kind: 'apply',
    action: {type: 'openContainer', containerId: 'def456'},
  });
  const walk = inSection('runtime', {detailSandboxId: 'abc123'});
  assert.deepEqual(paneKeyOutcome(walk, 'node.open', context(podLogsRowTarget('app'))), {
    kind: 'apply',
    action: {type: 'openReader', reader: {kind: 'podFiles', pod, container: 'app', withFilter: false}},
  });
  // Without known log files the row opens nothing.
  assert.deepEqual(paneKeyOutcome(walk, 'node.open', context(podLogsRowTarget('app'), {podLogs: undefined})), {
    kind: 'apply',
    action: {type: 'command', command: 'node.open', rowCount: 5},
  });
  assert.notEqual(listShown(walk), listShown(inSection('runtime')), 'opening a detail changes the list shown');
});

test('R restarts only a unit, with the refusal said; q quits and Esc leaves unless something is open', () => {
  assert.deepEqual(paneKeyOutcome(inSection('findings'), 'node.restart', context('x')), {
    kind: 'apply',
    action: {type: 'askRestart', unit: '', refusal: 'select a unit in the Units section to restart it'},
  });
  assert.deepEqual(
    paneKeyOutcome(
      inSection('units'),
      'node.restart',
      context('kubelet.service', {restartRefusal: () => 'restart is not offered: kview runs with --readonly'}),
    ),
    {
      kind: 'apply',
      action: {
        type: 'askRestart',
        unit: 'kubelet.service',
        refusal: 'restart is not offered: kview runs with --readonly',
      },
    },
  );
  assert.deepEqual(paneKeyOutcome(inSection('units'), 'app.quit', context(undefined)), {kind: 'quit'});
  assert.deepEqual(paneKeyOutcome(inSection('units'), 'app.back', context(undefined)), {kind: 'leave'});
  assert.deepEqual(paneKeyOutcome(inSection('runtime', {detailSandboxId: 'abc'}), 'app.back', context(undefined)), {
    kind: 'apply',
    action: {type: 'command', command: 'app.back', rowCount: 5},
  });
});
