import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {LogRange, LogRangeRead} from '../../src/cluster/kubelet-proxy.js';
import {createNodeFileLogSource} from '../../src/cluster/node-file-log-source.js';
import type {LogLine, LogRequest, StreamStatus} from '../../src/cluster/log-types.js';

// A file whose bytes the test sets, answered as the kubelet's file server answers Range requests.
function servedFile(initial: string) {
  let bytes = Buffer.from(initial);
  const ranges: LogRange[] = [];
  let failNext: string | undefined;
  const read = (_node: string, _path: string, range: LogRange): Promise<LogRangeRead> => {
    ranges.push(range);
    if (failNext) {
      const message = failNext;
      failNext = undefined;
      return Promise.reject(new Error(message));
    }
    const start = 'lastBytes' in range ? Math.max(0, bytes.length - range.lastBytes) : range.fromByte;
    if (start >= bytes.length) return Promise.resolve({unchanged: true, totalBytes: bytes.length});
    const end = 'lastBytes' in range ? bytes.length : Math.min(bytes.length, start + range.maxBytes);
    return Promise.resolve({start, bytes: bytes.subarray(start, end), totalBytes: bytes.length});
  };
  return {
    read,
    ranges,
    append: (text: string | Buffer) => {
      bytes = Buffer.concat([bytes, Buffer.isBuffer(text) ? text : Buffer.from(text)]);
    },
    replace: (text: string) => {
      bytes = Buffer.from(text);
    },
    fail: (message: string) => {
      failNext = message;
    },
  };
}

// Polls happen when the test says so.
function manualClock() {
  const waiting: Array<() => void> = [];
  return {
    sleep: (_ms: number, signal: AbortSignal) =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        signal.addEventListener('abort', () => resolve(), {once: true});
      }),
    async tick() {
      while (waiting.length === 0) await new Promise((resolve) => setImmediate(resolve));
      waiting.shift()?.();
    },
  };
}

function collect() {
  const lines: LogLine[] = [];
  const statuses: StreamStatus[] = [];
  return {
    lines,
    statuses,
    sink: {lines: (more: LogLine[]) => lines.push(...more), status: (s: StreamStatus) => statuses.push(s)},
  };
}

const request = (window: LogRequest['window'], follow = true): LogRequest => ({
  window,
  follow,
  previous: false,
  allContainers: false,
});
const texts = (lines: LogLine[]) => lines.map((line) => line.text);
const settle = async (until: () => boolean) => {
  for (let turn = 0; turn < 1000 && !until(); turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.ok(until(), 'the source got there');
};

test('the tail: the last lines of the last 2 MiB, never a partial first line, whatever the size of the file', async () => {
  const big = Array.from({length: 60_000}, (_, index) => `line ${index} ${'x'.repeat(40)}`).join('\n') + '\n';
  const file = servedFile(big);
  const clock = manualClock();
  const {lines, statuses, sink} = collect();
  const source = createNodeFileLogSource(file.read, {sleep: clock.sleep, pollMs: 2000});
  const stream = source.open({kind: 'nodeFile', node: 'n1', path: 'syslog'}, request({kind: 'tail', lines: 100}), sink);
  await settle(() => statuses.some((status) => status.phase === 'streaming'));
  assert.deepEqual(file.ranges[0], {lastBytes: 2 * 1024 * 1024});
  assert.equal(lines.length, 100);
  assert.equal(lines.at(-1)?.text, `line 59999 ${'x'.repeat(40)}`);
  assert.equal(lines[0]?.text, `line 59900 ${'x'.repeat(40)}`);
  stream.stop();
});

test('following: appended lines (a character split between two reads included), a truncation, a failed read', async () => {
  const file = servedFile('one\ntwo\n');
  const clock = manualClock();
  const {lines, statuses, sink} = collect();
  const source = createNodeFileLogSource(file.read, {sleep: clock.sleep, pollMs: 2000});
  const stream = source.open(
    {kind: 'nodeFile', node: 'n1', path: 'kern.log'},
    request({kind: 'tail', lines: 10}),
    sink,
  );
  await settle(() => lines.length === 2);
  const snowman = Buffer.from('☃');
  file.append(Buffer.concat([Buffer.from('three '), snowman.subarray(0, 1)]));
  // Each tick waits for the source to be asleep again: the read before it is done.
  await clock.tick();
  file.append(Buffer.concat([snowman.subarray(1), Buffer.from('\nfour\n')]));
  await clock.tick();
  await settle(() => lines.length === 4);
  assert.deepEqual(texts(lines), ['one', 'two', 'three ☃', 'four']);
  assert.deepEqual(file.ranges[1], {fromByte: 8, maxBytes: 1024 * 1024});

  file.fail('the API server did not answer');
  await clock.tick();
  await settle(() => statuses.at(-1)?.phase === 'reconnecting');
  assert.match(statuses.at(-1)?.message ?? '', /the API server did not answer; trying again/);
  file.replace('new\n');
  await clock.tick();
  await settle(() => lines.length === 6);
  assert.equal(statuses.at(-1)?.phase, 'streaming');
  assert.equal(lines[4]?.kind, 'separator');
  assert.match(lines[4]?.text ?? '', /\/var\/log\/kern\.log was truncated or replaced/);
  assert.equal(lines[5]?.text, 'new');
  stream.stop();
});

test('without follow: the window, the last line without a newline, and the stream ends with its count', async () => {
  const file = servedFile('a\nb\nc');
  const {lines, statuses, sink} = collect();
  const source = createNodeFileLogSource(file.read);
  source.open({kind: 'nodeFile', node: 'n1', path: 'dpkg.log'}, request({kind: 'tail', lines: 2}, false), sink);
  await settle(() => statuses.at(-1)?.phase === 'ended');
  assert.deepEqual(texts(lines), ['b', 'c']);
  assert.match(statuses.at(-1)?.message ?? '', /^2 lines$/);
});

test('a file that cannot be read is one failed line naming it', async () => {
  const {statuses, sink} = collect();
  const source = createNodeFileLogSource(() => Promise.reject(new Error('not found: /logs/gone.log')));
  source.open({kind: 'nodeFile', node: 'n1', path: 'gone.log'}, request({kind: 'tail', lines: 10}), sink);
  await settle(() => statuses.at(-1)?.phase === 'failed');
  assert.equal(statuses.at(-1)?.message, 'not found: /logs/gone.log');
  assert.equal(`${statuses.at(-1)?.pod}/${statuses.at(-1)?.container}`, 'n1/var/log/gone.log');
});
