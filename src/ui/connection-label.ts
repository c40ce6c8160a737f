import type {ConnectionState} from '../cluster/types.js';

export function connectionLabel(connection: ConnectionState, counted: string): {text: string; color: string} {
  switch (connection.phase) {
    case 'connecting':
      return {
        text: `● connecting… ${connection.loaded > 0 ? `${connection.loaded} loaded` : ''}`.trim(),
        color: 'yellow',
      };
    case 'live':
      return {text: `● live  ${counted}`, color: 'green'};
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
