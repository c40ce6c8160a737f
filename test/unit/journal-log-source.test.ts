import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {LogLine, LogRequest, LogTarget, StreamStatus} from '../../src/cluster/log-types.js';
import {journalctlArgs, parseJournalLine} from '../../src/node-tools/journal-entries.js';
import {
  createJournalLogSource,
  journalCommandLine,
  journalLogLine,
  journalQueryFor,
} from '../../src/node-tools/journal-log-source.js';
import {scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';
import type {Script} from '../fixtures/node-tools/scripted-node-tools.js';

type JournalTarget = Extract<LogTarget, {kind: 'journal'}>;
const target: JournalTarget = {kind: 'journal', node: 'k8s-master', units: ['kubelet.service', 'containerd.service']};
const NOW = Date.parse('2026-11-22T10:00:00Z');
const request = (change: Partial<LogRequest> = {}): LogRequest => ({
  window: {kind: 'tail', lines: 200},
  follow: true,
  previous: false,
  allContainers: false,
  ...change,
});

function entry(index: number, fields: Record<string, string> = {}): string {
  return JSON.stringify({
    __CURSOR: `s=1;i=${index}`,
    __REALTIME_TIMESTAMP: String(1725960313000000 + index * 1001),
    PRIORITY: '6',
    SYSLOG_IDENTIFIER: 'kubelet',
    _PID: '992',
    _SYSTEMD_UNIT: 'kubelet.service',
    MESSAGE: `entry ${index}`,
    ...fields,
  });
}

test("the log view's windows become journalctl options; times go as @epoch whatever the time zone", () => {
  const args = (change: Partial<LogRequest>, cursor?: string) =>
    journalctlArgs(journalQueryFor(target, request(change), NOW, cursor));
  assert.deepEqual(args({}), ['--no-pager', '--output=json', '--unit=kubelet.service', '--lines=200', '--follow']);
  assert.deepEqual(args({window: {kind: 'since', seconds: 300}, follow: false}), [
    '--no-pager',
    '--output=json',
    '--unit=kubelet.service',
    '--lines=all',
    `--since=@${NOW / 1000 - 300}`,
  ]);
  assert.ok(
    args({window: {kind: 'sinceTime', time: '2026-11-22T00:00:00Z'}}).includes(
      `--since=@${Date.parse('2026-11-22T00:00:00Z') / 1000}`,
    ),
  );
  assert.deepEqual(
    args({allContainers: true, priority: 'err'}).filter((word) => /unit|priority/.test(word)),
    ['--unit=kubelet.service', '--unit=containerd.service', '--priority=err'],
  );
  assert.deepEqual(args({container: 'containerd.service', previous: true}).slice(2), [
    '--unit=containerd.service',
    '--lines=200',
    '--boot=-1',
  ]);
  // A resumed follow starts after the last entry it delivered, whatever the window was.
  assert.deepEqual(args({window: {kind: 'since', seconds: 60}}, 's=1;i=7').slice(2), [
    '--unit=kubelet.service',
    '--lines=all',
    '--after-cursor=s=1;i=7',
    '--follow',
  ]);
  assert.equal(
    journalCommandLine({...target, directory: '/srv/copied'}, request({priority: 'warning'})),
    'journalctl --unit=kubelet.service --lines=200 --priority=warning --directory=/srv/copied --follow',
  );
});

test("a journal entry becomes a log line: short-format text, journald's microseconds, its priority as a level", () => {
  const parsed = parseJournalLine(entry(3, {PRIORITY: '3'}));
  assert.ok(parsed);
  assert.deepEqual(journalLogLine(parsed, 'k8s-master', ['kubelet.service']), {
    streamId: 'journal/k8s-master/kubelet.service',
    timestamp: '2024-09-10T09:25:13.003003Z',
    text: 'kubelet[992]: entry 3',
    kind: 'line',
    level: 'error',
  });
  // systemd's own "Started kubelet.service" (logged by PID 1) belongs to the unit it is about.
  const started = parseJournalLine(
    entry(4, {
      _SYSTEMD_UNIT: 'init.scope',
      UNIT: 'containerd.service',
      SYSLOG_IDENTIFIER: 'systemd',
      _PID: '1',
      PRIORITY: '4',
    }),
  );
  assert.ok(started);
  const line = journalLogLine(started, 'k8s-master', ['kubelet.service', 'containerd.service']);
  assert.equal(line.streamId, 'journal/k8s-master/containerd.service');
  assert.equal(line.level, 'warning');
});

// The scripted journalctl delivers entries 1-3 and dies (exit 1), then honours --after-cursor as journalctl does.
function dyingJournal(calls: string[][]): Script {
  return (command, args) => {
    if (command !== 'journalctl') return undefined;
    calls.push([...args]);
    const after = args.find((word) => word.startsWith('--after-cursor='));
    if (!after) {
      return {
        ok: false,
        stdout: [1, 2, 3].map((index) => entry(index)).join('\n'),
        stderr: 'killed',
        failure: {kind: 'exit', exitCode: 1, line: 'journalctl: exit 1: killed'},
      };
    }
    const from = Number(after.split('i=')[1]);
    return [4, 5, 6]
      .filter((index) => index > from)
      .map((index) => entry(index))
      .join('\n');
  };
}

test('a followed journal whose journalctl dies is resumed after the last cursor: no entry lost or repeated', async () => {
  const calls: string[][] = [];
  const tools = scriptedNodeTools({script: dyingJournal(calls), nowMs: NOW});
  const lines: LogLine[] = [];
  const statuses: StreamStatus[] = [];
  let wakeups = 0;
  let closeReader = () => undefined as void;
  const closed = new Promise<void>((resolve) => {
    closeReader = resolve;
  });
  const source = createJournalLogSource(tools, {
    retryDelaysMs: [0],
    sleep: () => {
      wakeups += 1;
      // Two resumptions prove the cursor moves with the entries; then the view closes the reader.
      if (wakeups >= 3) {
        stream.stop();
        closeReader();
      }
      return Promise.resolve();
    },
  });
  const stream = source.open(target, request(), {
    lines: (batch) => lines.push(...batch),
    status: (status) => statuses.push(status),
  });
  await closed;
  assert.deepEqual(
    lines.map((line) => line.text),
    [1, 2, 3, 4, 5, 6].map((index) => `kubelet[992]: entry ${index}`),
  );
  assert.ok(calls[1]?.includes('--after-cursor=s=1;i=3'), JSON.stringify(calls));
  assert.ok(calls[2]?.includes('--after-cursor=s=1;i=6'), 'the second resumption starts after entry 6');
  assert.ok(statuses.some((status) => status.phase === 'reconnecting' && /exit 1: killed/.test(status.message)));
});

test('a journal that cannot be read says why in one line and is not retried', async () => {
  const tools = scriptedNodeTools({script: () => undefined});
  const statuses: StreamStatus[] = [];
  const done = new Promise<void>((resolve) => {
    createJournalLogSource(tools, {sleep: () => assert.fail('a missing journalctl is not retried')}).open(
      target,
      request(),
      {
        lines: () => undefined,
        status: (status) => {
          statuses.push(status);
          if (status.phase === 'failed') resolve();
        },
      },
    );
  });
  await done;
  assert.equal(statuses.at(-1)?.message, 'journalctl: not installed (not found on PATH)');
  const hostile = createJournalLogSource(tools);
  const failed = await new Promise<StreamStatus>((resolve) => {
    hostile.open({...target, units: ['-rf']}, request(), {
      lines: () => undefined,
      status: (status) => status.phase === 'failed' && resolve(status),
    });
  });
  assert.match(failed.message, /refusing unit name "-rf"/);
  // Without root a followed journal may stay empty without journalctl ever saying why: the reader says it first.
  const first: StreamStatus[] = [];
  createJournalLogSource(scriptedNodeTools({script: () => undefined, isRoot: false}), {sleep: () => Promise.resolve()})
    .open(target, request(), {lines: () => undefined, status: (status) => first.push(status)})
    .stop();
  assert.match(first[0]?.message ?? '', /^not root: .*adm or systemd-journal/);
});
