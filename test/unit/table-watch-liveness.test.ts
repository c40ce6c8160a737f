import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {StaleStreamError} from '../../src/cluster/api-client.js';
import {KviewError} from '../../src/cluster/kview-error.js';
import {startTableWatch} from '../../src/cluster/table-watch.js';
import type {ConnectionState, ServerTable, TableRow} from '../../src/cluster/types.js';
import {connectionLabel, rowsAreLive} from '../../src/ui/connection-label.js';

// The table watch's state machine on a fake client and a fake clock: no cluster, no real time. Each sleep the
// watch asks for advances the clock by that much, so "60 s" of reconnects run in milliseconds.
function fakeWorld() {
  let clock = Date.parse('2026-12-01T21:00:00Z');
  const delays: number[] = [];
  const now = () => clock;
  const sleep = async (milliseconds: number) => {
    delays.push(milliseconds);
    clock += milliseconds;
    // A turn of the event loop, as a real timer gives: the test's checks run between the watch's attempts.
    await new Promise((resolve) => setImmediate(resolve));
  };
  return {now, sleep, delays, advance: (milliseconds: number) => (clock += milliseconds)};
}

const row = (name: string): TableRow => ({cells: [name], object: {metadata: {name, resourceVersion: '1'}}});
const table = (names: string[]): ServerTable => ({
  metadata: {resourceVersion: '10'},
  columnDefinitions: [{name: 'Name', type: 'string'}],
  rows: names.map(row),
});

interface Script {
  list(): Promise<ServerTable>;
  watch(onChunk: (chunk: Buffer) => void): Promise<void>;
}

function fakeClient(script: Script) {
  const calls = {lists: 0, watches: 0};
  const client: ApiClient = {
    getJson: async <T>() => {
      calls.lists += 1;
      return (await script.list()) as T;
    },
    sendJson: () => Promise.reject(new Error('not used')),
    stream: async (_path, _accept, onChunk) => {
      calls.watches += 1;
      await script.watch(onChunk);
    },
  };
  return {client, calls};
}

