import type {TableSink, World} from '../../src/ui/world.js';

// A world whose pod watch is driven by the test: the same sink interface the real table watch feeds.
export function scriptedWorld(overrides: Partial<World> = {}): World & {sink: () => TableSink; stops: number} {
  let current: TableSink | undefined;
  const world = {
    identity: {contextName: 'ctx-test', clusterName: 'cluster-test', server: 'https://127.0.0.1:6443',
      userName: 'tester', source: 'test'},
    namespace: undefined,
    readonly: false,
    now: () => Date.parse('2026-11-22T09:00:00Z'),
    stops: 0,
    watchPods(_namespace: string | undefined, sink: TableSink) {
      current = sink;
      return {stop: () => {
        world.stops += 1;
      }};
    },
    sink(): TableSink {
      if (!current) throw new Error('the app has not started its watch');
      return current;
    },
    ...overrides,
  };
  return world;
}

// Ink renders asynchronously; waiting on the frame's content instead of a fixed delay keeps tests honest.
export async function waitForFrame(lastFrame: () => string | undefined, predicate: (frame: string) => boolean,
  timeoutMs = 3000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (predicate(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`frame never matched; last frame:\n${frame}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
