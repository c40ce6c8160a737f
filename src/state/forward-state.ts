import type {ForwardEvent} from '../cluster/port-forward.js';
import {humanDuration} from '../resources/human-duration.js';
import {formatBytes} from '../resources/byte-size.js';

// The active port-forwards as the :pf view lists them, folded from the forwarders' events.

export type ForwardPhase = 'starting' | 'listening' | 'reconnecting' | 'failed';

export interface ForwardEntry {
  id: number;
  address: string;
  localPort: number;
  // kind/name as kubectl names it (service/web) and the port asked for.
  target: string;
  namespace: string;
  remote: number;
  pod?: string;
  podPort?: number;
  phase: ForwardPhase;
  reason?: string;
  // The last connection's failure (the kubelet's words), kept until a connection succeeds.
  lastError?: string;
  connections: number;
  totalConnections: number;
  received: number;
  sent: number;
  startedAt: number;
  phaseSince: number;
}

export type ForwardsAction =
  | {type: 'add'; entry: ForwardEntry}
  | {type: 'event'; id: number; event: ForwardEvent; at: number}
  | {type: 'remove'; id: number};

export function forwardsReducer(entries: readonly ForwardEntry[], action: ForwardsAction): readonly ForwardEntry[] {
  switch (action.type) {
    case 'add':
      return [...entries.filter((entry) => entry.id !== action.entry.id), action.entry];
    case 'remove':
      return entries.filter((entry) => entry.id !== action.id);
    case 'event':
      return entries.map((entry) => (entry.id === action.id ? applyEvent(entry, action.event, action.at) : entry));
  }
}

function applyEvent(entry: ForwardEntry, event: ForwardEvent, at: number): ForwardEntry {
  switch (event.type) {
    case 'listening':
      return {
        ...entry,
        ...phase(entry, 'listening', at),
        reason: undefined,
        address: event.address,
        localPort: event.localPort,
        pod: event.pod,
        podPort: event.podPort,
      };
    case 'reconnecting':
      return {...entry, ...phase(entry, 'reconnecting', at), reason: event.reason};
    case 'failed':
      return {...entry, ...phase(entry, 'failed', at), reason: event.reason, connections: 0};
    case 'connection':
      return {
        ...entry,
        connections: Math.max(0, entry.connections + event.delta),
        totalConnections: entry.totalConnections + (event.delta > 0 ? 1 : 0),
      };
    case 'bytes':
      return {
        ...entry,
        received: entry.received + event.received,
        sent: entry.sent + event.sent,
        lastError: event.received > 0 ? undefined : entry.lastError,
      };
    case 'connectionError':
      return {...entry, lastError: event.reason};
  }
}

// The phase's start moves only when the phase changes: "listening 5m" means five minutes without a break.
function phase(entry: ForwardEntry, next: ForwardPhase, at: number): Pick<ForwardEntry, 'phase' | 'phaseSince'> {
  return {phase: next, phaseSince: entry.phase === next ? entry.phaseSince : at};
}

export const FORWARD_HEADERS = ['LOCAL', 'TARGET', 'STATE', 'CONNS', 'IN', 'OUT', 'SINCE'] as const;

// One row of the :pf view. IN is what came from the pod, OUT what was sent to it.
export function forwardRow(entry: ForwardEntry, now: number): string[] {
  const pod = entry.pod ? ` -> ${entry.pod}:${entry.podPort ?? entry.remote}` : '';
  const state =
    entry.phase === 'listening'
      ? entry.lastError
        ? `listening (last connection: ${entry.lastError})`
        : 'listening'
      : entry.reason
        ? `${entry.phase}: ${entry.reason}`
        : entry.phase;
  return [
    `${entry.address.includes(':') ? `[${entry.address}]` : entry.address}:${entry.localPort}`,
    `${entry.namespace}/${entry.target}:${entry.remote}${pod}`,
    state,
    `${entry.connections} (${entry.totalConnections})`,
    formatBytes(entry.received),
    formatBytes(entry.sent),
    humanDuration(Math.max(0, now - entry.phaseSince)),
  ];
}

// What the operator types in the forward prompt: `[ADDRESS:]LOCAL[:REMOTE]` as kubectl port-forward's
// `LOCAL:REMOTE` with --address in front; an IPv6 address in brackets. LOCAL 0 asks for any free port; REMOTE is
// a port number or a port's name, among the offered ones.
export interface ForwardChoice {
  address: string;
  localPort: number;
  remote: string;
}

export function parseForwardInput(text: string, defaults: ForwardChoice): ForwardChoice | {error: string} {
  const trimmed = text.trim();
  if (trimmed === '') return defaults;
  let address = defaults.address;
  let rest = trimmed;
  const bracketed = /^\[([^\]]+)\]:(.*)$/.exec(trimmed);
  if (bracketed) {
    address = bracketed[1] ?? address;
    rest = bracketed[2] ?? '';
  }
  const parts = rest.split(':');
  if (!bracketed && parts.length === 3) address = parts.shift() ?? address;
  if (!bracketed && parts.length === 2 && !/^\d+$/.test(parts[0] ?? '')) address = parts.shift() ?? address;
  if (parts.length > 2 || parts.length === 0) return {error: `not [ADDRESS:]LOCAL[:REMOTE]: ${trimmed}`};
  const [local = '', remote = defaults.remote] = parts;
  if (!/^\d+$/.test(local) || Number(local) > 65535) return {error: `local port ${local} is not a port (0-65535)`};
  if (remote === '') return {error: 'no remote port'};
  return {address, localPort: Number(local), remote};
}

export function formatForwardInput(choice: ForwardChoice): string {
  const address = choice.address.includes(':') ? `[${choice.address}]` : choice.address;
  return `${address}:${choice.localPort}:${choice.remote}`;
}
