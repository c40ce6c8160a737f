import type {ApiClient} from './api-client.js';
import {abortableSleep} from './abortable-sleep.js';
import {runContainerStream} from './log-container-stream.js';
import type {ContainerStreamTiming} from './log-container-stream.js';
import {containersOfPod, containersToStream, podPath} from './log-pod.js';
import type {PodJson} from './log-pod.js';
import {watchPods} from './log-pod-watch.js';
import type {ContainerLogQuery} from './log-query.js';
import {createStreamPool} from './log-stream-pool.js';
import {podSelectionOf} from './log-target-selector.js';
import {streamIdOf} from './log-types.js';
import type {LogRequest, LogSink, LogSource, LogTarget} from './log-types.js';

export interface LogSourceOptions {
  // kubectl logs allows 5 concurrent follow streams and stern 50; each is an API server -> kubelet connection.
  maxStreams?: number;
  timing?: Partial<ContainerStreamTiming>;
}

// The stream id of the pod watch behind a target, for its own status line.
export const POD_WATCH_STREAM_ID = 'pods';

export function createLogSource(client: ApiClient, options: LogSourceOptions = {}): LogSource {
  const timing: ContainerStreamTiming = {
    pollMs: 1000,
    retryDelaysMs: [250, 500, 1000, 2000, 4000],
    sleep: abortableSleep,
    ...options.timing,
  };
  const maxStreams = options.maxStreams ?? 20;

  return {
    async containersOf(target) {
      if (target.kind !== 'pod') return [];
      return containersOfPod(await client.getJson<PodJson>(podPath(target.namespace, target.pod)));
    },
    open(target, request, sink) {
      const controller = new AbortController();
      follow(target, request, sink, controller.signal).catch((error: unknown) => {
        // A sink that throws, or a bug: the stream says it failed (one line), and whatever it opened is stopped.
        controller.abort();
        try {
          sink.status({
            streamId: POD_WATCH_STREAM_ID,
            pod: '',
            container: '',
            phase: 'failed',
            message: error instanceof Error ? error.message : String(error),
            lines: 0,
          });
        } catch {
          // The sink itself is what fails: there is nobody left to tell, and the streams are stopped.
        }
      });
      return {stop: () => controller.abort()};
    },
  };

  async function follow(target: LogTarget, request: LogRequest, sink: LogSink, signal: AbortSignal) {
    const watchStatus = (phase: 'connecting' | 'streaming' | 'failed' | 'reconnecting', message: string) =>
      sink.status({streamId: POD_WATCH_STREAM_ID, pod: '', container: '', phase, message, lines: 0});
    watchStatus('connecting', 'finding pods');
    let selection;
    try {
      selection = await podSelectionOf(client, target, signal);
    } catch (error) {
      if (!signal.aborted) watchStatus('failed', error instanceof Error ? error.message : String(error));
      return;
    }
    // Stopped while the pods were being found: nothing is opened. From here to the abort listener below no await
    // intervenes, so a stop either comes before this check or reaches the listener.
    if (signal.aborted) return;
    const queries = new Map<string, ContainerLogQuery>();
    const pool = createStreamPool(
      maxStreams,
      (ref, streamSignal) =>
        runContainerStream(
          client,
          timing,
          ref,
          queries.get(streamIdOf(ref)) ?? {window: request.window, follow: request.follow, previous: request.previous},
          sink,
          streamSignal,
        ),
      sink,
    );
    const isMultiPod = target.kind !== 'pod';
    let isFirstSnapshot = true;

    const addPod = (pod: PodJson, appearedLater: boolean) => {
      const namespace = pod.metadata?.namespace ?? '';
      const name = pod.metadata?.name ?? '';
      for (const container of containersToStream(pod, request.container, request.allContainers)) {
        const ref = {namespace, pod: name, container};
        const id = streamIdOf(ref);
        if (queries.has(id)) continue;
        // Every line of a pod that appeared after the view opened is new, whatever the tail or since window.
        queries.set(id, {
          window: appearedLater ? {kind: 'all'} : request.window,
          follow: request.follow,
          previous: request.previous,
        });
        if (appearedLater && isMultiPod)
          sink.lines([{streamId: id, timestamp: '', text: `+ ${name} › ${container}`, kind: 'notice'}]);
        pool.add(ref);
      }
    };
    const removePod = (pod: PodJson) => {
      for (const id of pool.idsOfPod(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '')) {
        if (isMultiPod)
          sink.lines([{streamId: id, timestamp: '', text: `- ${pod.metadata?.name ?? ''}`, kind: 'notice'}]);
        // A pod that comes back under the same name (a StatefulSet's) is streamed again from its start.
        queries.delete(id);
        pool.remove(id);
      }
    };

    const watch = watchPods(
      client,
      selection.namespace,
      selection,
      {
        snapshot(pods) {
          const present = new Set(pods.map((pod) => `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}/`));
          for (const id of pool.ids()) {
            if ([...present].some((prefix) => id.startsWith(prefix))) continue;
            queries.delete(id);
            pool.remove(id);
          }
          for (const pod of pods) addPod(pod, !isFirstSnapshot);
          watchStatus(
            'streaming',
            pods.length === 0 ? `no pods match ${describeSelection(selection)} (yet)` : `${pods.length} pods`,
          );
          isFirstSnapshot = false;
        },
        upsert: (pod) => addPod(pod, true),
        remove: removePod,
        failed: (message) => watchStatus('reconnecting', message),
      },
      timing.sleep,
    );
    signal.addEventListener(
      'abort',
      () => {
        watch.stop();
        pool.stop();
      },
      {once: true},
    );
  }
}

function describeSelection(selection: {label?: string; field?: string}): string {
  return [selection.label, selection.field].filter(Boolean).join(',');
}
