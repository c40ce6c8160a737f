import {useEffect, useState} from 'react';
import {Box} from 'ink';
import {Text} from './themed-text.js';
import {POD_KIND} from '../cluster/resource-kind.js';
import {errorLine} from '../resources/error-line.js';
import {podContainers} from '../resources/pod-containers.js';
import type {ContainerRow} from '../resources/pod-containers.js';
import {commandsFor} from '../state/keymap.js';
import {CONTAINER_ROWS} from '../state/actions-interactive.js';
import {useViewKeys} from './input-gate.js';
import {useKeymap} from './settings-context.js';
import type {ViewTarget} from '../state/navigation.js';
import {columnWidths, layoutLine} from '../resources/column-widths.js';
import type {World} from './world.js';
import {useTerminalActions} from './use-terminal-actions.js';

interface ContainersViewProps {
  world: World;
  namespace: string;
  pod: string;
  width: number;
  height: number;
  onNavigate: (target: ViewTarget) => void;
  onFlash?: (message: string) => void;
  // F on a container: the pod's forward, with this container's port offered first.
  onPortForward?: (target: {kind: typeof POD_KIND; namespace: string; name: string; container: string}) => void;
}

const HEADERS = ['NAME', 'TYPE', 'IMAGE', 'READY', 'STATE', 'RESTARTS', 'LAST EXIT'];

// A pod's containers (init, regular and ephemeral) with their state; Enter or l opens the logs of one,
// p the previous instance's logs (what a CrashLoopBackOff needs).
export function ContainersView(props: ContainersViewProps) {
  const {world, namespace, pod, width, height, onNavigate, onPortForward} = props;
  const onFlash = props.onFlash ?? (() => undefined);
  const terminalActions = useTerminalActions({world, onFlash, onNavigate});
  const [rows, setRows] = useState<{list: ContainerRow[]; problem: string | undefined}>({list: [], problem: undefined});
  const [selected, setSelected] = useState(0);
  useEffect(() => {
    let cancelled = false;
    // Over a slow link a read can take longer than the refresh interval: one read at a time, never a pile-up.
    let isReading = false;
    const load = () => {
      if (isReading) return;
      isReading = true;
      world.cluster
        .getObject(POD_KIND, namespace, pod)
        .then((object) => {
          if (!cancelled) setRows({list: podContainers(object), problem: undefined});
        })
        .catch((error: unknown) => {
          // The containers' states are not known now, so none is shown as if it were.
          if (!cancelled) setRows({list: [], problem: errorLine(error)});
        })
        .finally(() => {
          isReading = false;
        });
    };
    load();
    // A pod's containers change state slowly; a refresh every two seconds keeps restarts and states current.
    const timer = setInterval(load, 2000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [world, namespace, pod]);
  const list = rows.list;
  const keys = useKeymap();
  useViewKeys((input, key) => {
    for (const command of commandsFor(input, key, 'table', keys, CONTAINER_ROWS)) {
      if (command === 'cursor.down') setSelected((index) => Math.min(list.length - 1, index + 1));
      if (command === 'cursor.up') setSelected((index) => Math.max(0, index - 1));
      if (command === 'cursor.top') setSelected(0);
      if (command === 'cursor.bottom') setSelected(Math.max(0, list.length - 1));
      const container = list[selected];
      if ((command === 'view.open' || command === 'view.logs') && container) {
        onNavigate({type: 'logs', target: {kind: 'pod', namespace, pod, container: container.name}});
      }
      if (command === 'action.portForward' && container) {
        onPortForward?.({kind: POD_KIND, namespace, name: pod, container: container.name});
      }
      if (command === 'action.shell' && container) terminalActions.shell({namespace, pod, container: container.name});
      if (command === 'action.attach' && container) terminalActions.attach({namespace, pod, container: container.name});
      if (command === 'action.edit') terminalActions.edit({kind: POD_KIND, namespace, name: pod});
    }
    const container = list[selected];
    if (input === 'p' && container) {
      onNavigate({type: 'logs', target: {kind: 'pod', namespace, pod, container: container.name, previous: true}});
    }
  });
  const cells = list.map((row) => [
    row.name,
    row.type,
    row.image,
    row.ready ? 'true' : 'false',
    row.state,
    String(row.restarts),
    row.lastExit,
  ]);
  const widths = columnWidths(HEADERS, cells);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        <Text color="green">{`containers of ${namespace}/${pod}`}</Text>
        <Text dimColor>{'  Enter/l logs · p previous logs · s shell · a attach'}</Text>
      </Text>
      {rows.problem === undefined ? null : (
        <Text color="red" wrap="truncate-end">
          {rows.problem}
        </Text>
      )}
      <Text bold wrap="truncate-end">
        {layoutLine(HEADERS, widths)}
      </Text>
      {cells.map((row, index) => (
        <Text
          key={row[0]}
          inverse={index === selected}
          wrap="truncate-end"
          color={list[index]?.state.startsWith('Running') ? undefined : 'yellow'}
        >
          {layoutLine(row, widths)}
        </Text>
      ))}
    </Box>
  );
}
