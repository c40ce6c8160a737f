import {useCallback, useState} from 'react';
import type {ForwardPlan} from '../cluster/port-forward.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {errorLine} from '../resources/error-line.js';
import type {ForwardChoice} from '../state/forward-state.js';
import type {World} from './world.js';

export interface PortForwardAsk {
  plan: ForwardPlan;
  defaults: ForwardChoice;
}

// The one entry point of the port-forward action (F): ask the access review and the target's ports, open the
// prompt with the defaults, then start the forward and say where it listens. Failures are one line.
export function usePortForward(world: World, flash: (message: string | undefined) => void) {
  const [ask, setAsk] = useState<PortForwardAsk>();
  const request = useCallback(
    (target: {kind: ResourceKind; namespace: string | undefined; name: string; container?: string}) => {
      const forwards = world.forwards;
      if (!forwards) return flash('port-forward is not available here');
      if (!target.kind.namespaced || target.namespace === undefined) {
        return flash('port-forward: select a pod, a service or a workload');
      }
      const what = `${target.kind.singular} ${target.namespace}/${target.name}`;
      flash(`port-forward ${what}: finding its pod and ports…`);
      forwards.plan({...target, namespace: target.namespace}).then(
        (planned) => {
          flash(undefined);
          setAsk(planned);
        },
        (error: unknown) => flash(`port-forward ${what}: ${errorLine(error)}`),
      );
    },
    [world, flash],
  );
  const submit = useCallback(
    (choice: ForwardChoice) => {
      const planned = ask;
      setAsk(undefined);
      if (!planned || !world.forwards) return;
      world.forwards.start(planned.plan, choice).then(
        (entry) =>
          flash(
            `forwarding ${entry.address}:${entry.localPort} -> ${entry.target}:${entry.remote} (pod ${entry.pod ?? planned.plan.pod}); :pf lists it`,
          ),
        (error: unknown) => flash(`port-forward: ${errorLine(error)}`),
      );
    },
    [ask, world, flash],
  );
  const cancel = useCallback(() => setAsk(undefined), []);
  return {ask, request, submit, cancel};
}
