import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {KviewError} from '../../src/cluster/kview-error.js';
import {answerWithin, timedGetJson, timedGetText} from '../../src/cluster/timed-get.js';

// A server that answers nothing until the request is aborted, or streams the chunks it is given.
function client(chunks: Buffer[] | 'never'): ApiClient & {aborted: () => boolean} {
  let aborted = false;
  const wait = (signal: AbortSignal | undefined) =>
    new Promise<never>((_resolve, reject) => {
      signal?.addEventListener('abort', () => {
        aborted = true;
        reject(new Error('aborted'));
      });
    });
  return {
    aborted: () => aborted,
    getJson: <T>(_path: string, _accept?: string, signal?: AbortSignal): Promise<T> => wait(signal),
    sendJson: () => Promise.reject(new Error('not used')),
    async stream(_path, _accept, onChunk, signal) {
      if (chunks === 'never') return wait(signal);
      for (const chunk of chunks) {
        if (signal.aborted) {
          aborted = true;
          return;
        }
        onChunk(chunk);
      }
    },
  };
}

test('a kubelet that never answers is given up on at the timeout, said as a timeout', async (context) => {
  // AbortSignal.timeout does not keep the process alive (kview's terminal does); here a timer stands in for it.
  const alive = setInterval(() => undefined, 1000);
  context.after(() => clearInterval(alive));
  const silent = client('never');
  await assert.rejects(timedGetJson(silent, '/api/v1/nodes/n/proxy/configz', 50), (error: unknown) => {
    assert.ok(error instanceof KviewError);
    assert.equal(error.message, 'the API server did not answer GET /api/v1/nodes/n/proxy/configz within 0.05s');
    return true;
  });
  assert.ok(silent.aborted(), 'the request was aborted');
  await assert.rejects(timedGetText(client('never'), '/logs/', 50, 1024), /did not answer GET \/logs\/ within/);
});

test('a body longer than the cap is cut there and the request ended; a short one is complete', async () => {
  const long = client([Buffer.from('a'.repeat(600)), Buffer.from('b'.repeat(600)), Buffer.from('c'.repeat(600))]);
  const cut = await timedGetText(long, '/logs/syslog', 1000, 1000);
  assert.equal(cut.complete, false);
  assert.equal(cut.text, 'a'.repeat(600) + 'b'.repeat(400));
  assert.ok(long.aborted(), 'the third chunk was not asked for');
  assert.deepEqual(await timedGetText(client([Buffer.from('ok')]), '/healthz', 1000, 1000), {
    text: 'ok',
    complete: true,
  });
});

test('a request without an abort signal is answered within its deadline by the fallback', async () => {
  const never = new Promise<boolean>(() => undefined);
  const started = Date.now();
  // The pending promise keeps nothing alive; the deadline's own timer does.
  assert.equal(await answerWithin(never, 50, true), true);
  assert.ok(Date.now() - started < 1000);
  assert.equal(await answerWithin(Promise.resolve(false), 1000, true), false);
});