async function until<T>(what: string, check: () => T | undefined): Promise<T> {
  for (let turn = 0; turn < 10_000; turn++) {
    const value = check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never reached: ${what}`);
}

test('live -> stale since the last byte (kept through failed reconnects) -> live again with a fresh list', async () => {
  const world = fakeWorld();
  const lastHeardAt = world.now() - 9000;
  let names = ['web-1', 'web-2'];
  const listErrors: KviewError[] = [];
  let killWatch: ((error: Error) => void) | undefined;
  const {client} = fakeClient({
    list: () => {
      const error = listErrors.shift();
      if (error) return Promise.reject(error);
      return Promise.resolve(table(names));
    },
    watch: () =>
      new Promise<void>((_resolve, reject) => {
        killWatch = reject;
      }),
  });
  const states: ConnectionState[] = [];
  let rows: string[] = [];
  const watch = startTableWatch(
    client,
    '/api/v1/pods',
    {
      snapshot: (_columns, snapshot) => (rows = snapshot.map((each) => String(each.cells[0]))),
      changes: () => undefined,
      state: (state) => states.push(state),
    },
    {sleep: world.sleep, now: world.now, retryDelaysMs: [250, 500, 1000, 2000, 4000]},
  );
  await until('live', () => states.find((state) => state.phase === 'live'));
  assert.deepEqual(rows, ['web-1', 'web-2']);
  await until('the watch open', () => killWatch);

  // The path dies; reconnects time out, once the server refuses (a cause is named), then time out again; meanwhile
  // web-2 was deleted.
  world.advance(60_000);
  names = ['web-1'];
  const timeout = new KviewError('no answer from the server 127.0.0.1:6443 within 15 s', '', 'unreachable');
  const refused = new KviewError('the connection to the server 127.0.0.1:6443 was refused', '', 'connection-refused');
  listErrors.push(timeout, refused, timeout);
  states.length = 0;
  killWatch?.(new StaleStreamError(lastHeardAt, 'https://127.0.0.1:6443'));
  await until('live again', () => states.find((state) => state.phase === 'live'));
  const phases = states.map((state) => state.phase);
  assert.deepEqual(
    phases,
    ['stale', 'stale', 'disconnected', 'stale', 'live'],
    'stale (or the named cause) until the fresh list, never "connecting"',
  );
  for (const state of [states[0], states[1], states[3]]) {
    assert.equal(state?.phase === 'stale' ? state.since : 0, lastHeardAt, 'since = when the rows were last known true');
  }
  assert.deepEqual(rows, ['web-1'], 'the pod deleted while stale is gone after the re-list');
  // The watch had been open a minute: healthy, so the first reconnect waits the first delay.
  assert.deepEqual(world.delays.slice(0, 4), [250, 500, 1000, 2000]);
  assert.equal(rowsAreLive(states[2] as ConnectionState), false, 'rows are dimmed while disconnected too');

  const stale = states[0] as ConnectionState;
  assert.equal(rowsAreLive(stale), false, 'stale rows are drawn dimmed');
  assert.match(connectionLabel(stale, '2 pods').text, /^● stale since \d\d:\d\d:\d\d, reconnecting {2}2 pods/);
  watch.stop();
});

test('a server that ends every watch at once is not hammered: the waits grow to the cap and stay there', async () => {
  const world = fakeWorld();
  const {client, calls} = fakeClient({
    list: () => Promise.resolve(table(['a'])),
    watch: () => Promise.resolve(),
  });
  const watch = startTableWatch(
    client,
    '/api/v1/pods',
    {snapshot: () => undefined, changes: () => undefined, state: () => undefined},
    {sleep: world.sleep, now: world.now, retryDelaysMs: [250, 500, 1000, 2000, 4000]},
  );
  const started = world.now();
  await until('a minute of fake time', () => (world.now() - started >= 60_000 ? true : undefined));
  watch.stop();
  assert.deepEqual(world.delays.slice(0, 6), [250, 500, 1000, 2000, 4000, 4000]);
  // 3.75 s to reach the cap, then one watch per 4 s: about 19 watches a minute, not thousands.
  assert.ok(calls.watches <= 20, `${calls.watches} watches in a minute`);
  assert.equal(calls.lists, 1, 'a normal end re-watches from the resourceVersion, without re-listing');
});

test('410 Gone at once, again and again, re-lists with the growing backoff too', async () => {
  const world = fakeWorld();
  const {client, calls} = fakeClient({
    list: () => Promise.resolve(table(['a'])),
    watch: (onChunk) => {
      onChunk(Buffer.from('{"type":"ERROR","object":{"code":410,"message":"too old resource version"}}\n'));
      return Promise.resolve();
    },
  });
  const states: ConnectionState[] = [];
  const watch = startTableWatch(
    client,
    '/api/v1/pods',
    {snapshot: () => undefined, changes: () => undefined, state: (state) => states.push(state)},
    {sleep: world.sleep, now: world.now, retryDelaysMs: [250, 500, 1000, 2000, 4000]},
  );
  const started = world.now();
  await until('a minute of fake time', () => (world.now() - started >= 60_000 ? true : undefined));
  watch.stop();
  assert.ok(calls.lists <= 20, `${calls.lists} lists in a minute`);
  assert.ok(states.some((state) => state.phase === 'resyncing'));
});

test('a watch line that is not JSON fails the watch (a one-line state), never the process', async () => {
  const world = fakeWorld();
  let watches = 0;
  const {client} = fakeClient({
    list: () => Promise.resolve(table(['a'])),
    watch: (onChunk) => {
      watches += 1;
      // The fake client calls the sink the way the real one does: inside the stream, which rejects if it throws.
      try {
        onChunk(Buffer.from(watches === 1 ? '<html>proxy error</html>\n' : ''));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return new Promise<void>(() => undefined);
    },
  });
  const states: ConnectionState[] = [];
  const watch = startTableWatch(
    client,
    '/api/v1/pods',
    {snapshot: () => undefined, changes: () => undefined, state: (state) => states.push(state)},
    {sleep: world.sleep, now: world.now},
  );
  const failed = await until('the failure state', () => states.find((state) => state.phase === 'disconnected'));
  assert.match(failed.phase === 'disconnected' ? failed.message : '', /not JSON: <html>proxy error/);
  await until('live again after the re-list', () => (states.at(-1)?.phase === 'live' ? true : undefined));
  watch.stop();
});
