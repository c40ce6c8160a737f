import {test} from 'node:test';
import assert from 'node:assert/strict';
import {nodeFindings} from '../../src/node-tools/findings.js';
import type {JournalEntry} from '../../src/node-tools/journal-entries.js';
import {parseSystemctlShow} from '../../src/node-tools/systemctl-show.js';
import {initialNodePaneState, nodePaneReducer} from '../../src/state/node-pane-state.js';
import {fixture} from '../fixtures/node-tools/scripted-node-tools.js';

const now = Date.parse('2024-09-14T00:00:00+09:00');
const entry = (minutesAgo: number, message: string): JournalEntry => ({
  cursor: `c${minutesAgo}`,
  priority: 3,
  timeMs: now - minutesAgo * 60_000,
  timestamp: new Date(now - minutesAgo * 60_000).toISOString(),
  hostname: 'k8s-master',
  identifier: 'kubelet',
  pid: '992',
  unit: 'kubelet.service',
  subjectUnit: '',
  message,
});

test('findings are ordered by severity and carry evidence and the command to see it', () => {
  const flapping = parseSystemctlShow(fixture('systemctl-show-kubelet-flapping.txt'), 'kubelet.service');
  const findings = nodeFindings({
    nowMs: now,
    units: [{unit: 'kubelet.service', status: flapping}],
    journal: {
      unit: 'kubelet.service',
      entries: [
        entry(5, 'kubelet.service: Scheduled restart job, restart counter is at 17.'),
        entry(20, 'kubelet.service: Scheduled restart job, restart counter is at 16.'),
        entry(90, 'kubelet.service: Scheduled restart job, restart counter is at 15.'),
        entry(3, '"Skipping pod synchronization" err="PLEG is not healthy: pleg was last seen active 3m0.45s ago"'),
      ],
    },
    os: {
      mounts: {
        value: [
          {
            filesystem: '/dev/sda1',
            sizeKb: 100,
            usedKb: 91,
            availableKb: 9,
            usedPercent: 91,
            mountPoint: '/var/lib/containerd',
          },
        ],
      },
      uptimeSeconds: {value: 600},
      boots: {value: []},
      interfaces: {value: []},
      routes: {value: []},
      nodePorts: {value: []},
      syslogTail: {value: []},
      kernLogTail: {value: []},
    },
    apiNode: {ready: false, reason: 'KubeletNotReady', message: 'PLEG is not healthy'},
  });
  assert.deepEqual(
    findings.map((finding) => [finding.severity, finding.title]),
    [
      ['critical', 'kubelet.service is not active'],
      ['critical', 'kubelet.service restarted 2 times in the last hour'],
      ['critical', 'PLEG is not healthy (1 time in the last hour)'],
      ['critical', 'node is NotReady in the API'],
      ['warning', 'disk /var/lib/containerd is 91% full'],
      ['info', 'rebooted 10 minutes ago'],
    ],
  );
  assert.equal(findings[1]?.evidence, 'NRestarts=17; 2 restart entries in the journal within the hour');
  assert.equal(findings[4]?.command, 'df -h');
  // The journal each finding's rows open in the node pane, filtered to the lines that show it.
  assert.deepEqual(
    findings.map((finding) => finding.read),
    [
      {unit: 'kubelet.service'},
      {unit: 'kubelet.service', filter: 'Scheduled restart job|Main process exited'},
      {unit: 'kubelet.service', filter: 'PLEG is not healthy'},
      {unit: 'kubelet.service'},
      undefined,
      undefined,
    ],
  );
});

test('a healthy seed 000 kubelet gives no finding', () => {
  const active = parseSystemctlShow(fixture('systemctl-show-kubelet-active.txt'), 'kubelet.service');
  assert.deepEqual(nodeFindings({nowMs: now, units: [{unit: 'kubelet.service', status: active}]}), []);
});

test('the restart dialog opens on Cancel; Enter there cancels, and nothing else acts behind it', () => {
  let state = nodePaneReducer(initialNodePaneState(), {
    type: 'askRestart',
    unit: 'kubelet.service',
    refusal: undefined,
  });
  assert.deepEqual(state.dialog, {unit: 'kubelet.service', focus: 'cancel'});
  state = nodePaneReducer(state, {type: 'command', command: 'node.nextSection'});
  assert.equal(state.section, 'findings', 'tab moves the focus, not the section');
  assert.equal(state.dialog?.focus, 'restart');
  state = nodePaneReducer(state, {type: 'command', command: 'app.back'});
  assert.equal(state.dialog, undefined);
  assert.equal(state.restartRequested, undefined);
  const refused = nodePaneReducer(initialNodePaneState(), {
    type: 'askRestart',
    unit: 'kubelet.service',
    refusal: 'restart is not offered: kview runs with --readonly',
  });
  assert.equal(refused.dialog, undefined);
  assert.match(refused.message ?? '', /--readonly/);
});
