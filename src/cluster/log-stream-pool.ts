import {streamIdOf} from './log-types.js';
import type {LogSink, StreamRef} from './log-types.js';

export type StreamRunner = (ref: StreamRef, signal: AbortSignal) => Promise<void>;

interface Entry {
  ref: StreamRef;
  controller: AbortController;
  state: 'queued' | 'running' | 'finished';
}

// At most `limit` container streams at once (each is one long-lived request through the API server to the
// kubelet); the rest wait in order, visibly queued, and start as running ones finish or their pods go away.
export function createStreamPool(limit: number, run: StreamRunner, sink: LogSink) {
  const entries = new Map<string, Entry>();
  const queue: string[] = [];
  let running = 0;

  function start(id: string, entry: Entry) {
    entry.state = 'running';
    running += 1;
    void run(entry.ref, entry.controller.signal)
      .catch((error: unknown) => {
        sink.status({
          streamId: id,
          pod: entry.ref.pod,
          container: entry.ref.container,
          phase: 'failed',
          message: error instanceof Error ? error.message : String(error),
          lines: 0,
        });
      })
      .finally(() => {
        entry.state = 'finished';
        running -= 1;
        startQueued();
      });
  }

  function startQueued() {
    while (running < limit && queue.length > 0) {
      const id = queue.shift() ?? '';
      const entry = entries.get(id);
      if (entry && entry.state === 'queued') start(id, entry);
    }
  }

  return {
    // Adding a stream that exists (running, queued or finished) does nothing: an ended container stays ended.
    add(ref: StreamRef): boolean {
      const id = streamIdOf(ref);
      if (entries.has(id)) return false;
      const entry: Entry = {ref, controller: new AbortController(), state: 'queued'};
      entries.set(id, entry);
      if (running < limit) {
        start(id, entry);
      } else {
        queue.push(id);
        sink.status({
          streamId: id,
          pod: ref.pod,
          container: ref.container,
          phase: 'queued',
          message: `waiting for a free stream (at most ${limit} at once)`,
          lines: 0,
        });
      }
      return true;
    },
    remove(id: string): void {
      const entry = entries.get(id);
      if (!entry) return;
      entries.delete(id);
      entry.controller.abort();
      sink.status({
        streamId: id,
        pod: entry.ref.pod,
        container: entry.ref.container,
        phase: 'removed',
        message: 'the pod is gone',
        lines: 0,
      });
    },
    idsOfPod(namespace: string, pod: string): string[] {
      return [...entries.values()]
        .filter((entry) => entry.ref.namespace === namespace && entry.ref.pod === pod)
        .map((entry) => streamIdOf(entry.ref));
    },
    ids(): string[] {
      return [...entries.keys()];
    },
    stop(): void {
      queue.length = 0;
      for (const entry of entries.values()) entry.controller.abort();
    },
  };
}
