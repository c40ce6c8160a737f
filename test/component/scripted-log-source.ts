import type {ContainerInfo, LogLine, LogRequest, LogSink, LogSource} from '../../src/cluster/log-types.js';

const APP: ContainerInfo = {
  name: 'app',
  kind: 'regular',
  isDefault: true,
  state: 'running',
  isCrashLooping: false,
  restartCount: 0,
};

// A log source driven by the test, recording every open so a changed request can be checked.
export function scriptedSource(containers: ContainerInfo[] = [APP]) {
  const opens: LogRequest[] = [];
  let sink: LogSink | undefined;
  const source: LogSource = {
    open(_target, request, given) {
      opens.push(request);
      sink = given;
      return {stop: () => undefined};
    },
    containersOf: () => Promise.resolve(containers),
  };
  const push = (...texts: string[]) =>
    sink?.lines(
      texts.map((text, index): LogLine => ({
        streamId: 'demo/web-1/app',
        timestamp: `2026-11-22T09:00:${String(index % 60).padStart(2, '0')}.000000000Z`,
        text,
        kind: 'line',
      })),
    );
  return {source, opens, push, sink: () => sink};
}

export const SIDECAR: ContainerInfo = {...APP, name: 'sidecar', isDefault: false};
export {APP};
