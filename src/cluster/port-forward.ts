import net from 'node:net';
import {Writable} from 'node:stream';
import {PortForward} from '@kubernetes/client-node';
import type {KubeConfig} from '@kubernetes/client-node';
import type {ApiClient} from './api-client.js';
import {abortableSleep} from './abortable-sleep.js';
import {controllerOf, forwardPorts, isPodReady, pickReadyPod, podPortFor, podSelectorOf} from './forward-ports.js';
import type {ForwardPort} from './forward-ports.js';
import {KviewError} from './kview-error.js';
import {collectionPath, objectPath, POD_KIND} from './resource-kind.js';
import type {ResourceKind} from './resource-kind.js';
import type {RowObject} from './types.js';

// kubectl port-forward without kubectl: a local net.Server, and for each connection it accepts one WebSocket to
// the API server's pods/portforward (client-node's PortForward), so connections never share a stream.

export interface ForwardTarget {
  kind: ResourceKind;
  namespace: string;
  name: string;
  // F on a container row: its port is offered first.
  container?: string;
}

// What the prompt offers: the ports, and the pod a forward would reach now.
export interface ForwardPlan {
  target: ForwardTarget;
  ports: ForwardPort[];
  pod: string;
  // The selector that finds a replacement pod; undefined for a bare pod.
  selector: string | undefined;
  // The container port each offered port reaches on that pod now (a named targetPort resolved), by `remote`.
  containerPorts: Record<number, number>;
}

export interface ForwardRequest {
  plan: ForwardPlan;
  address: string;
  localPort: number;
  // The chosen port of `plan.ports` (a service port, or a container port).
  port: ForwardPort;
}

export type ForwardEvent =
  | {type: 'listening'; address: string; localPort: number; pod: string; podPort: number}
  | {type: 'reconnecting'; reason: string}
  | {type: 'failed'; reason: string}
  | {type: 'connection'; delta: 1 | -1}
  | {type: 'bytes'; received: number; sent: number}
  | {type: 'connectionError'; reason: string};

export interface RunningForward {
  address: string;
  localPort: number;
  // Closes the listener and every connection; resolves once the port is free again.
  stop(): Promise<void>;
}

export interface ForwarderOptions {
  kubeConfig: KubeConfig;
  client: ApiClient;
  // How often the pod is checked (gone, being deleted, not ready) between connections.
  checkEveryMs?: number;
}

const CHECK_EVERY_MS = 1000;
const STREAM_OPEN_TIMEOUT_MS = 10_000;

export interface PortForwarder {
  plan(target: ForwardTarget): Promise<ForwardPlan>;
  // Resolves once listening; rejects when the address cannot be bound or no pod answers for the target.
  start(request: ForwardRequest, onEvent: (event: ForwardEvent) => void): Promise<RunningForward>;
}

