import type {AccessQuestion} from '../cluster/access-review.js';
import {preferredLocalPort} from '../cluster/forward-ports.js';
import {offeredLocalPort} from '../cluster/local-port.js';
import type {ForwardPlan, ForwardTarget, PortForwarder, RunningForward} from '../cluster/port-forward.js';
import {KviewError} from '../cluster/kview-error.js';
import {forwardsReducer} from '../state/forward-state.js';
import type {ForwardChoice, ForwardEntry} from '../state/forward-state.js';

// The session's port-forwards: started from any view, listed by :pf, stopped there or when kview quits. One
// registry outlives context switches (a forward keeps its own cluster connection); each session hands it its
// forwarder.
export interface ForwardService {
  // What the prompt offers, after the access review (create pods/portforward); rejects with the reason.
  plan(target: ForwardTarget): Promise<{plan: ForwardPlan; defaults: ForwardChoice}>;
  start(plan: ForwardPlan, choice: ForwardChoice): Promise<ForwardEntry>;
  stop(id: number): Promise<ForwardEntry | undefined>;
  entries(): readonly ForwardEntry[];
  subscribe(listener: () => void): () => void;
}

export interface ForwardRegistry {
  forSession(forwarder: PortForwarder, can: (question: AccessQuestion) => Promise<boolean>): ForwardService;
  stopAll(): Promise<void>;
}

export const DEFAULT_FORWARD_ADDRESS = '127.0.0.1';

export function createForwardRegistry(options: {now: () => number; isRoot: boolean}): ForwardRegistry {
  let entries: readonly ForwardEntry[] = [];
  const running = new Map<number, RunningForward>();
  const listeners = new Set<() => void>();
  let nextId = 1;
  const update = (action: Parameters<typeof forwardsReducer>[1]) => {
    entries = forwardsReducer(entries, action);
    for (const listener of listeners) listener();
  };
  const stop = async (id: number) => {
    const entry = entries.find((candidate) => candidate.id === id);
    const forward = running.get(id);
    running.delete(id);
    update({type: 'remove', id});
    await forward?.stop();
    return entry;
  };
  return {
    forSession(forwarder, can) {
      return {
        async plan(target) {
          const allowed = await can({
            verb: 'create',
            group: '',
            resource: 'pods',
            subresource: 'portforward',
            namespace: target.namespace,
          });
          if (!allowed) {
            throw new KviewError(
              `port-forward is not offered: your RBAC role does not allow create pods/portforward in ${target.namespace}`,
              'ask for the pods/portforward permission',
              'forbidden',
            );
          }
          const plan = await forwarder.plan(target);
          const first = plan.ports.find((port) => port.container === target.container) ?? plan.ports[0];
          if (!first) {
            throw new KviewError(
              `${target.kind.singular} ${target.namespace}/${target.name} declares no TCP port`,
              'a port-forward needs a port',
            );
          }
          const containerPort = plan.containerPorts[first.remote] ?? first.remote;
          const localPort = await offeredLocalPort(
            DEFAULT_FORWARD_ADDRESS,
            preferredLocalPort(containerPort, options.isRoot),
          );
          return {plan, defaults: {address: DEFAULT_FORWARD_ADDRESS, localPort, remote: String(first.remote)}};
        },
        async start(plan, choice) {
          const port = plan.ports.find(
            (candidate) => String(candidate.remote) === choice.remote || candidate.name === choice.remote,
          );
          if (!port) {
            throw new KviewError(
              `no port ${choice.remote} on ${plan.target.kind.singular} ${plan.target.name}`,
              `offered: ${plan.ports.map((candidate) => candidate.label).join(', ')}`,
            );
          }
          const id = nextId++;
          const at = options.now();
          const entry: ForwardEntry = {
            id,
            address: choice.address,
            localPort: choice.localPort,
            target: `${plan.target.kind.singular}/${plan.target.name}`,
            namespace: plan.target.namespace,
            remote: port.remote,
            phase: 'starting',
            connections: 0,
            totalConnections: 0,
            received: 0,
            sent: 0,
            startedAt: at,
            phaseSince: at,
          };
          update({type: 'add', entry});
          try {
            const forward = await forwarder.start(
              {plan, address: choice.address, localPort: choice.localPort, port},
              (event) => {
                if (entries.some((candidate) => candidate.id === id))
                  update({type: 'event', id, event, at: options.now()});
              },
            );
            running.set(id, forward);
            // Stopped while it was starting: nothing may listen on.
            if (!entries.some((candidate) => candidate.id === id)) await stop(id);
          } catch (error) {
            update({type: 'remove', id});
            throw error;
          }
          return entries.find((candidate) => candidate.id === id) ?? entry;
        },
        stop,
        entries: () => entries,
        subscribe(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
    },
    async stopAll() {
      await Promise.all([...running.keys()].map(stop));
    },
  };
}
