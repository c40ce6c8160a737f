import {useEffect, useState} from 'react';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {readPodDetail} from '../../node-tools/pod-detail.js';
import type {PodDetail} from '../../node-tools/pod-detail.js';
import {readPodLogTail} from '../../node-tools/pod-log-files.js';
import type {RuntimeView} from '../../node-tools/runtime-reader.js';
import type {ContainerLogTail} from './runtime-lines.js';

const LOG_LINES_PER_CONTAINER = 20;

// The walk for the pod the operator opened, and the last lines of each container's current log file.
export function usePodDetail(
  tools: NodeTools,
  identity: NodeIdentity | undefined,
  runtime: RuntimeView | undefined,
  sandboxId: string | undefined,
): {detail: PodDetail | undefined; logs: ContainerLogTail[]} {
  const [detail, setDetail] = useState<PodDetail | undefined>();
  const [logs, setLogs] = useState<ContainerLogTail[]>([]);

  useEffect(() => {
    const sandbox = runtime?.sandboxes.find((entry) => entry.id === sandboxId);
    if (!identity || !runtime || !sandbox) {
      setDetail(undefined);
      return;
    }
    let current = true;
    void (async () => {
      const read = await readPodDetail(tools, identity, sandbox, runtime.containers);
      const tails = await Promise.all(
        (read.logDirectory?.containers ?? []).flatMap((container) => {
          const newest = container.files.filter((file) => file.endsWith('.log')).at(-1);
          if (!newest) return [];
          const file = `${read.logDirectory?.path}/${container.name}/${newest}`;
          return [
            readPodLogTail(tools.files, file, LOG_LINES_PER_CONTAINER).then((tail): ContainerLogTail =>
              'lines' in tail
                ? {container: container.name, file, lines: tail.lines, problem: undefined}
                : {container: container.name, file, lines: undefined, problem: tail.problem},
            ),
          ];
        }),
      );
      if (!current) return;
      setDetail(read);
      setLogs(tails);
    })();
    return () => {
      current = false;
    };
  }, [tools, identity, runtime, sandboxId]);

  return {detail, logs};
}