export function createPortForwarder(options: ForwarderOptions): PortForwarder {
  const {client} = options;
  const checkEveryMs = options.checkEveryMs ?? CHECK_EVERY_MS;
  const getPod = (namespace: string, name: string) => client.getJson<RowObject>(objectPath(POD_KIND, namespace, name));
  const readyPodFor = async (namespace: string, selector: string): Promise<RowObject | undefined> => {
    const list = await client.getJson<{items?: RowObject[]}>(
      `${collectionPath(POD_KIND, namespace)}?labelSelector=${encodeURIComponent(selector)}`,
    );
    return pickReadyPod(list.items ?? []);
  };

  return {
    async plan(target) {
      const object = await client.getJson<RowObject>(objectPath(target.kind, target.namespace, target.name));
      const isPod = target.kind.group === '' && target.kind.plural === 'pods';
      const selector = isPod
        ? await ownerSelector(client, target.namespace, object)
        : podSelectorOf(target.kind.plural, object);
      const pod = isPod ? object : selector ? await readyPodFor(target.namespace, selector) : undefined;
      if (!pod?.metadata?.name) {
        throw new KviewError(
          `no ready pod for ${target.kind.singular} ${target.namespace}/${target.name}` +
            (selector ? ` (selector ${selector})` : ''),
          'port-forward needs a running pod behind it',
        );
      }
      // A pod's own ports, else the template's; a service's ports always come from the service.
      const isService = target.kind.group === '' && target.kind.plural === 'services';
      const ports = forwardPorts(isService ? 'services' : 'pods', isService ? object : pod);
      const resolved = ports.flatMap((port) => {
        const podPort = podPortFor(port.targetPort, pod);
        return podPort === undefined ? [] : [[port.remote, podPort] as const];
      });
      return {target, ports, pod: pod.metadata.name, selector, containerPorts: Object.fromEntries(resolved)};
    },

    async start(request, onEvent) {
      const {plan} = request;
      const namespace = plan.target.namespace;
      const forwarder = new PortForward(options.kubeConfig, true);
      const sockets = new Set<net.Socket>();
      let current: {pod: string; podPort: number} | undefined;
      const firstPod = await getPod(namespace, plan.pod);
      const firstPort = podPortFor(request.port.targetPort, firstPod);
      if (firstPort === undefined) {
        throw new KviewError(
          `pod ${plan.pod} has no port named ${String(request.port.targetPort)}`,
          'the service targets a container port by name; that pod does not declare it',
        );
      }
      current = {pod: plan.pod, podPort: firstPort};

      const server = net.createServer((socket) => {
        const now = current;
        if (!now) {
          socket.destroy();
          return;
        }
        sockets.add(socket);
        onEvent({type: 'connection', delta: 1});
        socket.on('close', () => {
          sockets.delete(socket);
          onEvent({type: 'connection', delta: -1});
        });
        socket.on('error', () => socket.destroy());
        connect(forwarder, namespace, now, socket, onEvent);
      });
      await new Promise<void>((resolve, reject) => {
        server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(request, error)));
        server.listen({host: request.address, port: request.localPort}, resolve);
      });
      server.on('error', (error) => onEvent({type: 'failed', reason: error.message}));
      const bound = server.address();
      const localPort = typeof bound === 'object' && bound ? bound.port : request.localPort;
      onEvent({type: 'listening', address: request.address, localPort, pod: current.pod, podPort: current.podPort});

      const stopping = new AbortController();
      const watch = async () => {
        let lastProblem = '';
        while (!stopping.signal.aborted) {
          await abortableSleep(checkEveryMs, stopping.signal);
          if (stopping.signal.aborted || !current) return;
          const problem = await podProblem(getPod, namespace, current.pod);
          if (problem === undefined) {
            if (lastProblem !== '') {
              onEvent({type: 'listening', address: request.address, localPort, ...current});
              lastProblem = '';
            }
            continue;
          }
          if (!problem.lost || !plan.selector) {
            // A bare pod that is gone has nothing to be replaced by; one that is restarting may come back.
            if (problem.lost) {
              onEvent({type: 'failed', reason: `${problem.reason}; a bare pod has no workload to find another`});
              current = undefined;
              server.close();
              for (const socket of sockets) socket.destroy();
              return;
            }
            if (problem.reason !== lastProblem) onEvent({type: 'reconnecting', reason: problem.reason});
            lastProblem = problem.reason;
            continue;
          }
          const replacement = await readyPodFor(namespace, plan.selector).catch(() => undefined);
          const port = replacement ? podPortFor(request.port.targetPort, replacement) : undefined;
          if (replacement?.metadata?.name && port !== undefined) {
            current = {pod: replacement.metadata.name, podPort: port};
            onEvent({type: 'listening', address: request.address, localPort, ...current});
            lastProblem = '';
            continue;
          }
          const reason = `${problem.reason}; waiting for a ready pod (${plan.selector})`;
          if (reason !== lastProblem) onEvent({type: 'reconnecting', reason});
          lastProblem = reason;
        }
      };
      watch().catch((error: unknown) =>
        onEvent({type: 'failed', reason: error instanceof Error ? error.message : String(error)}),
      );

      return {
        address: request.address,
        localPort,
        stop: () => {
          stopping.abort();
          current = undefined;
          for (const socket of sockets) socket.destroy();
          return new Promise<void>((resolve) => server.close(() => resolve()));
        },
      };
    },
  };
}

// Why the pod no longer serves the forward: gone or being deleted (lost: another pod is needed) or not ready
// (it may come back: a container restarting). A failed check is reported as such; the pod is not taken as lost.
async function podProblem(
  getPod: (namespace: string, name: string) => Promise<RowObject>,
  namespace: string,
  name: string,
): Promise<{reason: string; lost: boolean} | undefined> {
  let pod: RowObject;
  try {
    pod = await getPod(namespace, name);
  } catch (error) {
    if (error instanceof KviewError && error.kind === 'not-found') return {reason: `pod ${name} is gone`, lost: true};
    return {reason: `cannot check pod ${name}: ${error instanceof Error ? error.message : String(error)}`, lost: false};
  }
  if (pod.metadata?.deletionTimestamp) return {reason: `pod ${name} is being deleted`, lost: true};
  if (!isPodReady(pod)) return {reason: `pod ${name} is not ready`, lost: false};
  return undefined;
}

