import {test} from 'node:test';
import assert from 'node:assert/strict';
import {forwardRow, forwardsReducer, formatForwardInput, parseForwardInput} from '../../src/state/forward-state.js';
import type {ForwardEntry, ForwardsAction} from '../../src/state/forward-state.js';
import type {ForwardEvent} from '../../src/cluster/port-forward.js';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const entry: ForwardEntry = {
  id: 1,
  address: '127.0.0.1',
  localPort: 8080,
  target: 'service/web',
  namespace: 'shop',
  remote: 80,
  phase: 'starting',
  connections: 0,
  totalConnections: 0,
  received: 0,
  sent: 0,
  startedAt: T0,
  phaseSince: T0,
};

function run(events: Array<[number, ForwardEvent]>, start: readonly ForwardEntry[] = [entry]) {
  return events.reduce<readonly ForwardEntry[]>(
    (entries, [seconds, event]) =>
      forwardsReducer(entries, {type: 'event', id: 1, event, at: T0 + seconds * 1000} satisfies ForwardsAction),
    start,
  );
}

test('a forward listens, counts its connections and bytes, reconnects to a new pod and says when it failed', () => {
  const listening = run([
    [1, {type: 'listening', address: '127.0.0.1', localPort: 8080, pod: 'web-a', podPort: 8080}],
    [2, {type: 'connection', delta: 1}],
    [2, {type: 'bytes', received: 0, sent: 78}],
    [3, {type: 'bytes', received: 1500, sent: 0}],
    [3, {type: 'connection', delta: 1}],
    [4, {type: 'connection', delta: -1}],
  ]);
  assert.deepEqual(forwardRow(listening[0]!, T0 + 10_000), [
    '127.0.0.1:8080',
    'shop/service/web:80 -> web-a:8080',
    'listening',
    '1 (2)',
    '1.5KiB',
    '78B',
    '9s',
  ]);
  const replaced = run(
    [
      [20, {type: 'reconnecting', reason: 'pod web-a is being deleted; waiting for a ready pod (app=web)'}],
      [21, {type: 'reconnecting', reason: 'pod web-a is gone; waiting for a ready pod (app=web)'}],
      [25, {type: 'listening', address: '127.0.0.1', localPort: 8080, pod: 'web-b', podPort: 8080}],
    ],
    listening,
  );
  const row = forwardRow(replaced[0]!, T0 + 30_000);
  assert.equal(row[1], 'shop/service/web:80 -> web-b:8080');
  assert.equal(row[2], 'listening');
  // SINCE is the time in the current phase: since the new pod was found, not since the start.
  assert.equal(row[6], '5s');
  // The traffic of the old pod's connections is kept.
  assert.equal(row[4], '1.5KiB');
  const reconnecting = run([[40, {type: 'reconnecting', reason: 'pod web-b is gone; waiting'}]], replaced);
  assert.equal(forwardRow(reconnecting[0]!, T0 + 42_000)[2], 'reconnecting: pod web-b is gone; waiting');
  const again = run([[43, {type: 'reconnecting', reason: 'still waiting'}]], reconnecting);
  assert.equal(again[0]!.phaseSince, T0 + 40_000, 'a new reason in the same phase keeps its start');
  const failed = run(
    [[50, {type: 'failed', reason: 'pod x is gone; a bare pod has no workload to find another'}]],
    again,
  );
  assert.equal(failed[0]!.connections, 0);
  assert.match(forwardRow(failed[0]!, T0 + 50_000)[2] ?? '', /^failed: pod x is gone; a bare pod/);
});

test('a failed connection is shown beside listening until data flows again; a forward is added and removed by id', () => {
  const broken = run([
    [1, {type: 'listening', address: '::1', localPort: 9000, pod: 'web-a', podPort: 8080}],
    [2, {type: 'connectionError', reason: 'error forwarding port 8080: connection refused'}],
  ]);
  assert.equal(forwardRow(broken[0]!, T0)[0], '[::1]:9000');
  assert.equal(
    forwardRow(broken[0]!, T0)[2],
    'listening (last connection: error forwarding port 8080: connection refused)',
  );
  const healed = run([[3, {type: 'bytes', received: 10, sent: 0}]], broken);
  assert.equal(forwardRow(healed[0]!, T0)[2], 'listening');
  const two = forwardsReducer(healed, {type: 'add', entry: {...entry, id: 2}});
  assert.deepEqual(
    two.map((candidate) => candidate.id),
    [1, 2],
  );
  assert.deepEqual(
    forwardsReducer(two, {type: 'remove', id: 1}).map((candidate) => candidate.id),
    [2],
  );
});

test('the prompt reads [ADDRESS:]LOCAL[:REMOTE] with the defaults for what is left out', () => {
  const defaults = {address: '127.0.0.1', localPort: 8080, remote: '80'};
  assert.equal(formatForwardInput(defaults), '127.0.0.1:8080:80');
  assert.deepEqual(parseForwardInput('127.0.0.1:8080:80', defaults), defaults);
  assert.deepEqual(parseForwardInput('', defaults), defaults);
  assert.deepEqual(parseForwardInput('9000', defaults), {...defaults, localPort: 9000});
  assert.deepEqual(parseForwardInput('9000:http', defaults), {...defaults, localPort: 9000, remote: 'http'});
  assert.deepEqual(parseForwardInput('0.0.0.0:9000', defaults), {...defaults, address: '0.0.0.0', localPort: 9000});
  assert.deepEqual(parseForwardInput('10.0.0.5:0:443', defaults), {address: '10.0.0.5', localPort: 0, remote: '443'});
  assert.deepEqual(parseForwardInput('[::1]:9000:80', defaults), {address: '::1', localPort: 9000, remote: '80'});
  assert.equal(formatForwardInput({address: '::1', localPort: 9000, remote: '80'}), '[::1]:9000:80');
  assert.deepEqual(parseForwardInput('a:b:c:d', defaults), {error: 'not [ADDRESS:]LOCAL[:REMOTE]: a:b:c:d'});
  assert.deepEqual(parseForwardInput('127.0.0.1:99999', defaults), {error: 'local port 99999 is not a port (0-65535)'});
  assert.deepEqual(parseForwardInput('8080:', defaults), {error: 'no remote port'});
});
