import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import type {DebugPods} from '../../cluster/debug-pods.js';
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
import {createNodeFileLogSource} from '../../cluster/node-file-log-source.js';
import type {LogTarget} from '../../cluster/log-types.js';
import {LogView} from '../LogView.js';
import {LineList} from './LineList.js';
import {DEBUG_POD_LINE, LOG_DIRECTORY_PREFIX, LOG_FILE_PREFIX, remoteSectionView} from './remote-lines.js';
import {SectionTabs} from './SectionTabs.js';
import {DebugPodDialog} from './DebugPodDialog.js';
import {debugTierLine, leftoverLines, removeDialog, startDialog} from './debug-pod-lines.js';
import type {Dialog} from './debug-pod-lines.js';
import {NodePane} from './NodePane.js';
import {useDebugPod, useDebugPodForbidden, useLeftovers} from './use-debug-pod.js';
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
  // Creates the node debug pod on request; without it (tests, no session) the pane stays read-only.
  debugPods?: DebugPods;
}

const DEBUG_KEYS: readonly Command[] = ['node.debugPod', 'node.removeLeftovers'];

// Header (2), tabs (1), subtitle (1), message (1), hint bar (1), as the local pane.
const CHROME_LINES = 6;
const NEEDS_IT = 'restart, the runtime views and the journal reader need it';

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
  const debugPods = props.readonly ? undefined : props.debugPods;
  const debug = useDebugPod(debugPods, node, now);
  const forbidden = useDebugPodForbidden(debugPods, props.readonly);
  const leftovers = useLeftovers(props.debugPods);
  const [dialog, setDialogState] = useState<Dialog | undefined>(undefined);
  // Keys read in one chunk see the dialog the previous key opened.
  const dialogRef = useRef<Dialog | undefined>(undefined);
  const setDialog = (next: Dialog | undefined) => {
    dialogRef.current = next;
    setDialogState(next);
  };
  const debugLine = debugTierLine(props.readonly, props.debugPods, forbidden, debug.status);
  const view = useMemo(() => {
    const shown = remoteSectionView(state.section, report, problem, logs, readAtMs ?? now(), debugLine);
    return {...shown, fixed: [...leftoverLines(leftovers.leftovers, leftovers.problem), ...shown.fixed]};
  }, [state.section, report, problem, logs, readAtMs, now, debugLine, leftovers.leftovers, leftovers.problem]);
  const listHeight = Math.max(1, bodyHeight - view.fixed.length);
  useEffect(() => dispatch({type: 'resize', viewportHeight: listHeight}), [listHeight]);
  const list = activeList(state);
  useEffect(() => dispatch({type: 'rows', list, count: view.lines.length}), [list, view.lines.length]);
  const position = state.lists[list];

  const latest = useLatest({state, view, open, props, exit, debug, debugPods, forbidden, leftovers, debugLine});
  const ready = debug.status.phase === 'ready' ? debug.status : undefined;
  const fileSource = useMemo(
    () => createNodeFileLogSource((name, path, range) => access.readNodeLogRange(name, path, range)),
    [access],
  );
  const reading = open?.kind === 'file' ? open : undefined;
  const fileTarget = useMemo(
    (): LogTarget | undefined => (reading ? {kind: 'nodeFile', node, path: reading.path} : undefined),
    [reading, node],
  );
  useViewKeys(
    (input, key) => {
      const {view: shown, open: opened, props: latestProps, exit: quit} = latest.current;
      const {debug: pod, debugPods: creator, forbidden: refused, leftovers: left, debugLine: tier} = latest.current;
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
        const asked = dialogRef.current;
        if (asked) {
          if (command === 'node.nextSection' || command === 'node.previousSection')
            setDialog({...asked, confirmFocused: !asked.confirmFocused});
          else if (command === 'app.back') setDialog(undefined);
          else if (command === 'node.open') {
            setDialog(undefined);
            if (!asked.confirmFocused) continue;
            if (asked.action === 'start') pod.start(asked.plan);
            else left.removeOrphans().then(setMessage, () => undefined);
          }
          continue;
        }
        if (command === 'node.debugPod') {
          if (latestProps.readonly) setMessage('--readonly: kview creates no debug pod (this is the read-only tier)');
          else if (!creator) setMessage(DEBUG_POD_LINE);
          else if (refused) setMessage(refused);
          else if (pod.status.phase === 'starting') setMessage(`the debug pod is starting: ${pod.status.line}`);
          else setDialog(startDialog(creator.plan(node)));
          continue;
        }
        if (command === 'node.removeLeftovers') {
          const orphans = left.leftovers.filter((entry) => entry.orphaned !== undefined);
          if (latestProps.readonly) setMessage('--readonly: kview deletes nothing');
          else if (orphans.length === 0) setMessage('no leftover debug pod whose kview is gone');
          else setDialog(removeDialog(orphans));
          continue;
        }
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
          if (command !== 'node.open' || current.section !== 'findings') setMessage(`${tier}: ${NEEDS_IT}`);
          continue;
        }
        apply({type: 'command', command, rowCount: shown.lines.length});
      }
    },
    props.isActive && !ready && !reading,
  );
  const hidden = debugPods ? props.hiddenKeys : [...props.hiddenKeys, ...DEBUG_KEYS];

  if (ready) {
    const {pod} = ready;
    return (
      <NodePane
        tools={ready.tools}
        width={width}
        height={height}
        isActive={props.isActive}
        readonly={props.readonly}
        expectedNode={node}
        via={`via debug pod ${pod.namespace}/${pod.name}`}
        modeLine={
          `debug pod ${pod.namespace}/${pod.name} (${pod.image}) Running in ` +
          `${((pod.runningMs - pod.createdMs) / 1000).toFixed(1)} s: privileged, host PID/net/IPC, node / at /host; ` +
          `deleted on close, deadline ${pod.deadlineSeconds} s`
        }
        onBack={props.onBack}
        onQuit={props.onQuit ?? exit}
      />
    );
  }

  if (reading && fileTarget) {
    // Esc goes back to the directory the file is in, its listing read again.
    const parent = parentOf(reading.path);
    return (
      <LogView
        source={fileSource}
        target={fileTarget}
        width={width}
        height={height}
        isActive={props.isActive}
        onBack={() => setOpen(parent ? {kind: 'directory', path: parent} : undefined)}
        onQuit={props.onQuit ?? exit}
        now={now}
        initialTail={500}
        hiddenKeys={props.hiddenKeys}
        equivalentCommand={() => `kubectl get --raw /api/v1/nodes/${node}/proxy/logs/${reading.path}`}
      />
    );
  }

  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" bold>
        {header(node, report, readAtMs)}
        {props.readonly ? <Text color="yellow"> [readonly]</Text> : null}
      </Text>
      <Text wrap="truncate-end" dimColor>
        {`${props.reason}; read-only: kview creates nothing on the node` +
          (debugPods ? ' (D: a debug pod for the rest)' : '')}
      </Text>
      <SectionTabs section={state.section} counts={view.counts} />
      <Text wrap="truncate-end" dimColor>
        {view.subtitle || ' '}
      </Text>
      {state.helpOpen ? (
        <HelpOverlay height={bodyHeight} width={width} scope="node" hidden={hidden} />
      ) : dialog ? (
        <Box height={bodyHeight} flexDirection="column" alignItems="flex-start">
          <DebugPodDialog dialog={dialog} />
        </Box>
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
        {message ?? state.message ?? (debug.status.phase === 'idle' ? ' ' : debugLine)}
      </Text>
      <HintBar width={width} scope="node" hidden={hidden} />
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
