import {Text} from 'ink';
import type {ConnectionState} from '../cluster/types.js';
import {connectionLabel} from './connection-label.js';

interface StatusLineProps {
  connection: ConnectionState;
  count: number;
  total: number;
  what: string;
  kubectl: string;
  notes: string[];
  width: number;
}

// One line per view: connection state, how many rows, what is narrowing them, and the kubectl equivalent.
export function StatusLine({connection, count, total, what, kubectl, notes, width}: StatusLineProps) {
  const status = connectionLabel(connection, count === total ? `${total} ${what}` : `${count}/${total} ${what}`);
  return (
    <Text wrap="truncate-end">
      <Text color={status.color}>{status.text}</Text>
      {notes.length > 0 ? <Text color="magenta">{`  [${notes.join('; ')}]`}</Text> : null}
      <Text dimColor>{width > 60 ? `  $ ${kubectl}` : ''}</Text>
    </Text>
  );
}
