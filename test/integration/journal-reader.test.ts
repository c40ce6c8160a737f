import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {LogLine, LogRequest, LogTarget, StreamStatus} from '../../src/cluster/log-types.js';
import {createJournalLogSource} from '../../src/node-tools/journal-log-source.js';
import {createSystemNodeTools} from '../../src/node-tools/node-tools.js';
import {fixtureDirectory} from '../fixtures/node-tools/scripted-node-tools.js';

// The journal reader's source against the real journalctl, on a journal directory systemd-journal-remote writes
// from seed 000's captured kubelet and containerd entries; plain journalctl on the same directory is the oracle.
const JOURNAL_REMOTE = '/lib/systemd/systemd-journal-remote';
const directory = mkdtempSync(join(tmpdir(), 'kview-journal-reader-'));
execFileSync(
  JOURNAL_REMOTE,
  [`--output=${directory}/seed.journal`, '--', `${fixtureDirectory}/journal-seed000.export`],
  {stdio: 'ignore'},
);
const target: LogTarget = {
  kind: 'journal',
  node: 'k8s-master',
  units: ['kubelet.service', 'containerd.service'],
  directory,
};
const source = createJournalLogSource(createSystemNodeTools());

function oracle(...args: string[]): string[] {
  return execFileSync('journalctl', ['--no-pager', `--directory=${directory}`, '--output=cat', ...args], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((line) => line !== '');
}

// Reads until the stream ends (or fails), as the log view would show it.
function readAll(change: Partial<LogRequest>): Promise<{lines: LogLine[]; last: StreamStatus | undefined}> {
  const lines: LogLine[] = [];
  return new Promise((resolve) => {
    source.open(
      target,
      {window: {kind: 'all'}, follow: false, previous: false, allContainers: false, ...change},
      {
        lines: (batch) => lines.push(...batch),
        status: (status) => {
          if (status.phase === 'ended' || status.phase === 'failed') resolve({lines, last: status});
        },
      },
    );
  });
}

const messages = (lines: readonly LogLine[]) => lines.map((line) => line.text.replace(/^[^:]*: /, ''));

test('every window, unit choice and priority shows exactly what journalctl prints for the same question', async () => {
  const kubelet = await readAll({});
  assert.deepEqual(messages(kubelet.lines), oracle('--unit=kubelet.service'));
  assert.equal(kubelet.lines.length, 8);
  assert.match(kubelet.last?.message ?? '', /^8 entries$/);
  const tail = await readAll({window: {kind: 'tail', lines: 3}});
  assert.deepEqual(messages(tail.lines), oracle('--unit=kubelet.service', '--lines=3'));
  const both = await readAll({allContainers: true});
  assert.deepEqual(messages(both.lines), oracle('--unit=kubelet.service', '--unit=containerd.service'));
  assert.deepEqual([...new Set(both.lines.map((line) => line.streamId))].sort(), [
    'journal/k8s-master/containerd.service',
    'journal/k8s-master/kubelet.service',
  ]);
  const runtime = await readAll({container: 'containerd.service'});
  assert.deepEqual(messages(runtime.lines), oracle('--unit=containerd.service'));
  const errors = await readAll({priority: 'err'});
  assert.deepEqual(messages(errors.lines), oracle('--unit=kubelet.service', '--priority=err'));
  assert.ok(errors.lines.length > 0 && errors.lines.every((line) => line.level === 'error'));
  const since = await readAll({window: {kind: 'sinceTime', time: '2024-09-13T00:00:00Z'}});
  assert.deepEqual(messages(since.lines), oracle('--unit=kubelet.service', '--since=2024-09-13 00:00:00 UTC'));
  assert.equal(since.lines.length, 2);
});

test("the previous boot of a journal with one boot is explained in journalctl's own words", async () => {
  const previous = await readAll({previous: true});
  assert.equal(previous.lines.length, 0);
  assert.equal(previous.last?.phase, 'failed');
  assert.match(
    previous.last?.message ?? '',
    /journalctl: exit 1: Data from the specified boot \(-1\) is not available/,
  );
});

function appendEntries(...indexes: number[]): void {
  const now = Date.now() * 1000;
  const exported = indexes.map((index) =>
    [
      `__REALTIME_TIMESTAMP=${now + index}`,
      `__MONOTONIC_TIMESTAMP=${index}`,
      '_BOOT_ID=1222d5e775ff43fba1052c1cda8756b6',
      '_HOSTNAME=k8s-master',
      '_SYSTEMD_UNIT=kubelet.service',
      'SYSLOG_IDENTIFIER=kubelet',
      '_PID=4242',
      'PRIORITY=4',
      `MESSAGE=written later ${index}`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(directory, 'later.export'), `${exported.join('\n')}\n`);
  execFileSync(JOURNAL_REMOTE, [`--output=${directory}/seed.journal`, '--', join(directory, 'later.export')], {
    stdio: 'ignore',
  });
}

test('following: entries written after the reader opened arrive once each, across a killed journalctl', async () => {
  const lines: LogLine[] = [];
  let onLines = () => undefined as void;
  let onReconnecting = () => undefined as void;
  const reconnecting = new Promise<void>((resolve) => {
    onReconnecting = resolve;
  });
  const stream = source.open(
    target,
    {window: {kind: 'tail', lines: 2}, follow: true, previous: false, allContainers: false},
    {
      lines: (batch) => {
        lines.push(...batch);
        onLines();
      },
      status: (status) => {
        if (status.phase === 'reconnecting') onReconnecting();
      },
    },
  );
  const until = (count: number) =>
    new Promise<void>((resolve) => {
      onLines = () => {
        if (lines.length >= count) resolve();
      };
      onLines();
    });
  try {
    await until(2);
    const before = oracle('--unit=kubelet.service', '--lines=2');
    // systemd-journal-remote appends to the journal file the reader follows, as journald appends to its own.
    appendEntries(1, 2, 3);
    await until(5);
    assert.deepEqual(messages(lines).slice(2), ['written later 1', 'written later 2', 'written later 3']);
    assert.deepEqual(messages(lines).slice(0, 2), before);
    assert.equal(lines.at(-1)?.text, 'kubelet[4242]: written later 3');
    // journalctl killed under the reader (OOM, an operator's pkill): it resumes after the last entry it showed.
    execFileSync('pkill', ['-f', `journalctl.*${directory}`]);
    await reconnecting;
    appendEntries(4, 5);
    await until(7);
    assert.deepEqual(
      messages(lines).slice(2),
      [1, 2, 3, 4, 5].map((index) => `written later ${index}`),
    );
  } finally {
    stream.stop();
  }
});
