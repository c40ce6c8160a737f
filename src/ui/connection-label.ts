import {clockTime} from '../cluster/clock-time.js';
import type {ConnectionState} from '../cluster/types.js';

// Rows are shown as live only while the watch is live; in every other phase after the first list they are what
// was true earlier, and the table draws them dimmed.
export function rowsAreLive(connection: ConnectionState): boolean {
  return connection.phase === 'live' || connection.phase === 'connecting';
}

export function connectionLabel(connection: ConnectionState, counted: string): {text: string; color: string} {
  switch (connection.phase) {
    case 'connecting':
      return {
        text: `● connecting… ${connection.loaded > 0 ? `${connection.loaded} loaded` : ''}`.trim(),
        color: 'yellow',
      };
    case 'live':
      return {text: `● live  ${counted}`, color: 'green'};
    case 'stale':
      return {
        text: `● stale since ${clockTime(connection.since)}, reconnecting  ${counted} (as of then) — ${connection.message}`,
        color: 'red',
      };
    case 'resyncing':
      return {text: `● re-syncing (${connection.reason})`, color: 'yellow'};
    case 'disconnected':
      return {
        text:
          `● disconnected: ${connection.message}; retrying in ${Math.ceil(connection.retryInMs / 1000)}s` +
          ` (attempt ${connection.attempt}) — ${connection.hint}`,
        color: 'red',
      };
    case 'forbidden':
      return {text: `● ${connection.message} — ${connection.hint}`, color: 'red'};
  }
}
