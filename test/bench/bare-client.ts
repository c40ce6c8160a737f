// The bench's own HTTP client, outside kview: a kept-alive pool of connections for seeding in parallel, and the
// "floor" (kview's paginated Table LIST fetched and parsed with nothing else in the way).
import {readFileSync} from 'node:fs';
import https from 'node:https';
import yaml from 'js-yaml';

export interface BareClient {
  request(method: string, path: string, body?: unknown, contentType?: string, accept?: string): Promise<string>;
  close(): void;
}

interface Kubeconfig {
  clusters: Array<{cluster: {server: string; 'certificate-authority': string}}>;
  users: Array<{name: string; user: {token?: string}}>;
}

// Reads the bench server's own kubeconfig (bench-server.sh writes it: one cluster, token users).
export function openBareClient(kubeconfigPath: string, sockets = 32): BareClient {
  const config = yaml.load(readFileSync(kubeconfigPath, 'utf8')) as Kubeconfig;
  const cluster = config.clusters[0]?.cluster;
  const token = config.users.find((user) => user.name === 'kview-admin')?.user.token;
  if (!cluster || !token) throw new Error(`${kubeconfigPath}: no cluster or admin token`);
  const server = new URL(cluster.server);
  const agent = new https.Agent({
    keepAlive: true,
    maxSockets: sockets,
    ca: readFileSync(cluster['certificate-authority']),
  });
  return {
    request(method, path, body, contentType = 'application/json', accept = 'application/json') {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return new Promise((resolve, reject) => {
        const request = https.request(
          {
            host: server.hostname,
            port: server.port,
            path,
            method,
            agent,
            timeout: 120_000,
            headers: {
              Authorization: `Bearer ${token}`,
              Accept: accept,
              ...(payload === undefined
                ? {}
                : {'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(payload))}),
            },
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              if ((response.statusCode ?? 500) >= 300) reject(new HttpError(response.statusCode ?? 0, text));
              else resolve(text);
            });
          },
        );
        request.on('timeout', () => request.destroy(new Error(`${method} ${path}: timed out`)));
        request.on('error', reject);
        request.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`HTTP ${status}: ${body.slice(0, 200)}`);
  }
}

export async function runConcurrently(jobs: Iterable<() => Promise<unknown>>, concurrency: number): Promise<void> {
  const iterator = jobs[Symbol.iterator]();
  const worker = async () => {
    for (let next = iterator.next(); !next.done; next = iterator.next()) await next.value();
  };
  await Promise.all(Array.from({length: concurrency}, worker));
}
