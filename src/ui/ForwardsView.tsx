import {useEffect, useState} from 'react';
import {Box} from 'ink';
import {Text} from './themed-text.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import {errorLine} from '../resources/error-line.js';
import {commandsFor} from '../state/keymap.js';
import {FORWARD_HEADERS, forwardRow} from '../state/forward-state.js';
import type {ForwardEntry} from '../state/forward-state.js';
import {columnWidths} from '../resources/column-widths.js';
import {ResourceTable} from './ResourceTable.js';
import {useViewKeys} from './input-gate.js';
import {useKeymap} from './settings-context.js';
import {useLatest} from './use-latest.js';
import type {ForwardService} from './forward-service.js';

interface ForwardsViewProps {
  forwards: ForwardService | undefined;
  now: () => number;
  width: number;
  height: number;
  onFlash: (message: string) => void;
}

// How often the traffic and SINCE columns are redrawn; phase changes redraw at once.
const REFRESH_MS = 1000;

// :pf: the session's port-forwards, a table like the others with the same keys. ctrl-d stops the selected one
// without asking: it closes a listener on this machine and changes nothing in the cluster, and F starts it again.
export function ForwardsView({forwards, now, width, height, onFlash}: ForwardsViewProps) {
  const [entries, setEntries] = useState<readonly ForwardEntry[]>(() => forwards?.entries() ?? []);
  const [at, setAt] = useState(now);
  const [cursor, setCursor] = useState(0);
  useEffect(() => {
    if (!forwards) return undefined;
    let phases = '';
    const read = () => {
      const next = forwards.entries();
      // Every byte is an event; only a change of phase or of the set redraws before the next tick.
      const nextPhases = next.map((entry) => `${entry.id}:${entry.phase}:${entry.reason ?? ''}`).join(',');
      if (nextPhases !== phases) {
        phases = nextPhases;
        setEntries(next);
      }
    };
    const unsubscribe = forwards.subscribe(read);
    const timer = setInterval(() => {
      setEntries(forwards.entries());
      setAt(now());
    }, REFRESH_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [forwards, now]);
  const selected = Math.min(cursor, Math.max(0, entries.length - 1));
  const latestRef = useLatest({entries, selected});
  const keys = useKeymap();
  useViewKeys((input, key) => {
    for (const command of commandsFor(input, key, 'table', keys)) {
      // The rest of a typed-ahead burst after ':' or '/' belongs to the prompt.
      if (command === 'app.command' || command === 'app.filter') return;
      const {entries: shown, selected: index} = latestRef.current;
      switch (command) {
        case 'cursor.down':
          setCursor(Math.min(shown.length - 1, index + 1));
          break;
        case 'cursor.up':
          setCursor(Math.max(0, index - 1));
          break;
        case 'cursor.top':
        case 'cursor.pageUp':
          setCursor(0);
          break;
        case 'cursor.bottom':
        case 'cursor.pageDown':
          setCursor(Math.max(0, shown.length - 1));
          break;
        case 'action.delete': {
          const entry = shown[index];
          if (!entry || !forwards) break;
          forwards.stop(entry.id).then(
            () =>
              onFlash(
                `stopped forwarding ${entry.address}:${entry.localPort} -> ${entry.target}` +
                  (entry.connections > 0 ? ` (${entry.connections} connections closed)` : ''),
              ),
            (error: unknown) => onFlash(`stopping the forward: ${errorLine(error)}`),
          );
          break;
        }
        default:
          break;
      }
    }
  });
  const rows = entries.map((entry) => ({key: String(entry.id), cells: forwardRow(entry, at).map(sanitizeCell)}));
  const widths = columnWidths(
    FORWARD_HEADERS,
    rows.map((row) => row.cells),
  );
  const listening = entries.filter((entry) => entry.phase === 'listening').length;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        <Text color="green">{`port-forwards: ${entries.length} (${listening} listening)`}</Text>
        <Text dimColor>{'  F on a pod, service or workload starts one · ctrl-d stops the selected one'}</Text>
      </Text>
      <ResourceTable
        headers={FORWARD_HEADERS}
        visibleRows={rows.slice(0, Math.max(1, height - 2))}
        widths={widths}
        selectedKey={rows[selected]?.key}
        width={width}
        height={Math.max(1, height - 2)}
        emptyText={
          forwards
            ? 'No port-forwards: F on a pod, a service or a deployment starts one.'
            : 'Port-forward is not available here.'
        }
        rowColor={(cells) =>
          cells[2]?.startsWith('failed') ? 'red' : cells[2]?.startsWith('listening') ? undefined : 'yellow'
        }
      />
    </Box>
  );
}
