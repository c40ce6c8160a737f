import net from 'node:net';

// A TCP proxy on loopback that kview's tests put between kview and the API server to make the network misbehave
// the ways real paths do:
// - pass: bytes flow;
// - freeze: every connection stays open and no byte flows either way, new connections are accepted and frozen too,
//   and closes wait (what a NAT, VPN or load balancer does when it drops a path); thawing delivers what waited,
//   as TCP retransmission would;
// - reset: every connection, open or new, is reset (RST);
// - closeAfter: each connection is closed after this many more bytes in either direction;
// - slow: a shared link of `bytesPerSecond` each way with `rttMs` round trip (64 kbit/s, 300 ms by default).
export type ProxyMode =
  | {kind: 'pass'}
  | {kind: 'freeze'}
  | {kind: 'reset'}
  | {kind: 'closeAfter'; bytes: number}
  | {kind: 'slow'; bytesPerSecond?: number; rttMs?: number};

interface Direction {
  from: net.Socket;
  to: net.Socket;
  queue: Buffer[];
  ended: boolean;
  // Slow link: when the link in this direction is free again.
  link: {freeAt: number};
  // Writes the slow link scheduled and not yet made: later bytes (after a switch to pass) wait behind them.
  delayed: number;
  lastAt: number;
}

interface Connection {
  client: net.Socket;
  upstream: net.Socket;
  directions: [Direction, Direction];
  bytesSinceMode: number;
  closed: boolean;
}

export class TcpProxy {
  // Every connection accepted since start (or since resetCounter), whatever happened to it.
  connectionsAccepted = 0;
  private mode: ProxyMode = {kind: 'pass'};
  private readonly connections = new Set<Connection>();
  private readonly links = {up: {freeAt: 0}, down: {freeAt: 0}};

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    private readonly target: {host: string; port: number},
  ) {}

  static async start(target: {host: string; port: number}): Promise<TcpProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const proxy = new TcpProxy(server, port, target);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  get openConnections(): number {
    return this.connections.size;
  }

  resetCounter(): void {
    this.connectionsAccepted = 0;
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    for (const connection of this.connections) {
      connection.bytesSinceMode = 0;
      if (mode.kind === 'reset') this.reset(connection);
      else for (const direction of connection.directions) this.pump(connection, direction);
    }
  }

  async close(): Promise<void> {
    for (const connection of this.connections) this.reset(connection);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    this.connectionsAccepted += 1;
    const upstream = net.connect(this.target.port, this.target.host);
    const connection: Connection = {
      client,
      upstream,
      directions: [
        {from: client, to: upstream, queue: [], ended: false, link: this.links.up, delayed: 0, lastAt: 0},
        {from: upstream, to: client, queue: [], ended: false, link: this.links.down, delayed: 0, lastAt: 0},
      ],
      bytesSinceMode: 0,
      closed: false,
    };
    this.connections.add(connection);
    if (this.mode.kind === 'reset') {
      this.reset(connection);
      return;
    }
    for (const direction of connection.directions) {
      direction.from.on('data', (chunk: Buffer) => {
        direction.queue.push(chunk);
        this.pump(connection, direction);
      });
      direction.from.on('end', () => {
        direction.ended = true;
        this.pump(connection, direction);
      });
      // An error or reset on one side becomes a reset of the other, unless the path is frozen: then nothing,
      // not even the reset, gets through until the thaw.
      direction.from.on('error', () => undefined);
      direction.from.on('close', () => {
        direction.ended = true;
        this.pump(connection, direction);
      });
    }
  }

  private pump(connection: Connection, direction: Direction): void {
    if (connection.closed) return;
    const mode = this.mode;
    if (mode.kind === 'freeze') {
      direction.from.pause();
      return;
    }
    if (mode.kind === 'reset') return this.reset(connection);
    direction.from.resume();
    while (direction.queue.length > 0) {
      const chunk = direction.queue.shift() ?? Buffer.alloc(0);
      if (mode.kind === 'closeAfter') {
        const room = mode.bytes - connection.bytesSinceMode;
        if (chunk.length >= room) {
          if (room > 0) direction.to.write(chunk.subarray(0, room));
          return this.reset(connection);
        }
        connection.bytesSinceMode += chunk.length;
      }
      if (mode.kind === 'slow') {
        this.later(connection, direction, chunk, mode);
      } else if (direction.delayed > 0) {
        this.schedule(connection, direction, Date.now(), () => direction.to.write(chunk));
      } else if (!direction.to.write(chunk)) {
        direction.from.pause();
        direction.to.once('drain', () => this.pump(connection, direction));
        return;
      }
    }
    if (direction.ended) {
      const at = mode.kind === 'slow' ? Math.max(Date.now() + (mode.rttMs ?? 300) / 2, direction.link.freeAt) : 0;
      if (direction.delayed > 0 || at > 0)
        this.schedule(connection, direction, at, () => this.finish(connection, direction));
      else this.finish(connection, direction);
    }
  }

  // The slow link: each chunk waits for the link to be free, takes its size at the link's rate, and arrives half
  // a round trip later.
  private later(
    connection: Connection,
    direction: Direction,
    chunk: Buffer,
    mode: Extract<ProxyMode, {kind: 'slow'}>,
  ): void {
    const bytesPerSecond = mode.bytesPerSecond ?? 8000;
    const start = Math.max(Date.now(), direction.link.freeAt);
    direction.link.freeAt = start + (chunk.length * 1000) / bytesPerSecond;
    this.schedule(connection, direction, direction.link.freeAt + (mode.rttMs ?? 300) / 2, () =>
      direction.to.write(chunk),
    );
  }

  // Delayed writes of one direction happen in the order they were scheduled, whatever their times.
  private schedule(connection: Connection, direction: Direction, at: number, write: () => void): void {
    const when = Math.max(at, direction.lastAt);
    direction.lastAt = when;
    direction.delayed += 1;
    setTimeout(() => {
      direction.delayed -= 1;
      if (!connection.closed) write();
    }, when - Date.now());
  }

  private finish(connection: Connection, direction: Direction): void {
    if (direction.from.destroyed && !direction.from.readableEnded) {
      this.reset(connection);
      return;
    }
    direction.to.end();
    if (connection.directions.every((each) => each.ended)) this.forget(connection);
  }

  private reset(connection: Connection): void {
    for (const socket of [connection.client, connection.upstream]) {
      socket.on('error', () => undefined);
      if (!socket.destroyed) socket.resetAndDestroy();
    }
    this.forget(connection);
  }

  private forget(connection: Connection): void {
    connection.closed = true;
    this.connections.delete(connection);
  }
}
