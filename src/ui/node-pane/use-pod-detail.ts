import {useEffect, useState} from 'react';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {readPodDetail} from '../../node-tools/pod-detail.js';
import type {PodDetail} from '../../node-tools/pod-detail.js';
import {readPodLogTail} from '../../node-tools/pod-log-files.js';
import type {RuntimeView} from '../../node-tools/runtime-reader.js';
import type {RuntimeSandbox} from '../../node-tools/runtime-model.js';
import {errorLine} from '../../resources/error-line.js';
import type {ContainerLogTail} from './runtime-lines.js';

const LOG_LINES_PER_CONTAINER = 20;

// The walk for the pod the operator opened, and the last lines of each container's current log file.
export function usePodDetail(
  tools: NodeTools,
  identity: NodeIdentity | undefined,
  runtime: RuntimeView | undefined,
  sandboxId: string | undefined,
): PodDetailState {
  const [state, setState] = useState<PodDetailState & {for: string | undefined}>(EMPTY);
  const sandbox = runtime?.sandboxes.find((entry) => entry.id === sandboxId);

  useEffect(() => {
    if (!identity || !runtime || !sandbox) return;
    let current = true;
    readWalk(tools, identity, sandbox, runtime).then(
      ({detail, logs}) => {
        if (current) setState({detail, logs, problem: undefined, for: sandbox.id});
      },
      (error: unknown) => {
        if (current)
          setState({detail: undefined, logs: [], problem: `cannot walk the pod: ${errorLine(error)}`, for: sandbox.id});
      },
    );
    return () => {
      current = false;
    };
  }, [tools, identity, runtime, sandbox]);

  // What was read for another pod (or before the pod went away) is not shown for this one.
  return sandbox && state.for === sandbox.id ? state : EMPTY;
}

export interface PodDetailState {
  detail: PodDetail | undefined;
  logs: ContainerLogTail[];
  // Why the walk could not be read (one line); the rest of the pane keeps working.
  problem: string | undefined;
}

const EMPTY = {detail: undefined, logs: [], problem: undefined, for: undefined};

async function readWalk(
  tools: NodeTools,
  identity: NodeIdentity,
  sandbox: RuntimeSandbox,
  runtime: RuntimeView,
): Promise<{detail: PodDetail; logs: ContainerLogTail[]}> {
  const detail = await readPodDetail(tools, identity, sandbox, runtime.containers);
  const logs = await Promise.all(
    (detail.logDirectory?.containers ?? []).flatMap((container) => {
      const newest = container.files.filter((file) => file.endsWith('.log')).at(-1);
      if (!newest) return [];
      const file = `${detail.logDirectory?.path}/${container.name}/${newest}`;
      return [
        readPodLogTail(tools.files, file, LOG_LINES_PER_CONTAINER).then((tail): ContainerLogTail =>
          'lines' in tail
            ? {container: container.name, file, lines: tail.lines, problem: undefined}
            : {container: container.name, file, lines: undefined, problem: tail.problem},
        ),
      ];
    }),
  );
  return {detail, logs};
}
