import net from 'node:net';

// The local port the prompt offers: the preferred one when it can be bound now, else one the system picks as free
// (port 0). Tried by binding and closing at once; the forward itself binds it again and says so if it is gone.
export async function offeredLocalPort(address: string, preferred: number): Promise<number> {
  if (preferred > 0) {
    const bound = await tryBind(address, preferred);
    if (bound !== undefined) return bound;
  }
  return (await tryBind(address, 0)) ?? 0;
}

function tryBind(address: string, port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined));
    server.listen({host: address, port, exclusive: true}, () => {
      const bound = server.address();
      server.close(() => resolve(typeof bound === 'object' && bound ? bound.port : undefined));
    });
  });
}
