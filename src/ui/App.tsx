import React, {useEffect, useMemo, useReducer, useState} from 'react';
import {Box, useApp, useInput} from 'ink';
import {commandsFor} from '../state/keymap.js';
import {initialViewState, selectedKey, viewReducer} from '../state/view-state.js';
import {columnLayout, renderRow} from '../resources/server-table.js';
import {podSeverity} from '../resources/pod-severity.js';
import {columnWidths} from './column-widths.js';
import {Header} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {HintBar} from './HintBar.js';
import {ResourceTable} from './ResourceTable.js';
import {severityColor} from './theme.js';
import {useTableWatch} from './use-table-watch.js';
import {useTerminalSize} from './use-terminal-size.js';
import type {World} from './world.js';

// Lines taken by the header (2), the table's column header (1) and the hint bar (1).
const CHROME_LINES = 4;

export function App({world, wide = false}: {world: World; wide?: boolean}) {
  const {exit} = useApp();
  const {columns, rows} = useTerminalSize();
  const bodyHeight = Math.max(1, rows - CHROME_LINES);
  const [state, dispatch] = useReducer(viewReducer, {wide, viewportHeight: bodyHeight}, initialViewState);
  const [now, setNow] = useState(() => world.now());
  const namespace = world.namespace;

  useTableWatch(world, namespace, dispatch);
  useEffect(() => dispatch({type: 'resize', viewportHeight: bodyHeight}), [bodyHeight]);
  useEffect(() => {
    // AGE ticks once a second, like re-running kubectl would show.
    const timer = setInterval(() => setNow(world.now()), 1000);
    return () => clearInterval(timer);
  }, [world]);

  useInput((input, key) => {
    for (const command of commandsFor(input, key, 'table')) {
      if (command === 'app.quit') {
        exit();
        return;
      }
      dispatch({type: 'command', command});
    }
  });

  const layout = useMemo(() => columnLayout(state.table.columns, {wide: state.wide, withNamespace: !namespace}),
    [state.table.columns, state.wide, namespace]);
  // Widths come from every row, as kubectl's do, but only when the rows change, not on every AGE tick.
  const widths = useMemo(() => {
    const renderedAt = world.now();
    const all = state.table.order.map((key) => {
      const row = state.table.rows.get(key);
      return row ? renderRow(row, layout, renderedAt) : [];
    });
    return columnWidths(layout.headers, all);
  }, [state.table, layout, world]);
  const visibleRows = state.table.order.slice(state.scrollTop, state.scrollTop + state.viewportHeight)
    .flatMap((key) => {
      const row = state.table.rows.get(key);
      return row ? [{key, cells: renderRow(row, layout, now)}] : [];
    });
  const statusColumn = layout.headers.indexOf('STATUS');

  return (
    <Box flexDirection="column" width={columns} height={rows}>
      <Header identity={world.identity} namespace={namespace} connection={state.connection} readonly={world.readonly}
        kubectlEquivalent={`kubectl get pods ${namespace ? `-n ${namespace}` : '-A'}${state.wide ? ' -o wide' : ''}`}
        count={state.table.order.length} width={columns} />
      {state.helpOpen ? <HelpOverlay height={bodyHeight + 1} scope="table" /> : (
        <ResourceTable headers={layout.headers} visibleRows={visibleRows} widths={widths}
          selectedKey={selectedKey(state)} width={columns} height={bodyHeight}
          emptyText={state.table.loaded ? `No pods in ${namespace ?? 'any namespace'}.` : 'Loading…'}
          rowColor={(cells) => severityColor(podSeverity(cells[statusColumn]))} />
      )}
      <HintBar width={columns} scope="table" />
    </Box>
  );
}
