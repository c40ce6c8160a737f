import {appendFile} from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type {Socket} from 'node:net';
import type {KubeConfig} from '@kubernetes/client-node';
import {describeHttpFailure, describeNetworkError} from './describe-error.js';
import {createAgentCache} from './http-agent.js';
import {KviewError} from './kview-error.js';
import {createPathLiveness} from './path-liveness.js';
import {createLimiter} from './request-limiter.js';
import type {LivenessOptions, PathLiveness} from './path-liveness.js';

// A thin raw client: kview needs the server's Table rendering and line-by-line watch streams, which the generated
// client-node APIs do not expose, while TLS and credentials still come from client-node's KubeConfig.
export interface ApiClient {
  getJson<T>(path: string, accept?: string, signal?: AbortSignal): Promise<T>;
  sendJson<T>(
    method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    path: string,
    body: unknown,
    contentType?: string,
  ): Promise<T>;
  // Resolves when the server ends the stream; rejects when it breaks, when onChunk throws, or with a StaleStreamError
  // when the path to the server was found dead while the stream was silent.
  stream(
    path: string,
    accept: string,
    onChunk: (chunk: Buffer) => void,
    signal: AbortSignal,
    options?: StreamOptions,
  ): Promise<void>;
}

export interface StreamOptions {
  // Request headers besides Accept (a Range for part of a file).
  headers?: Record<string, string>;
  // The status and headers, as soon as they arrive and before a failing status rejects the stream.
  onResponse?: (status: number, headers: Readonly<Record<string, string | string[] | undefined>>) => void;
}

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json';

export interface ApiClientOptions {
  // No response (headers, or the next bytes of a one-shot body) within this long fails the request.
  requestTimeoutMs?: number;
  // TCP connect plus TLS handshake of a new connection.
  connectTimeoutMs?: number;
  liveness?: LivenessOptions;
  // One line per request (time, new or reused connection, method, path) appended to this file: KVIEW_TRACE_REQUESTS.
  traceFile?: string;
}

export const REQUEST_TIMEOUT_MS = 15_000;
export const CONNECT_TIMEOUT_MS = 10_000;
// One-shot requests in flight at once. HTTP/1.1 carries one request per connection, so a burst (discovery asks
// every API group at once) would otherwise open a connection per request; queued here, it reuses a few.
export const ONE_SHOT_CONCURRENCY = 6;

// A stream torn down because the path to the server was found dead; knownTrueAt is the last moment what it
// delivered was known to be current (its last byte, or the last answered probe): what "stale since" shows.
export class StaleStreamError extends KviewError {
  constructor(
    readonly knownTrueAt: number,
    server: string,
  ) {
    super(
      `no answer from the server ${hostOf(server)}; reconnecting`,
      'the network path to the API server stopped carrying data (VPN, NAT, load balancer)',
      'unreachable',
    );
  }
}

interface RequestSpec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  timeoutMs: number;
  // For the trace only.
  kind: 'request' | 'stream' | 'probe';
}

