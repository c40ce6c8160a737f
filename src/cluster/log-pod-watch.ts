import type {ApiClient} from './api-client.js';
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

// List then watch whole pod objects (the log streams need container statuses, which the Table rendering omits),
// re-listing after any failure like the table watch does.
export function watchPods(
  client: ApiClient,
  namespace: string | undefined,
  selector: {label?: string; field?: string},
  sink: PodWatchSink,
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>,
): {stop: () => void} {
  const controller = new AbortController();
  const signal = controller.signal;
  const base = new URLSearchParams();
  if (selector.label) base.set('labelSelector', selector.label);
  if (selector.field) base.set('fieldSelector', selector.field);

  async function listAndWatch(): Promise<void> {
    const list = await client.getJson<PodList>(`${podsPath(namespace)}?${base}`, 'application/json', signal);
    sink.snapshot(list.items ?? []);
    let resourceVersion = list.metadata?.resourceVersion ?? '';
    for (;;) {
      const query = new URLSearchParams(base);
      query.set('watch', '1');
      query.set('resourceVersion', resourceVersion);
      query.set('allowWatchBookmarks', 'true');
      const lines = splitLines();
      let failure: KviewError | undefined;
      await client.stream(
        `${podsPath(namespace)}?${query}`,
        'application/json',
        (chunk) => {
          for (const line of lines.push(chunk)) {
            if (failure || line.trim() === '') continue;
            const event = JSON.parse(line) as PodEvent;
            if (event.type === 'ERROR') {
              failure = new KviewError(event.object.message ?? 'watch error', '', 'gone');
              continue;
            }
            resourceVersion = event.object.metadata?.resourceVersion ?? resourceVersion;
            if (event.type === 'DELETED') sink.remove(event.object);
            else if (event.type !== 'BOOKMARK') sink.upsert(event.object);
          }
        },
        signal,
      );
      if (failure) throw failure;
      if (signal.aborted) return;
    }
  }

  async function run(): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      try {
        await listAndWatch();
      } catch (caught) {
        if (signal.aborted) return;
        if (!(caught instanceof KviewError && caught.kind === 'gone')) {
          attempt += 1;
          sink.failed(`${caught instanceof Error ? caught.message : String(caught)}; retrying (attempt ${attempt})`);
          await sleep(Math.min(5000, 250 * 2 ** attempt), signal).catch(() => undefined);
        }
      }
    }
  }

  void run();
  return {stop: () => controller.abort()};
}
