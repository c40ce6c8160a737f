import {useEffect, useState} from 'react';
import {Box, Text} from 'ink';
import {POD_KIND} from '../cluster/resource-kind.js';
import {podContainers} from '../resources/pod-containers.js';
import type {ContainerRow} from '../resources/pod-containers.js';
import {commandsFor} from '../state/keymap.js';
import {useViewKeys} from './input-gate.js';
import type {ViewTarget} from '../state/navigation.js';
import {columnWidths, layoutLine} from './column-widths.js';
import type {World} from './world.js';

interface ContainersViewProps {
  world: World;
  namespace: string;
  pod: string;
  width: number;
  height: number;
  onNavigate: (target: ViewTarget) => void;
}

const HEADERS = ['NAME', 'TYPE', 'IMAGE', 'READY', 'STATE', 'RESTARTS', 'LAST EXIT'];

// A pod's containers (init, regular and ephemeral) with their state; Enter or l opens the logs of one,
// p the previous instance's logs (what a CrashLoopBackOff needs).
export function ContainersView({world, namespace, pod, width, height, onNavigate}: ContainersViewProps) {
  const [rows, setRows] = useState<ContainerRow[] | Error | undefined>(undefined);
  const [selected, setSelected] = useState(0);
  useEffect(() => {
    let cancelled = false;
    const load = () =>
      world.cluster
        .getObject(POD_KIND, namespace, pod)
        .then((object) => !cancelled && setRows(podContainers(object)))
        .catch((error: unknown) => !cancelled && setRows(error instanceof Error ? error : new Error(String(error))));
    void load();
    // A pod's containers change state slowly; a refresh every two seconds keeps restarts and states current.
    const timer = setInterval(() => void load(), 2000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [world, namespace, pod]);
  const list = Array.isArray(rows) ? rows : [];
  useViewKeys((input, key) => {
    for (const command of commandsFor(input, key, 'table')) {
      if (command === 'cursor.down') setSelected((index) => Math.min(list.length - 1, index + 1));
      if (command === 'cursor.up') setSelected((index) => Math.max(0, index - 1));
      if (command === 'cursor.top') setSelected(0);
      if (command === 'cursor.bottom') setSelected(Math.max(0, list.length - 1));
      const container = list[selected];
      if ((command === 'view.open' || command === 'view.logs') && container) {
        onNavigate({type: 'logs', target: {kind: 'pod', namespace, pod, container: container.name}});
      }
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
        <Text dimColor>{'  Enter/l logs · p previous logs'}</Text>
      </Text>
      {rows instanceof Error ? <Text color="red">{rows.message}</Text> : null}
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
