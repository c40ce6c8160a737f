import type {ApiClient} from './api-client.js';
import {KviewError} from './kview-error.js';

// One GET with its own deadline, so a view never waits on a server (or a kubelet behind it) that stopped
// answering; the timeout is said as such instead of as an abort.
export async function timedGetJson<T>(client: ApiClient, path: string, timeoutMs: number): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await client.getJson<T>(path, 'application/json', signal);
  } catch (error) {
    throw signal.aborted ? timeoutError(path, timeoutMs) : error;
  }
}

// The body as text, at most maxBytes of it (a log file under /var/log can be large): the request is ended there
// and `complete` says whether the whole body was read.
export async function timedGetText(
  client: ApiClient,
  path: string,
  timeoutMs: number,
  maxBytes: number,
): Promise<{text: string; complete: boolean}> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const enough = new AbortController();
  const signal = AbortSignal.any([timeout, enough.signal]);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    await client.stream(
      path,
      '*/*',
      (chunk) => {
        if (size >= maxBytes) return;
        chunks.push(chunk);
        size += chunk.length;
        if (size >= maxBytes) enough.abort();
      },
      signal,
    );
  } catch (error) {
    if (timeout.aborted) throw timeoutError(path, timeoutMs);
    if (!enough.signal.aborted) throw error;
  }
  if (timeout.aborted && !enough.signal.aborted) throw timeoutError(path, timeoutMs);
  return {text: Buffer.concat(chunks).subarray(0, maxBytes).toString('utf8'), complete: !enough.signal.aborted};
}

function timeoutError(path: string, timeoutMs: number): KviewError {
  return new KviewError(
    `the API server did not answer GET ${path} within ${timeoutMs / 1000}s`,
    'check that the API server is up and reachable',
    'unreachable',
  );
}

// For a request that takes no abort signal (a POST such as an access review): its answer, or `fallback` once
// the deadline has passed, so the caller never waits longer than that.
export function answerWithin<T>(request: Promise<T>, timeoutMs: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(fallback), timeoutMs);
  });
  return Promise.race([request, late]).finally(() => clearTimeout(timer));
}
