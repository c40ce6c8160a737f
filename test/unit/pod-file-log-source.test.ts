import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {appendFileSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {LogLine, LogRequest, LogTarget, StreamStatus} from '../../src/cluster/log-types.js';
import {createFileReader} from '../../src/node-tools/file-reader.js';
import {createPodFileLogSource, fixedNanoseconds} from '../../src/node-tools/pod-file-log-source.js';

// The pod log files source on real files in a temporary directory laid out as the kubelet lays out
// /var/log/pods; the test writes, renames and rotates them the way the kubelet and containerd do. The source's
// poll waits on a clock the test advances, so nothing here waits on time.
const NOW = Date.parse('2026-11-22T10:00:00Z');

function cri(seconds: number, text: string, tag: 'F' | 'P' = 'F', stream = 'stdout'): string {
  return `${new Date(NOW - 600_000 + seconds * 1000).toISOString().replace('Z', '123456Z')} ${stream} ${tag} ${text}\n`;
}

function podDirectory(context: TestContext): string {
  const root = mkdtempSync(join(tmpdir(), 'kview-podfiles-'));
  context.after(() => rmSync(root, {recursive: true, force: true}));
  const directory = join(root, 'demo_web-1_6f1c');
  mkdirSync(join(directory, 'app'), {recursive: true});
  mkdirSync(join(directory, 'sidecar'), {recursive: true});
  return directory;
}

function reader(context: TestContext, directory: string, change: Partial<LogRequest> = {}) {
  const wakers: Array<() => void> = [];
  const source = createPodFileLogSource(createFileReader(), () => NOW, {
    pollMs: 1,
    sleep: (_, signal) =>
      new Promise<void>((resolve) => {
        wakers.push(resolve);
        signal.addEventListener('abort', () => resolve(), {once: true});
      }),
  });
  const target: LogTarget = {
    kind: 'podFiles',
    node: 'n1',
    namespace: 'demo',
    pod: 'web-1',
    directory,
    containers: ['app', 'sidecar'],
  };
  const lines: LogLine[] = [];
  const statuses: StreamStatus[] = [];
  const stream = source.open(
    target,
    {window: {kind: 'tail', lines: 100}, follow: true, previous: false, allContainers: false, ...change},
    {lines: (batch) => lines.push(...batch), status: (status) => statuses.push(status)},
  );
  context.after(() => stream.stop());
  const wake = () => {
    for (const waker of wakers.splice(0)) waker();
  };
  // One poll: wake the source and let it read until it waits again.
  const poll = async () => {
    wake();
    await until(() => wakers.length > 0);
  };
  const texts = () => lines.map((line) => line.text);
  return {lines, statuses, texts, poll, wake};
}

async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 10_000 && !condition(); turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(condition(), 'condition never held');
}

test("the newest instance's file within the window, CRI timestamps kept, partial lines joined", async (context) => {
  const directory = podDirectory(context);
  writeFileSync(join(directory, 'app', '0.log'), cri(1, 'old instance'));
  writeFileSync(
    join(directory, 'app', '1.log'),
    cri(2, 'one') + cri(3, 'two ', 'P') + cri(3, 'halves') + cri(400, 'recent', 'F', 'stderr'),
  );
  const tail = reader(context, directory, {window: {kind: 'tail', lines: 2}, follow: false});
  await until(() => tail.statuses.some((status) => status.phase === 'ended'));
  assert.deepEqual(tail.texts(), ['two halves', 'recent']);
  // Nine digits, as the kubelet serves it to kubectl logs --timestamps.
  assert.equal(tail.lines[1]?.timestamp, new Date(NOW - 200_000).toISOString().replace('Z', '123456Z'));
  assert.equal(fixedNanoseconds('2026-11-22T11:05:51.2330671Z'), '2026-11-22T11:05:51.233067100Z');
  assert.equal(fixedNanoseconds('2026-11-22T20:05:51+09:00'), '2026-11-22T20:05:51.000000000+09:00');
  assert.equal(tail.lines[0]?.streamId, 'demo/web-1/app');
  const since = reader(context, directory, {window: {kind: 'since', seconds: 300}, follow: false});
  await until(() => since.statuses.some((status) => status.phase === 'ended'));
  assert.deepEqual(since.texts(), ['recent']);
  const previous = reader(context, directory, {previous: true});
  await until(() => previous.statuses.some((status) => status.phase === 'ended'));
  assert.deepEqual(previous.texts(), ['old instance'], 'previous is the instance before the newest, as kubectl -p');
  const none = reader(context, directory, {previous: true, container: 'sidecar'});
  await until(() => none.statuses.some((status) => status.phase === 'ended'));
  assert.match(none.statuses.at(-1)?.message ?? '', /no previous instance/);
});

test('following across a rotation, a line cut mid-write and a restart loses and repeats nothing', async (context) => {
  const directory = podDirectory(context);
  const current = join(directory, 'app', '0.log');
  writeFileSync(current, cri(1, 'line 1'));
  const follow = reader(context, directory);
  await until(() => follow.texts().length === 1);
  await follow.poll();
  // A write cut in the middle of a line (and of a UTF-8 character): only whole lines come out.
  const half = Buffer.from(cri(2, 'line 2 ✓'));
  appendFileSync(current, half.subarray(0, half.length - 3));
  await follow.poll();
  assert.deepEqual(follow.texts(), ['line 1']);
  appendFileSync(current, half.subarray(half.length - 3));
  await follow.poll();
  assert.deepEqual(follow.texts(), ['line 1', 'line 2 ✓']);
  // The kubelet's rotation: rename, the runtime still writes a last line to the renamed file, then reopens.
  renameSync(current, `${current}.20261122-100000`);
  appendFileSync(`${current}.20261122-100000`, cri(3, 'line 3 (old file)'));
  await follow.poll();
  writeFileSync(current, cri(4, 'line 4 (new file)'));
  await follow.poll();
  await until(() => follow.texts().length === 4);
  // A restart: the runtime starts 1.log for the new instance.
  writeFileSync(join(directory, 'app', '1.log'), cri(5, 'line 5 (restarted)'));
  await follow.poll();
  await until(() => follow.texts().length === 6);
  assert.deepEqual(follow.texts(), [
    'line 1',
    'line 2 ✓',
    'line 3 (old file)',
    'line 4 (new file)',
    '── app restarted: instance 1 ──',
    'line 5 (restarted)',
  ]);
  assert.equal(follow.lines[4]?.kind, 'separator');
  // The pod removed from the node: the stream ends and says why.
  rmSync(directory, {recursive: true});
  follow.wake();
  await until(() => follow.statuses.at(-1)?.phase === 'ended');
  assert.match(follow.statuses.at(-1)?.message ?? '', /is gone \(the pod was removed from this node\)/);
});