// One accepted connection: its own WebSocket stream to the pod's port, bytes counted both ways.
function connect(
  forwarder: PortForward,
  namespace: string,
  target: {pod: string; podPort: number},
  socket: net.Socket,
  onEvent: (event: ForwardEvent) => void,
): void {
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      // The first frame of each channel is only the port number, which client-node strips to nothing.
      if (chunk.length === 0) return done();
      onEvent({type: 'bytes', received: chunk.length, sent: 0});
      if (socket.destroyed) return done();
      socket.write(chunk, () => done());
    },
  });
  const errors = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (chunk.length === 0) return done();
      // The kubelet's own words: "error forwarding port 8080 to pod ...: connection refused".
      onEvent({type: 'connectionError', reason: chunk.toString('utf8').trim().split('\n')[0] ?? ''});
      socket.destroy();
      done();
    },
  });
  // client-node's WebSocket handshake has no timeout of its own: a frozen API server would hold the connection open.
  const handshake = setTimeout(() => {
    onEvent({
      type: 'connectionError',
      reason: `no answer from the API server within ${STREAM_OPEN_TIMEOUT_MS / 1000} s`,
    });
    socket.destroy();
  }, STREAM_OPEN_TIMEOUT_MS);
  forwarder.portForward(namespace, target.pod, [target.podPort], output, errors, socket).then(
    (webSocket) => {
      clearTimeout(handshake);
      if (!webSocket || typeof webSocket !== 'object' || !('on' in webSocket)) return;
      const ws = webSocket as unknown as {
        on(event: string, listener: (...args: unknown[]) => void): void;
        close(): void;
      };
      socket.on('data', (chunk: Buffer) => onEvent({type: 'bytes', received: 0, sent: chunk.length}));
      socket.on('close', () => ws.close());
      ws.on('close', () => socket.end());
      ws.on('error', () => socket.destroy());
      if (socket.destroyed) ws.close();
    },
    (error: unknown) => {
      clearTimeout(handshake);
      onEvent({type: 'connectionError', reason: webSocketError(error)});
      socket.destroy();
    },
  );
}

function webSocketError(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return 'the API server refused the port-forward stream';
}

function listenError(request: ForwardRequest, error: NodeJS.ErrnoException): KviewError {
  const where = `${request.address}:${request.localPort}`;
  if (error.code === 'EADDRINUSE')
    return new KviewError(`${where} is in use`, 'pick another local port (0: any free one)');
  if (error.code === 'EACCES') {
    return new KviewError(`${where}: permission denied`, 'ports below 1024 need root; pick another local port');
  }
  if (error.code === 'EADDRNOTAVAIL') return new KviewError(`${where}: no such local address`, 'use 127.0.0.1');
  return new KviewError(`${where}: ${error.message}`, 'pick another local address or port');
}

const OWNER_PATHS: Record<string, string> = {
  ReplicaSet: '/apis/apps/v1/namespaces/%s/replicasets/',
  Deployment: '/apis/apps/v1/namespaces/%s/deployments/',
  StatefulSet: '/apis/apps/v1/namespaces/%s/statefulsets/',
  DaemonSet: '/apis/apps/v1/namespaces/%s/daemonsets/',
  Job: '/apis/batch/v1/namespaces/%s/jobs/',
};

// A pod's workload selector, to find its replacement: its controller's, and for a ReplicaSet its Deployment's
// (a rollout replaces the ReplicaSet too). Undefined for a bare pod or an owner kview cannot read.
async function ownerSelector(client: ApiClient, namespace: string, pod: RowObject): Promise<string | undefined> {
  let owner = controllerOf(pod);
  let selector: string | undefined;
  for (let depth = 0; owner && depth < 2; depth++) {
    const path = OWNER_PATHS[owner.kind];
    if (!path) return selector;
    const object = await client
      .getJson<RowObject>(`${path.replace('%s', encodeURIComponent(namespace))}${encodeURIComponent(owner.name)}`)
      .catch(() => undefined);
    if (!object) return selector;
    selector = podSelectorOf('workload', object) ?? selector;
    owner = owner.kind === 'ReplicaSet' ? controllerOf(object) : undefined;
  }
  return selector;
}
