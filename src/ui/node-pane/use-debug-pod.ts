import {useCallback, useEffect, useRef, useState} from 'react';
import type {DebugPod, DebugPodPlan, DebugPods} from '../../cluster/debug-pods.js';
import type {Leftover} from '../../cluster/debug-pod-status.js';
import {createRemoteNodeTools} from '../../node-tools/remote-node-tools.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {errorLine} from '../../resources/error-line.js';

export type DebugPodStatus =
  | {phase: 'idle'}
  | {phase: 'starting'; line: string}
  | {phase: 'ready'; pod: DebugPod; tools: NodeTools}
  | {phase: 'failed'; line: string};

// The node debug pod of one remote pane: started on request, and deleted when the pane goes away (Esc, another
// view, quit), including when it comes up only after the pane has closed.
export function useDebugPod(
  debugPods: DebugPods | undefined,
  node: string,
  now: () => number,
): {status: DebugPodStatus; start: (plan: DebugPodPlan) => void} {
  const [status, setStatus] = useState<DebugPodStatus>({phase: 'idle'});
  const controller = useRef<AbortController | undefined>(undefined);
  const running = useRef<DebugPod | undefined>(undefined);
  useEffect(
    () => () => {
      controller.current?.abort();
      const pod = running.current;
      if (pod && debugPods) debugPods.release(pod).catch(() => undefined);
    },
    [debugPods],
  );
  const start = useCallback(
    (plan: DebugPodPlan) => {
      if (!debugPods || controller.current) return;
      const abort = new AbortController();
      controller.current = abort;
      setStatus({phase: 'starting', line: 'asking the API server'});
      debugPods
        .start(
          plan,
          (line) => {
            if (!abort.signal.aborted) setStatus({phase: 'starting', line});
          },
          abort.signal,
        )
        .then(
          (pod) => {
            if (abort.signal.aborted) return debugPods.release(pod).catch(() => undefined);
            running.current = pod;
            const tools = createRemoteNodeTools((command, io) => debugPods.exec(pod, command, io), node, now);
            setStatus({phase: 'ready', pod, tools});
          },
          (error: unknown) => {
            controller.current = undefined;
            if (!abort.signal.aborted) setStatus({phase: 'failed', line: errorLine(error)});
          },
        );
    },
    [debugPods, node, now],
  );
  return {status, start};
}

// What the RBAC review says about a debug pod here, asked once per pane; undefined while asking or when allowed.
export function useDebugPodForbidden(debugPods: DebugPods | undefined, readonly: boolean): string | undefined {
  const [forbidden, setForbidden] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!debugPods || readonly) return;
    let current = true;
    debugPods.forbidden().then(
      (line) => {
        if (current) setForbidden(line);
      },
      (error: unknown) => {
        if (current) setForbidden(`cannot ask RBAC about a debug pod: ${errorLine(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [debugPods, readonly]);
  return forbidden;
}

// Debug pods other kview processes left in the debug namespace, read when the pane opens and after a removal.
export function useLeftovers(debugPods: DebugPods | undefined): {
  leftovers: Leftover[];
  problem: string | undefined;
  removeOrphans: () => Promise<string>;
} {
  const [state, setState] = useState<{leftovers: Leftover[]; problem: string | undefined}>({
    leftovers: [],
    problem: undefined,
  });
  const [reads, setReads] = useState(0);
  useEffect(() => {
    if (!debugPods) return;
    let current = true;
    debugPods.leftovers().then(
      (leftovers) => {
        if (current) setState({leftovers, problem: undefined});
      },
      (error: unknown) => {
        if (current) setState({leftovers: [], problem: `cannot list leftover debug pods: ${errorLine(error)}`});
      },
    );
    return () => {
      current = false;
    };
  }, [debugPods, reads]);
  const removeOrphans = useCallback(async () => {
    if (!debugPods) return 'no debug pods here';
    const orphans = state.leftovers.filter((entry) => entry.orphaned !== undefined);
    const outcomes = await Promise.allSettled(orphans.map((entry) => debugPods.remove(entry)));
    setReads((count) => count + 1);
    const failed = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [errorLine(outcome.reason)] : []));
    return failed.length > 0
      ? `deleted ${orphans.length - failed.length} of ${orphans.length} leftover debug pods: ${failed[0] ?? ''}`
      : `deleted ${orphans.length} leftover debug pod${orphans.length === 1 ? '' : 's'}`;
  }, [debugPods, state.leftovers]);
  return {...state, removeOrphans};
}
