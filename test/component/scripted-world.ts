import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import {BUILTIN_KINDS} from '../../src/cluster/resource-kind.js';
import type {RowObject} from '../../src/cluster/types.js';
import type {NodeUsage} from '../../src/cluster/node-metrics.js';
import type {KubeletProxyReading} from '../../src/cluster/kubelet-proxy.js';
import type {ClusterApi, TableSink, World} from '../../src/ui/world.js';

export interface ScriptedWorld extends World {
  // The sink of the latest watch opened for a kind (by plural), to drive it from the test.
  sink(plural?: string): TableSink;
  stops: number;
  watches: Array<{plural: string; namespace?: string; fieldSelector?: string; labelSelector?: string}>;
  calls: string[];
}

// The cluster calls a test can make fail.
export type FailingCall = Exclude<keyof ClusterApi, 'contexts' | 'watchTable'>;

// A world whose watches are driven by the test: the same sink interface the real table watch feeds, and a
// record of every call that would change the cluster.
export function scriptedWorld(
  overrides: Partial<World> & {
    objects?: Record<string, RowObject>;
    allowed?: boolean;
    usage?: Map<string, NodeUsage>;
    // The watch cache's pods per node; without it the quick count fails and only the pods watch counts.
    podCounts?: Map<string, number>;
    failing?: Partial<Record<FailingCall, string>>;
    // What the node proxy answers for a remote node, and the files under its /var/log by path.
    kubelet?: {reading: KubeletProxyReading; logs?: Record<string, string>};
    // A drain the test drives (progress, cancel); the default drains at once.
    drain?: ClusterApi['drain'];
  } = {},
): ScriptedWorld {
  const sinks = new Map<string, TableSink>();
  const world: ScriptedWorld = {
    identity: {
      contextName: 'ctx-test',
      clusterName: 'cluster-test',
      server: 'https://127.0.0.1:6443',
      userName: 'tester',
      source: 'test',
    },
    namespace: undefined,
    readonly: false,
    now: () => Date.parse('2026-11-22T09:00:00Z'),
    stops: 0,
    watches: [],
    calls: [],
    cluster: {} as ClusterApi,
    logs: {
      open: () => ({stop: () => undefined}),
      containersOf: () => Promise.resolve([]),
    },
    sink(plural = 'pods') {
      const sink = sinks.get(plural);
      if (!sink) throw new Error(`no watch of ${plural} was opened`);
      return sink;
    },
    ...overrides,
  };
  // A call named in `failing` rejects with that message, as a request to a dead or refusing server does.
  const answer = <T>(call: FailingCall, value: () => T): Promise<T> => {
    const message = overrides.failing?.[call];
    if (message !== undefined) return Promise.reject(new Error(message));
    try {
      return Promise.resolve(value());
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  const cluster: ClusterApi = {
    contexts: ['ctx-test', 'ctx-other'],
    watchTable(kind: ResourceKind, request, sink) {
      sinks.set(kind.plural, sink);
      world.watches.push({plural: kind.plural, ...request});
      return {
        stop: () => {
          world.stops += 1;
        },
      };
    },
    kinds: () => answer('kinds', () => [...BUILTIN_KINDS]),
    quickPodCounts: () =>
      answer('quickPodCounts', () => {
        if (!overrides.podCounts) throw new Error('the watch cache was not asked in this test');
        return overrides.podCounts;
      }),
    getObject: (kind, namespace, name) =>
      answer('getObject', () => {
        const object = overrides.objects?.[`${kind.plural}/${namespace ?? ''}/${name}`];
        if (!object) throw new Error(`not found: ${kind.plural} "${name}"`);
        return object;
      }),
    listObjects: () => answer('listObjects', () => []),
    describeInputs: (kind, namespace, name) => cluster.getObject(kind, namespace, name).then((object) => ({object})),
    can: () => answer('can', () => overrides.allowed ?? true),
    deleteObject: (kind, namespace, name, options) =>
      answer('deleteObject', () => {
        const flags = [
          options?.gracePeriodSeconds !== undefined ? ` grace=${options.gracePeriodSeconds}` : '',
          options?.force ? ' force' : '',
        ].join('');
        world.calls.push(`delete ${kind.plural} ${namespace ?? ''}/${name}${flags}`);
      }),
    scale: (kind, namespace, name, replicas) =>
      answer('scale', () => {
        world.calls.push(`scale ${kind.plural} ${namespace ?? ''}/${name} ${replicas}`);
      }),
    rolloutRestart: (kind, namespace, name) =>
      answer('rolloutRestart', () => {
        world.calls.push(`restart ${kind.plural} ${namespace ?? ''}/${name}`);
      }),
    setImage: (kind, namespace, name, container, image) =>
      answer('setImage', () => {
        world.calls.push(`set image ${kind.plural} ${namespace ?? ''}/${name} ${container}=${image}`);
      }),
    setSuspended: (kind, namespace, name, suspend) =>
      answer('setSuspended', () => {
        world.calls.push(`${suspend ? 'suspend' : 'resume'} ${kind.plural} ${namespace ?? ''}/${name}`);
      }),
    triggerCronJob: (kind, namespace, name) =>
      answer('triggerCronJob', () => {
        world.calls.push(`trigger ${kind.plural} ${namespace}/${name}`);
        return `${name}-manual-abcde`;
      }),
    replaceObject: (kind, namespace, name, object) =>
      answer('replaceObject', () => {
        world.calls.push(`replace ${kind.plural} ${namespace ?? ''}/${name}`);
        return object as RowObject;
      }),
    openPodTerminal: (target) =>
      answer('openPodTerminal', () => {
        world.calls.push(`${target.mode} ${target.namespace}/${target.pod}/${target.container}`);
        return {status: 'Success' as const, exitCode: 0, outputBytes: 0, detached: false};
      }),
    setUnschedulable: (node, unschedulable) =>
      answer('setUnschedulable', () => {
        world.calls.push(`${unschedulable ? 'cordon' : 'uncordon'} ${node}`);
      }),
    nodeUsage: () => answer('nodeUsage', () => overrides.usage),
    readNodeProxy: (node) =>
      answer('readNodeProxy', () => {
        world.calls.push(`kubelet ${node}`);
        if (!overrides.kubelet) throw new Error(`no kubelet scripted for ${node}`);
        return overrides.kubelet.reading;
      }),
    readNodeLogRange: (node, path, range) =>
      answer('readNodeLogRange', () => {
        const text = overrides.kubelet?.logs?.[path];
        if (text === undefined) throw new Error(`not found: /logs/${path}`);
        const bytes = Buffer.from(text);
        // As the kubelet's file server answers a Range: 416 with the size when nothing is there to send.
        const start = 'lastBytes' in range ? Math.max(0, bytes.length - range.lastBytes) : range.fromByte;
        if (start >= bytes.length && !('lastBytes' in range && bytes.length > 0))
          return {unchanged: true as const, totalBytes: bytes.length};
        const end = 'lastBytes' in range ? bytes.length : Math.min(bytes.length, start + range.maxBytes);
        return {start, bytes: bytes.subarray(start, end), totalBytes: bytes.length};
      }),
    readNodeLog: (node, path) =>
      answer('readNodeLog', () => {
        const text = overrides.kubelet?.logs?.[path];
        if (text === undefined) throw new Error(`not found: /logs/${path}`);
        return {text, complete: true};
      }),
    drain: (node, options, control) => {
      if (overrides.drain) {
        world.calls.push(`drain ${node}`);
        return overrides.drain(node, options, control);
      }
      return answer('drain', () => {
        world.calls.push(`drain ${node}`);
        return {kind: 'drained' as const, plan: {evict: [], skipped: [], blockers: []}, progress: {node, pods: []}};
      });
    },
  };
  world.cluster = cluster;
  return world;
}

// Ink renders asynchronously; waiting on the frame's content instead of a fixed delay keeps tests honest.
export async function waitForFrame(
  lastFrame: () => string | undefined,
  predicate: (frame: string) => boolean,
  timeoutMs = 3000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`frame never matched; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
