import {test} from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import {TcpProxy} from '../faults/tcp-proxy.js';

// The fault proxy itself, against an echo server on loopback: each mode does what the fault tests rely on.
async function echoServer(): Promise<{port: number; close: () => void}> {
  const server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return {port: typeof address === 'object' && address ? address.port : 0, close: () => server.close()};
}

function client(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let received = '';
  let error: string | undefined;
  socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
  socket.on('error', (caught: NodeJS.ErrnoException) => (error = caught.code ?? caught.message));
  return {socket, received: () => received, error: () => error};
}

async function until(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('pass forwards, freeze holds every byte (new connections too) until the thaw, and the counter counts', async (context) => {
  const echo = await echoServer();
  const proxy = await TcpProxy.start({host: '127.0.0.1', port: echo.port});
  context.after(async () => {
    await proxy.close();
    echo.close();
  });
  const first = client(proxy.port);
  first.socket.write('hello');
  await until('the echo', () => first.received() === 'hello');

  proxy.setMode({kind: 'freeze'});
  first.socket.write(' frozen');
  const second = client(proxy.port);
  second.socket.write('later');
  await until('the second connection accepted', () => proxy.connectionsAccepted === 2);
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(first.received(), 'hello', 'nothing flows while frozen');
  assert.equal(second.received(), '');

  proxy.setMode({kind: 'pass'});
  await until('the held bytes delivered', () => first.received() === 'hello frozen' && second.received() === 'later');
  first.socket.destroy();
  second.socket.destroy();
});

test('reset sends RST to open and new connections; closeAfter closes after N bytes', async (context) => {
  const echo = await echoServer();
  const proxy = await TcpProxy.start({host: '127.0.0.1', port: echo.port});
  context.after(async () => {
    await proxy.close();
    echo.close();
  });
  const open = client(proxy.port);
  open.socket.write('x');
  await until('the echo', () => open.received() === 'x');
  proxy.setMode({kind: 'reset'});
  await until('the reset', () => open.error() === 'ECONNRESET');
  const fresh = client(proxy.port);
  await until('the new connection reset', () => fresh.error() === 'ECONNRESET' || fresh.socket.destroyed);

  proxy.setMode({kind: 'closeAfter', bytes: 10});
  const limited = client(proxy.port);
  limited.socket.write('0123456789abcdef');
  await until('the connection closed', () => limited.socket.destroyed);
  assert.ok(limited.received().length <= 10, `at most 10 bytes, got ${limited.received().length}`);
});

test('slow: 8,000 bytes over a 8,000 B/s link with 300 ms RTT take about a second plus the round trip', async (context) => {
  const echo = await echoServer();
  const proxy = await TcpProxy.start({host: '127.0.0.1', port: echo.port});
  context.after(async () => {
    await proxy.close();
    echo.close();
  });
  proxy.setMode({kind: 'slow'});
  const slow = client(proxy.port);
  const started = Date.now();
  slow.socket.write(Buffer.alloc(8000, 97));
  await until('the echo', () => slow.received().length === 8000, 10_000);
  const elapsed = Date.now() - started;
  // Up at 8,000 B/s (1 s) and 150 ms, down again (its own link, 1 s) and 150 ms.
  assert.ok(elapsed >= 2000 && elapsed < 4000, `took ${elapsed} ms`);
  slow.socket.destroy();
});