export function createApiClient(
  kubeConfig: KubeConfig,
  options: ApiClientOptions = {},
): ApiClient & {
  liveness: PathLiveness;
} {
  const server = kubeConfig.getCurrentCluster()?.server ?? '';
  const proxied = Boolean(kubeConfig.getCurrentCluster()?.proxyUrl);
  const requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const connectTimeoutMs = options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
  const isHttps = !server.startsWith('http:');
  const slots = createLimiter(ONE_SHOT_CONCURRENCY);
  const traceFile = options.traceFile;
  const agents = createAgentCache(isHttps);
  const liveness = createPathLiveness(
    async (timeoutMs) => {
      const response = await open({
        method: 'GET',
        path: '/version',
        headers: {Accept: 'application/json'},
        timeoutMs,
        kind: 'probe',
      });
      await readBody(response, timeoutMs);
    },
    () => agents.dropIdleSockets(),
    options.liveness,
  );

  const timeoutError = (message: string) =>
    new KviewError(
      message,
      'check the network path to the API server (VPN, firewall, load balancer); the server may also be overloaded',
      'unreachable',
    );
  const host = hostOf(server);

  async function open(spec: RequestSpec): Promise<http.IncomingMessage> {
    const url = new URL(server.replace(/\/$/, '') + spec.path);
    // A body always carries its length: Node sends a DELETE body with neither Content-Length nor chunked framing,
    // and on a kept-alive connection the server then reads that body as the start of the next request (400).
    const length = spec.body !== undefined ? {'Content-Length': String(Buffer.byteLength(spec.body))} : {};
    const requestOptions: https.RequestOptions = {method: spec.method, headers: {...spec.headers, ...length}};
    // Per request: tokens and exec credentials may be refreshed; the agent (TLS, connections) is reused.
    await kubeConfig.applyToHTTPSOptions(requestOptions);
    const fallback = requestOptions.agent instanceof http.Agent ? requestOptions.agent : undefined;
    const agent = agents.agentFor(requestOptions, fallback, proxied);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, {...requestOptions, agent, signal: spec.signal});
      if (traceFile) request.on('socket', (socket: Socket) => trace(traceFile, socket, spec));
      let connectTimer: NodeJS.Timeout | undefined;
      const responseTimer = setTimeout(
        () => request.destroy(timeoutError(`no answer from the server ${host} within ${seconds(spec.timeoutMs)}`)),
        spec.timeoutMs,
      );
      request.on('socket', (socket: Socket) => {
        if (!socket.connecting) return;
        connectTimer = setTimeout(
          () =>
            request.destroy(
              timeoutError(`could not connect to the server ${host} within ${seconds(connectTimeoutMs)}`),
            ),
          Math.min(connectTimeoutMs, spec.timeoutMs),
        );
        socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      request.on('response', (response) => {
        clearTimeout(responseTimer);
        clearTimeout(connectTimer);
        liveness.proven();
        resolve(response);
      });
      request.on('error', (error) => {
        clearTimeout(responseTimer);
        clearTimeout(connectTimer);
        reject(describeNetworkError(error, server));
      });
      if (spec.body !== undefined) request.write(spec.body);
      request.end();
    });
  }

  // A one-shot body: every chunk must follow the last within the timeout (a large list on a slow link is fine, a
  // stalled one is not).
  function readBody(response: http.IncomingMessage, timeoutMs: number): Promise<string> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(
          () =>
            response.destroy(timeoutError(`the server ${host} stopped sending its answer for ${seconds(timeoutMs)}`)),
          timeoutMs,
        );
      };
      arm();
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        arm();
      });
      response.on('end', () => {
        clearTimeout(timer);
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(describeNetworkError(error, server));
      });
    });
  }

  async function expectOk(response: http.IncomingMessage, method: string, path: string): Promise<string> {
    const text = await readBody(response, requestTimeoutMs);
    const status = response.statusCode ?? 0;
    if (status < 200 || status > 299) throw describeHttpFailure(status, text, method, path);
    return text;
  }

  function parse<T>(text: string, path: string): T {
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new KviewError(
        `the server's answer to ${path.split('?')[0]} is not JSON`,
        'is the server a Kubernetes API server?',
      );
    }
  }

  function oneShot<T>(spec: Omit<RequestSpec, 'timeoutMs' | 'kind'>): Promise<T> {
    return slots.run(async () => {
      const response = await open({...spec, timeoutMs: requestTimeoutMs, kind: 'request'});
      return parse<T>(await expectOk(response, spec.method, spec.path), spec.path);
    });
  }

  return {
    liveness,
    getJson<T>(path: string, accept = 'application/json', signal?: AbortSignal): Promise<T> {
      return oneShot<T>({method: 'GET', path, headers: {Accept: accept}, signal});
    },
    sendJson<T>(
      method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      path: string,
      body: unknown,
      contentType = 'application/json',
    ): Promise<T> {
      return oneShot<T>({
        method,
        path,
        headers: {'Content-Type': contentType, Accept: 'application/json'},
        body: JSON.stringify(body),
      });
    },
    async stream(path, accept, onChunk, signal, options = {}) {
      const response = await open({
        method: 'GET',
        path,
        headers: {...options.headers, Accept: accept},
        signal,
        timeoutMs: requestTimeoutMs,
        kind: 'stream',
      });
      const status = response.statusCode ?? 0;
      options.onResponse?.(status, response.headers);
      if (status < 200 || status > 299) {
        await expectOk(response, 'GET', path);
        return;
      }
      await new Promise<void>((resolve, reject) => {
        let settled = false;
        const settle = (error?: unknown) => {
          if (settled) return;
          settled = true;
          tracked.untrack();
          if (error === undefined || (signal.aborted && !(error instanceof StaleStreamError))) resolve();
          else reject(error instanceof KviewError ? error : describeNetworkError(error, server));
          if (error !== undefined) response.destroy();
        };
        const tracked = liveness.track((lastHeardAt) => settle(new StaleStreamError(lastHeardAt, server)));
        response.on('data', (chunk: Buffer) => {
          if (settled) return;
          tracked.heard();
          // A sink that throws (a watch line that is not JSON) ends this stream with that error, never the process.
          try {
            onChunk(chunk);
          } catch (error) {
            settle(error instanceof Error ? error : new Error(String(error)));
          }
        });
        response.on('end', () => settle());
        // A connection that drops mid-stream ends the stream as the server's own end would: the owner goes on
        // from where it was (a watch from its resourceVersion, a log from its last timestamp), and a path that
        // stays down fails the reconnect, which is reported. Node reports the drop as 'aborted' / ECONNRESET.
        response.on('aborted', () => settle());
        response.on('error', (error: NodeJS.ErrnoException) =>
          settle(error.code === 'ECONNRESET' && error.message === 'aborted' ? undefined : error),
        );
        response.on('close', () => settle());
      });
    },
  };
}

function trace(file: string, socket: Socket, spec: RequestSpec): void {
  const line = `${new Date().toISOString()} ${socket.connecting ? 'new' : 'reused'} ${spec.method} ${spec.path.split('?')[0]} ${spec.kind}\n`;
  appendFile(file, line).catch(() => undefined);
}

function seconds(milliseconds: number): string {
  return `${Math.round(milliseconds / 100) / 10} s`;
}

function hostOf(server: string): string {
  try {
    return new URL(server).host;
  } catch {
    return server;
  }
}
