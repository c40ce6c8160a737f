import type {ApiClient} from './api-client.js';
import {StaleStreamError} from './api-client.js';
import {clockTime} from './clock-time.js';
import {createBackoff, DEFAULT_RETRY_DELAYS_MS} from './retry.js';
import type {Sleep} from './retry.js';
import {KviewError} from './kview-error.js';
import {splitLines} from './line-splitter.js';
import type {PodJson} from './log-pod.js';
import {podsPath} from './paths.js';

export interface PodWatchSink {
  // The full set after every (re)list: pods missing from it are gone, even if their DELETED event was missed.
  snapshot(pods: PodJson[]): void;
  upsert(pod: PodJson): void;
  remove(pod: PodJson): void;
  failed(message: string): void;
}

interface PodList {
  metadata?: {resourceVersion?: string};
  items?: PodJson[];
}

interface PodEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: PodJson & {message?: string};
}

export interface PodWatchRetry {
  sleep: Sleep;
  retryDelaysMs?: readonly number[];
  now?: () => number;
  // A watch open this long proved the connection: the next reconnect starts from the first delay again.
  healthyAfterMs?: number;
}

// List then watch whole pod objects (the log streams need container statuses, which the Table rendering omits),
// re-listing after any failure like the table watch does, with the same backoff.
export function watchPods(
  client: ApiClient,
  namespace: string | undefined,
  selector: {label?: string; field?: string},
  sink: PodWatchSink,
  retryOrSleep: Sleep | PodWatchRetry,
): {stop: () => void} {
  const retry = typeof retryOrSleep === 'function' ? {sleep: retryOrSleep} : retryOrSleep;
  const controller = new AbortController();
  const signal = controller.signal;
  const now = retry.now ?? Date.now;
  const healthyAfterMs = retry.healthyAfterMs ?? 10_000;
  const backoff = createBackoff({delaysMs: retry.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS, sleep: retry.sleep});
  const base = new URLSearchParams();
  if (selector.label) base.set('labelSelector', selector.label);
  if (selector.field) base.set('fieldSelector', selector.field);
  let watchOpenedAt: number | undefined;

  async function listAndWatch(): Promise<void> {
    watchOpenedAt = undefined;
    const list = await client.getJson<PodList>(`${podsPath(namespace)}?${base.toString()}`, 'application/json', signal);
    sink.snapshot(list.items ?? []);
    let resourceVersion = list.metadata?.resourceVersion ?? '';
    for (;;) {
      const query = new URLSearchParams(base);
      query.set('watch', '1');
      query.set('resourceVersion', resourceVersion);
      query.set('allowWatchBookmarks', 'true');
      const lines = splitLines();
      watchOpenedAt = now();
      await client.stream(
        `${podsPath(namespace)}?${query.toString()}`,
        'application/json',
        (chunk) => {
          for (const line of lines.push(chunk)) {
            if (line.trim() === '') continue;
            const event = parseEvent(line);
            if (event.type === 'ERROR') throw new KviewError(event.object.message ?? 'watch error', '', 'gone');
            resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
            if (event.type === 'DELETED') sink.remove(event.object);
            else if (event.type !== 'BOOKMARK') sink.upsert(event.object);
          }
        },
        signal,
      );
      if (signal.aborted) return;
      if (now() - watchOpenedAt >= healthyAfterMs) backoff.succeeded();
      // A watch the server ends at once, again and again, waits like a failure.
      await backoff.wait(signal);
    }
  }

  async function run(): Promise<void> {
    while (!signal.aborted) {
      try {
        await listAndWatch();
      } catch (caught) {
        if (signal.aborted) return;
        if (watchOpenedAt !== undefined && now() - watchOpenedAt >= healthyAfterMs) backoff.succeeded();
        if (caught instanceof StaleStreamError) {
          sink.failed(`stale since ${clockTime(caught.knownTrueAt)}, reconnecting`);
        } else if (!(caught instanceof KviewError && caught.kind === 'gone')) {
          const message = caught instanceof Error ? caught.message : String(caught);
          sink.failed(`${message}; retrying (attempt ${backoff.attempt + 1})`);
        }
        await backoff.wait(signal);
      }
    }
  }

  run().catch((error: unknown) => sink.failed(String(error)));
  return {stop: () => controller.abort()};
}

function parseEvent(line: string): PodEvent {
  try {
    return JSON.parse(line) as PodEvent;
  } catch {
    throw new KviewError(`a pod watch event is not JSON: ${line.slice(0, 80)}`, 'the watch is reopened');
  }
}
