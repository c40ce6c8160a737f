import {useEffect, useMemo, useReducer, useState} from 'react';
import {Box, useApp} from 'ink';
import {Text} from '../themed-text.js';
import {fields, text} from '../../resources/kubelet-fields.js';
import type {RemoteNodeReport} from '../../resources/remote-node-report.js';
import type {Command} from '../../state/keymap.js';
import {commandsFor} from '../../state/keymap.js';
import {activeList, initialNodePaneState, nodePaneReducer} from '../../state/node-pane-state.js';
import type {NodePaneAction} from '../../state/node-pane-state.js';
import {HelpOverlay} from '../HelpOverlay.js';
import {HintBar} from '../HintBar.js';
import {useViewKeys} from '../input-gate.js';
import {useLatest} from '../use-latest.js';
import {LineList} from './LineList.js';
import {DEBUG_POD_LINE, LOG_DIRECTORY_PREFIX, LOG_FILE_PREFIX, remoteSectionView} from './remote-lines.js';
import {SectionTabs} from './SectionTabs.js';
import {parentOf, useRemoteLogs, useRemoteNode} from './use-remote-node.js';
import type {LogOpen, RemoteNodeAccess} from './use-remote-node.js';

export interface RemoteNodePaneProps {
  access: RemoteNodeAccess;
  node: string;
  // Why the node is read remotely (kview runs on another node, or on no node).
  reason: string;
  width: number;
  height: number;
  isActive: boolean;
  readonly: boolean;
  now: () => number;
  onBack?: () => void;
  // Quits kview when absent.
  onQuit?: () => void;
  hiddenKeys: readonly Command[];
}

// Header (2), tabs (1), subtitle (1), message (1), hint bar (1), as the local pane.
const CHROME_LINES = 6;
const NO_DEBUG_POD = `${DEBUG_POD_LINE}: restart, the runtime views and the journal reader need it`;

// The node pane for a node kview does not run on: the read-only tier, through the API server's node proxy. The
// same sections as on the node, each saying what this path cannot show.
export function RemoteNodePane(props: RemoteNodePaneProps) {
  const {access, node, width, height, now} = props;
  const {exit} = useApp();
  const bodyHeight = Math.max(1, height - CHROME_LINES);
  const [state, dispatch] = useReducer(nodePaneReducer, bodyHeight, initialNodePaneState);
  const [open, setOpen] = useState<LogOpen>(undefined);
  const [message, setMessage] = useState<string | undefined>(undefined);
  const {report, problem, readAtMs} = useRemoteNode(access, node, state.refreshCount, now);
  const logs = useRemoteLogs(access, node, open, state.refreshCount);
  const view = useMemo(
    () => remoteSectionView(state.section, report, problem, logs, readAtMs ?? now()),
    [state.section, report, problem, logs, readAtMs, now],
  );
  const listHeight = Math.max(1, bodyHeight - view.fixed.length);
  useEffect(() => dispatch({type: 'resize', viewportHeight: listHeight}), [listHeight]);
  const list = activeList(state);
  useEffect(() => dispatch({type: 'rows', list, count: view.lines.length}), [list, view.lines.length]);
  const position = state.lists[list];

  const latest = useLatest({state, view, open, props, exit});
  useViewKeys((input, key) => {
    const {view: shown, open: opened, props: latestProps, exit: quit} = latest.current;
    // Each action is applied to this copy too (the reducer is pure), so "jj⏎" read in one chunk opens the row
    // the cursor reached, not the one it was on when the chunk arrived.
    let current = latest.current.state;
    const apply = (action: NodePaneAction) => {
      current = nodePaneReducer(current, action);
      dispatch(action);
    };
    for (const command of commandsFor(input, key, 'node')) {
      const selected = shown.lines[current.lists[activeList(current)].cursor]?.target;
      setMessage(undefined);
      if (command === 'app.quit') return (latestProps.onQuit ?? quit)();
      // A directory or file opened or left starts at its top: the old row number means nothing in it.
      const openLog = (next: LogOpen) => {
        setOpen(next);
        apply({type: 'command', command: 'cursor.top', rowCount: shown.lines.length});
      };
      if (command === 'app.back' && !current.helpOpen) {
        const parent = opened ? parentOf(opened.path) : '';
        // Esc goes up the /var/log walk in the Journal section; elsewhere it leaves the pane.
        if (opened && current.section === 'journal') openLog(parent ? {kind: 'directory', path: parent} : undefined);
        else latestProps.onBack?.();
        continue;
      }
      if (command === 'node.open' && current.section === 'journal' && selected) {
        if (selected.startsWith(LOG_DIRECTORY_PREFIX))
          openLog({kind: 'directory', path: selected.slice(LOG_DIRECTORY_PREFIX.length)});
        else if (selected.startsWith(LOG_FILE_PREFIX))
          openLog({kind: 'file', path: selected.slice(LOG_FILE_PREFIX.length)});
        continue;
      }
      if (
        command === 'node.restart' ||
        command === 'node.runtimeView' ||
        command === 'app.filter' ||
        command === 'node.open'
      ) {
        if (command !== 'node.open' || current.section !== 'findings') setMessage(NO_DEBUG_POD);
        continue;
      }
      apply({type: 'command', command, rowCount: shown.lines.length});
    }
  }, props.isActive);

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" bold>
        {header(node, report, readAtMs)}
        {props.readonly ? <Text color="yellow"> [readonly]</Text> : null}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {`${props.reason}; read-only: kview creates nothing on the node`}
      </Text>
      <SectionTabs section={state.section} counts={view.counts} />
      <Text wrap="truncate-end" dimColor>
        {view.subtitle || ' '}
      </Text>
      {state.helpOpen ? (
        <HelpOverlay height={bodyHeight} width={width} scope="node" hidden={props.hiddenKeys} />
      ) : (
        <Box flexDirection="column" height={bodyHeight}>
          {view.fixed.map((entry) => (
            <Text key={entry.key} wrap="truncate-end" color={entry.color} dimColor={entry.dim}>
              {entry.text}
            </Text>
          ))}
          <LineList lines={view.lines} cursor={position.cursor} top={position.top} height={listHeight} width={width} />
        </Box>
      )}
      <Text wrap="truncate-end" color="yellow">
        {message ?? state.message ?? ' '}
      </Text>
      <HintBar width={width} scope="node" hidden={props.hiddenKeys} />
    </Box>
  );
}

function header(node: string, report: RemoteNodeReport | undefined, readAtMs: number | undefined): string {
  const info =
    report && 'value' in report.nodeObject ? fields(fields(report.nodeObject.value['status'])['nodeInfo']) : {};
  const kubelet = text(info['kubeletVersion']);
  const runtime = text(info['containerRuntimeVersion']);
  const at = readAtMs === undefined ? '' : `  read ${new Date(readAtMs).toISOString().slice(11, 19)}Z`;
  return (
    `node ${node} via kubelet API` +
    (kubelet ? `  kubelet ${kubelet}` : '') +
    (runtime ? `  runtime ${runtime}` : '') +
    at
  );
}
