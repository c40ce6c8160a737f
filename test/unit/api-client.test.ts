import {test} from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import type {Socket} from 'node:net';
import {KubeConfig} from '@kubernetes/client-node';
import {createApiClient, StaleStreamError} from '../../src/cluster/api-client.js';
import {KviewError} from '../../src/cluster/kview-error.js';
import {createPathLiveness} from '../../src/cluster/path-liveness.js';

// The raw client against a plain HTTP server on loopback (no cluster): connections reused, timeouts, a sink that
// throws, and a silent stream on a dead path torn down as stale.
async function fakeServer(handler: http.RequestListener) {
  const server = http.createServer(handler);
  const sockets = new Set<Socket>();
  let connections = 0;
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [{name: 'fake', server: `http://127.0.0.1:${port}`, skipTLSVerify: true}],
    users: [{name: 'fake', token: 'secret'}],
    contexts: [{name: 'fake', cluster: 'fake', user: 'fake'}],
    currentContext: 'fake',
  });
  return {
    kubeConfig,
    connections: () => connections,
    close: () => {
      for (const socket of sockets) socket.destroy();
      server.close();
    },
  };
}

test('one keep-alive connection serves many requests, each still carrying the credentials', async (context) => {
  const authorizations: string[] = [];
  const server = await fakeServer((request, response) => {
    authorizations.push(request.headers.authorization ?? '');
    response.setHeader('Content-Type', 'application/json');
    response.end('{"ok":true}');
  });
  context.after(() => server.close());
  const client = createApiClient(server.kubeConfig);
  for (let index = 0; index < 10; index++) assert.deepEqual(await client.getJson('/version'), {ok: true});
  assert.equal(server.connections(), 1, 'ten requests, one TCP connection');
  assert.deepEqual(new Set(authorizations), new Set(['Bearer secret']));
});

test('a server that accepts and never answers fails the request in one line, within the timeout', async (context) => {
  const server = await fakeServer(() => undefined);
  context.after(() => server.close());
  const client = createApiClient(server.kubeConfig, {requestTimeoutMs: 300});
  const started = Date.now();
  await assert.rejects(client.getJson('/api/v1/pods'), (error: unknown) => {
    assert.ok(error instanceof KviewError);
    assert.match(error.message, /^no answer from the server 127\.0\.0\.1:\d+ within 0.3 s$/);
    assert.match(error.hint, /network path/);
    return true;
  });
  assert.ok(Date.now() - started < 2000);
});

test('a body that stops half way fails on the idle timeout; a slow but steady one does not', async (context) => {
  const server = await fakeServer((request, response) => {
    response.setHeader('Content-Type', 'application/json');
    if (request.url === '/stalls') {
      response.write('{"items":[');
      return;
    }
    const parts = ['{"items":', '[1,', '2]}'];
    const timer = setInterval(() => {
      const part = parts.shift();
      if (part === undefined) clearInterval(timer);
      if (part === undefined) response.end();
      else response.write(part);
    }, 150);
  });
  context.after(() => server.close());
  const client = createApiClient(server.kubeConfig, {requestTimeoutMs: 400});
  assert.deepEqual(await client.getJson('/steady'), {items: [1, 2]});
  await assert.rejects(client.getJson('/stalls'), /the server 127\.0\.0\.1:\d+ stopped sending its answer for 0.4 s$/);
});

test('a sink that throws inside the data handler rejects the stream, nothing escapes as uncaught', async (context) => {
  const server = await fakeServer((_request, response) => {
    response.write('not json\n');
  });
  context.after(() => server.close());
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);
  process.on('uncaughtException', onUncaught);
  context.after(() => process.off('uncaughtException', onUncaught));
  const client = createApiClient(server.kubeConfig);
  await assert.rejects(
    client.stream(
      '/watch',
      'application/json',
      (chunk) => JSON.parse(chunk.toString()) as unknown,
      new AbortController().signal,
    ),
    /Unexpected token|not valid JSON/,
  );
  assert.deepEqual(uncaught, []);
});

test('a silent stream on a path whose probe gets no answer is torn down as stale, with when it last heard', async (context) => {
  let answerProbes = true;
  const server = await fakeServer((request, response) => {
    if (request.url === '/version') {
      if (answerProbes) response.end('{}');
      return;
    }
    response.write('{"type":"ADDED"}\n');
  });
  context.after(() => server.close());
  const client = createApiClient(server.kubeConfig, {
    liveness: {silenceMs: 200, probeTimeoutMs: 200, tickMs: 50},
  });
  const opened = Date.now();
  let chunks = 0;
  const controller = new AbortController();
  const stream = client.stream('/watch', 'application/json', () => (chunks += 1), controller.signal);
  // While the probe answers, a quiet stream stays open.
  await new Promise((resolve) => setTimeout(resolve, 700));
  assert.equal(client.liveness.tracked, 1, 'the quiet stream is still open while probes are answered');
  answerProbes = false;
  const error = await stream.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof StaleStreamError, String(error));
  // Known true until the last probe that was answered.
  assert.ok(
    error.knownTrueAt > opened + 200 && error.knownTrueAt <= Date.now() - 200,
    String(error.knownTrueAt - opened),
  );
  assert.equal(chunks, 1);
  assert.equal(client.liveness.tracked, 0);
});

test('the liveness check on a fake clock: one probe for many silent streams, none while the path is proven', async () => {
  let clock = 0;
  let probes = 0;
  let probeFails = false;
  const dead: number[] = [];
  const liveness = createPathLiveness(
    () => {
      probes += 1;
      return probeFails ? Promise.reject(new Error('timeout')) : Promise.resolve();
    },
    () => undefined,
    {silenceMs: 5000, probeTimeoutMs: 4000, tickMs: 0, now: () => clock},
  );
  const quiet = liveness.track((at) => dead.push(at));
  liveness.track((at) => dead.push(at));
  const busy = liveness.track(() => assert.fail('a stream that keeps hearing is never declared dead'));
  clock = 4000;
  await liveness.check();
  assert.equal(probes, 0, 'not silent long enough');
  clock = 5000;
  busy.heard();
  await liveness.check();
  assert.equal(probes, 1, 'one probe for both silent streams');
  clock = 9000;
  await liveness.check();
  assert.equal(probes, 1, 'the path was proven 4 s ago');
  probeFails = true;
  clock = 10_000;
  busy.heard();
  await liveness.check();
  assert.equal(probes, 2);
  assert.deepEqual(dead, [5000, 5000], 'both silent streams, with when the path was last proven');
  assert.equal(liveness.tracked, 1);
  quiet.untrack();
});

test('a DELETE with a body and the request after it share a kept-alive connection, each read whole', async (context) => {
  const seen: string[] = [];
  const server = await fakeServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      seen.push(`${request.method} ${request.url} ${body}`);
      response.setHeader('Content-Type', 'application/json');
      response.end('{}');
    });
  });
  context.after(() => server.close());
  const client = createApiClient(server.kubeConfig);
  await client.sendJson('DELETE', '/api/v1/namespaces/demo/pods/web-1', {kind: 'DeleteOptions', apiVersion: 'v1'});
  await client.sendJson('POST', '/api/v1/nodes', {kind: 'Node', apiVersion: 'v1', metadata: {name: 'n1'}});
  assert.deepEqual(seen, [
    'DELETE /api/v1/namespaces/demo/pods/web-1 {"kind":"DeleteOptions","apiVersion":"v1"}',
    'POST /api/v1/nodes {"kind":"Node","apiVersion":"v1","metadata":{"name":"n1"}}',
  ]);
  assert.equal(server.connections(), 1);
});
