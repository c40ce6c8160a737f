import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {createLogSource} from '../../src/cluster/log-source.js';
import type {LogSink, LogTarget} from '../../src/cluster/log-types.js';

// The log source on a fake API client that records every request it is asked for and whether its signal was
// aborted: a stream stopped at any point must leave no request running (no pod watch, no container stream).
function fakeClient() {
  const requests: Array<{path: string; signal: AbortSignal | undefined}> = [];
  const waitForAbort = (signal: AbortSignal | undefined) =>
    new Promise<never>((_resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new Error('aborted')), {once: true});
    });
  const client: ApiClient = {
    getJson: <T>(path: string, _accept?: string, signal?: AbortSignal): Promise<T> => {
      requests.push({path, signal});
      // An owner's selector answers at once; a pod list is an empty list at resourceVersion 1.
      if (path.includes('/deployments/')) {
        return Promise.resolve({spec: {selector: {matchLabels: {app: 'web'}}}} as T);
      }
      return Promise.resolve({metadata: {resourceVersion: '1'}, items: []} as T);
    },
    sendJson: () => Promise.reject(new Error('not used')),
    stream: (path, _accept, _onChunk, signal) => {
      requests.push({path, signal});
      return waitForAbort(signal);
    },
  };
  const running = () => requests.filter((request) => !request.signal?.aborted);
  return {client, requests, running};
}

const sink: LogSink = {lines: () => undefined, status: () => undefined};
const request = {window: {kind: 'tail', lines: 10} as const, follow: true, previous: false, allContainers: false};
const targets: LogTarget[] = [
  {kind: 'pod', namespace: 'demo', pod: 'web-1'},
  {kind: 'owner', namespace: 'demo', ownerKind: 'Deployment', name: 'web'},
];

// Turns of the event loop for whatever the source would still start; each is a real yield, not a delay.
async function settle() {
  for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
}

for (const target of targets) {
  test(`${target.kind === 'owner' ? 'an owner' : 'a pod'} stream stopped right after it opened starts no pod watch`, async () => {
    const {client, requests, running} = fakeClient();
    const stream = createLogSource(client, {timing: {sleep: () => Promise.resolve()}}).open(target, request, sink);
    stream.stop();
    await settle();
    assert.deepEqual(
      running(),
      [],
      `nothing left running (asked for: ${requests.map((entry) => entry.path).join(', ')})`,
    );
    assert.ok(!requests.some((entry) => entry.path.includes('watch=')), 'no watch was opened');
  });
}

test('a stream stopped while its pod watch runs aborts the watch', async () => {
  const {client, requests, running} = fakeClient();
  const stream = createLogSource(client, {timing: {sleep: () => Promise.resolve()}}).open(targets[0]!, request, sink);
  for (let turn = 0; !requests.some((entry) => entry.path.includes('watch=')); turn++) {
    assert.ok(turn < 1000, 'the pod watch opened');
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(running().length > 0, 'the watch runs');
  stream.stop();
  assert.deepEqual(running(), []);
});
