import type {ApiClient} from './api-client.js';
import {canI} from './access-review.js';
import {KviewError} from './kview-error.js';
import {EVENT_KIND, collectionPath} from './resource-kind.js';
import {answerWithin, timedGetJson, timedGetText} from './timed-get.js';
import type {RowObject} from './types.js';

// One answer of the kubelet or the API server: what it said, or one line why not (forbidden said as such).
export type Fetched<T> = {ok: true; value: T} | {ok: false; problem: string; forbidden: boolean};

// What the API server's node proxy and the API itself say about a node kview does not run on, read without
// creating anything. Parsed and judged elsewhere (node-tools/remote-*.ts): this layer only fetches.
export interface KubeletProxyReading {
  node: string;
  // The SelfSubjectAccessReview for `get nodes/proxy`; without it no kubelet endpoint is asked.
  proxyAllowed: boolean;
  healthz: Fetched<string>;
  configz: Fetched<unknown>;
  summary: Fetched<unknown>;
  pods: Fetched<unknown>;
  // The /logs/ directory listing (HTML) of the node's /var/log.
  logs: Fetched<string>;
  // The answer to node log query (/logs/?query=kubelet); a kubelet without it answers with the listing.
  logQuery: Fetched<string>;
  nodeObject: Fetched<RowObject>;
  events: Fetched<RowObject[]>;
}

export interface KubeletProxyOptions {
  timeoutMs?: number;
}

// A kubelet behind the proxy that does not answer within this is said to be slow, not waited for.
const REQUEST_TIMEOUT_MS = 5_000;
// The listing and the query answer are small; a bigger body is not what was asked for.
const LISTING_MAX_BYTES = 256 * 1024;
const LOG_FILE_MAX_BYTES = 4 * 1024 * 1024;

export const NODE_PROXY_QUESTION = {verb: 'get', group: '', resource: 'nodes', subresource: 'proxy'} as const;

export function proxyPath(node: string, path: string): string {
  return `/api/v1/nodes/${encodeURIComponent(node)}/proxy/${path}`;
}

export async function readKubeletProxy(
  client: ApiClient,
  node: string,
  options: KubeletProxyOptions = {},
): Promise<KubeletProxyReading> {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const nodePath = `/api/v1/nodes/${encodeURIComponent(node)}`;
  const eventsPath =
    `${collectionPath(EVENT_KIND, undefined)}?` +
    new URLSearchParams({fieldSelector: `involvedObject.kind=Node,involvedObject.name=${node}`}).toString();
  // An access review that does not answer in time is not taken as a refusal: the proxied requests then say
  // themselves whether they are forbidden.
  const proxyAllowed = await answerWithin(canI(client, {...NODE_PROXY_QUESTION, name: node}), timeoutMs, true);
  const proxied = <T>(request: () => Promise<T>): Promise<Fetched<T>> =>
    proxyAllowed ? fetched(request) : Promise.resolve(refused());
  const json = <T>(path: string) => proxied(() => timedGetJson<T>(client, proxyPath(node, path), timeoutMs));
  const text = (path: string) =>
    proxied(() => timedGetText(client, proxyPath(node, path), timeoutMs, LISTING_MAX_BYTES).then((body) => body.text));
  const [healthz, configz, summary, pods, logs, logQuery, nodeObject, events] = await Promise.all([
    text('healthz'),
    json<unknown>('configz'),
    json<unknown>('stats/summary'),
    json<unknown>('pods'),
    text('logs/'),
    text('logs/?query=kubelet'),
    fetched(() => timedGetJson<RowObject>(client, nodePath, timeoutMs)),
    fetched(() => timedGetJson<{items?: RowObject[]}>(client, eventsPath, timeoutMs).then((list) => list.items ?? [])),
  ]);
  return {node, proxyAllowed, healthz, configz, summary, pods, logs, logQuery, nodeObject, events};
}

// A file or directory under the node's /var/log through /logs/PATH (a directory answers with its listing), at
// most LOG_FILE_MAX_BYTES of it; `complete` says whether that was all of it.
export function readKubeletLogPath(
  client: ApiClient,
  node: string,
  path: string,
  options: KubeletProxyOptions = {},
): Promise<{text: string; complete: boolean}> {
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  return timedGetText(
    client,
    proxyPath(node, `logs/${encoded}`),
    options.timeoutMs ?? REQUEST_TIMEOUT_MS,
    LOG_FILE_MAX_BYTES,
  );
}

// Part of a file under the node's /var/log, by an HTTP Range request (the kubelet serves /logs/ as files, and the
// API server's proxy passes the Range on): the last N bytes of a file of any size, or what was appended since a
// byte offset. A file that did not grow answers 416 with its size, which says whether it was truncated.
export type LogRange = {lastBytes: number} | {fromByte: number; maxBytes: number};
export type LogRangeRead = {start: number; bytes: Buffer; totalBytes: number} | {unchanged: true; totalBytes: number};

export async function readKubeletLogRange(
  client: ApiClient,
  node: string,
  path: string,
  range: LogRange,
  options: KubeletProxyOptions = {},
): Promise<LogRangeRead> {
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  const header =
    'lastBytes' in range
      ? `bytes=-${range.lastBytes}`
      : `bytes=${range.fromByte}-${range.fromByte + range.maxBytes - 1}`;
  let status = 0;
  let contentRange = '';
  const chunks: Buffer[] = [];
  try {
    await client.stream(proxyPath(node, `logs/${encoded}`), '*/*', (chunk) => chunks.push(chunk), signal, {
      headers: {Range: header},
      onResponse: (code, headers) => {
        status = code;
        contentRange = typeof headers['content-range'] === 'string' ? headers['content-range'] : '';
      },
    });
  } catch (error) {
    const total = /\*\/(\d+)$/.exec(contentRange)?.[1];
    if (status === 416 && total !== undefined) return {unchanged: true, totalBytes: Number(total)};
    if (signal.aborted)
      throw new KviewError(`no answer for /var/log/${path} within ${timeoutMs / 1000}s`, 'r tries again');
    throw error;
  }
  const bytes = Buffer.concat(chunks);
  const parts = /^bytes (\d+)-\d+\/(\d+)$/.exec(contentRange);
  // A server that ignores Range sends the whole file (200).
  if (status === 200 || !parts) return {start: 0, bytes, totalBytes: bytes.length};
  return {start: Number(parts[1]), bytes, totalBytes: Number(parts[2])};
}

async function fetched<T>(request: () => Promise<T>): Promise<Fetched<T>> {
  try {
    return {ok: true, value: await request()};
  } catch (error) {
    const forbidden = error instanceof KviewError && error.kind === 'forbidden';
    const message = error instanceof Error ? error.message : String(error);
    return {ok: false, problem: message.split('\n')[0] ?? message, forbidden};
  }
}

function refused<T>(): Fetched<T> {
  return {
    ok: false,
    problem: 'forbidden: you may not get nodes/proxy (SelfSubjectAccessReview), so the kubelet cannot be asked',
    forbidden: true,
  };
}
