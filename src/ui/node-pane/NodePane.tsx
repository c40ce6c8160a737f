import React, {useCallback, useEffect, useLayoutEffect, useMemo, useReducer, useRef} from 'react';
import {Box, Text, useApp} from 'ink';
import type {Key} from 'ink';
import type {ContainerDetail} from '../../node-tools/container-detail.js';
import type {NodeObservations} from '../../node-tools/findings.js';
import type {PodDetail} from '../../node-tools/pod-detail.js';
import {podLogsOfFile} from '../../node-tools/pod-log-files.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {restartRefusal, watchedUnits} from '../../node-tools/unit-reader.js';
import {commandsFor} from '../../state/keymap.js';
import {activeList, backLeavesPane, initialNodePaneState, isDetailOpen, nodePaneReducer} from '../../state/node-pane-state.js';
import type {NodePaneAction, NodePaneState, PaneReader, PodLogFiles} from '../../state/node-pane-state.js';
import {HelpOverlay} from '../HelpOverlay.js';
import {HintBar} from '../HintBar.js';
import {useViewKeys} from '../input-gate.js';
import type {TypedKey} from '../LogView.js';
import {isJournalTarget, unitOfTarget} from './journal-lines.js';
import {LineList} from './LineList.js';
import {RestartDialog} from './RestartDialog.js';
import {PaneLogReader} from './PaneLogReader.js';
import {containerOfPodLogsTarget} from './runtime-lines.js';
import {SectionTabs} from './SectionTabs.js';
import {sectionView} from './section-view.js';
import {useContainerDetail} from './use-container-detail.js';
import {useJournalPreview} from './use-journal-preview.js';
import {useNodeReport} from './use-node-report.js';
import {usePodDetail} from './use-pod-detail.js';
import {useRestartUnit} from './use-restart-unit.js';

export interface NodePaneProps {
  tools: NodeTools;
  width: number;
  height: number;
  isActive: boolean;
  readonly: boolean;
  // Esc outside a pod or dialog; without it (node-only mode) Esc does nothing and q quits.
  onBack?: () => void;
  onQuit?: () => void;
  // Skips detection when the caller already knows the node.
  identity?: NodeIdentity;
  // A copied journal directory (--journal-dir) read instead of this host's journal.
  journalDirectory?: string;
  apiNode?: NodeObservations['apiNode'];
  // Asks the API server about this node once its name is known (the "NotReady in the API" finding); undefined
  // when the API cannot say. Ignored when apiNode is given.
  lookupApiNode?: (nodeName: string) => Promise<NodeObservations['apiNode'] | undefined>;
  // One line saying why the pane is shown on its own, e.g. that the API server is unreachable.
  modeLine?: string;
}

// Header (2), tabs (1), subtitle (1), message (1), hint bar (1).
const CHROME_LINES = 6;

export function NodePane(props: NodePaneProps) {
  const {tools, width, height, isActive, readonly} = props;
  const {exit} = useApp();
  const bodyHeight = Math.max(1, height - CHROME_LINES);
  const [state, dispatch] = useReducer(nodePaneReducer, bodyHeight, initialNodePaneState);
  const {identity, report, loading, notANode} = useNodeReport(tools, {identity: props.identity,
    journalDirectory: props.journalDirectory, apiNode: props.apiNode, lookupApiNode: props.lookupApiNode,
    refreshCount: state.refreshCount});
  const units = useMemo(() => identity ? watchedUnits(identity) : [], [identity]);
  const journal = useJournalPreview(tools, units, props.journalDirectory, state.refreshCount);
  const pod = usePodDetail(tools, identity, report?.runtime, state.detailSandboxId);
  const container = useContainerDetail(tools, identity, report?.runtime, state.detailContainerId);
  useRestartUnit(tools, state.restartRequested, dispatch);

  const view = useMemo(() => sectionView({state, report, journal, units, pod, container, nowMs: tools.now(),
    journalDirectory: props.journalDirectory, loading}),
  [state, report, journal, units, pod, container, tools, props.journalDirectory, loading]);
  const listHeight = Math.max(1, bodyHeight - view.fixed.length);
  useEffect(() => dispatch({type: 'resize', viewportHeight: listHeight}), [listHeight]);
  const list = activeList(state);
  useEffect(() => dispatch({type: 'rows', list, count: view.lines.length}), [list, view.lines.length]);
  const position = state.lists[list];
  // Ink re-subscribes the input handler after each paint, so a key typed right after a change could reach an old
  // closure; the handler reads what is on screen now through this ref instead.
  const latest = useRef({state, view, report});
  const typedAhead = useRef<TypedKey[]>([]);
  latest.current = {state, view, report};

  // Keys of a burst that came after one changed the list on screen (a section, the runtime view, a detail): they
  // wait for the render that draws the new list, so "vG" lands on the last row of the new list.
  const waiting = useRef<Array<{input: string; key: Key}>>([]);
  const onKey = (input: string, key: Key) => {
    const characters = key.ctrl || input.length <= 1 ? [input] : [...input];
    if (waiting.current.length > 0 && !latest.current.state.reader) {
      waiting.current.push(...characters.map((character) => ({input: character, key})));
      return;
    }
    const {view, report} = latest.current;
    // Each action is also applied to the ref's copy (the reducer is pure), so keys arriving before the next
    // render (a burst of "jjj" and Enter) see the cursor where the earlier keys left it.
    const apply = (action: NodePaneAction) => {
      latest.current.state = nodePaneReducer(latest.current.state, action);
      dispatch(action);
    };
    // Key repeat over a slow link can deliver "jjj" as one read: each character is one command. Once one opened
    // a reader, what follows (in this read or before the reader is drawn) is kept for the reader.
    for (const [index, character] of characters.entries()) {
      if (latest.current.state.reader) {
        typedAhead.current.push({input: character, key});
        continue;
      }
      const shown = listShown(latest.current.state);
      if (!runCommands(character)) return;
      if (listShown(latest.current.state) !== shown) {
        waiting.current.push(...characters.slice(index + 1).map((rest) => ({input: rest, key})));
        return;
      }
    }

    // The commands one key means; false once the pane has quit.
    function runCommands(character: string): boolean {
      for (const command of commandsFor(character, key, 'node')) {
        const state = latest.current.state;
        if (command === 'app.quit' && !state.dialog) {
          (props.onQuit ?? exit)();
          return false;
        }
        const selected = view.lines[state.lists[activeList(state)].cursor]?.target;
        const reader = readerFor(command, state, selected, podLogsOpen(pod.detail, container));
        if (command === 'app.back' && backLeavesPane(state)) props.onBack?.();
        else if (reader) {
          typedAhead.current = [];
          apply({type: 'openReader', reader});
          return true;
        }
        else if (command === 'node.open' && !state.dialog && state.section === 'runtime' && !isDetailOpen(state)
          && state.runtimeView !== 'images' && selected) {
          apply(state.runtimeView === 'containers' ? {type: 'openContainer', containerId: selected}
            : {type: 'openDetail', sandboxId: selected});
        }
        else if (command === 'node.restart' && !state.dialog) {
          const systemdAvailable = !report?.units?.some((reading) => 'problem' in reading
            && reading.problem.kind === 'no-systemd') && report?.units !== undefined;
          const unit = state.section === 'units' ? selected : undefined;
          apply({type: 'askRestart', unit: unit ?? '', refusal: unit ? restartRefusal({readonly,
            isRoot: tools.isRoot, systemdAvailable}) : 'select a unit in the Units section to restart it'});
        } else apply({type: 'command', command, rowCount: view.lines.length});
      }
      return true;
    }
  };
  useViewKeys(onKey, isActive && !state.reader);
  useLayoutEffect(() => {
    const keys = waiting.current.splice(0);
    for (const typed of keys) onKey(typed.input, typed.key);
  });
  const closeReader = useCallback(() => dispatch({type: 'closeReader'}), []);

  if (notANode) {
    return <Text color="yellow">{'kview found no kubelet, no /var/lib/kubelet and no /etc/kubernetes here: '
      + 'this host does not look like a Kubernetes node (use --journal-dir DIR to read a copied journal).'}</Text>;
  }
  if (state.reader && identity) {
    return <PaneLogReader reader={state.reader} tools={tools} identity={identity} units={units}
      journalDirectory={props.journalDirectory} width={width} height={height} isActive={isActive}
      onBack={closeReader} onQuit={props.onQuit} typedAhead={typedAhead.current} />;
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" bold>
        {identity ? `node ${identity.nodeName} (${identity.flavour})  kubelet ${identity.kubeletUnit}`
          + `${identity.kubeletPid ? ` pid ${identity.kubeletPid}` : ' (no process)'}  runtime ${identity.runtimeSocket}`
          : 'detecting the node…'}
        {readonly ? <Text color="yellow"> [readonly]</Text> : null}
      </Text>
      <Text wrap="truncate-end" color={props.modeLine ? 'yellow' : undefined} dimColor={!props.modeLine}>
        {props.modeLine ?? (identity?.evidence.at(-1) ?? ' ')}
      </Text>
      <SectionTabs section={state.section} counts={view.counts} />
      <Text wrap="truncate-end" dimColor>{view.subtitle}</Text>
      {state.helpOpen ? <HelpOverlay height={bodyHeight} width={width} scope="node" /> : state.dialog
        ? <Box height={bodyHeight}><RestartDialog dialog={state.dialog} /></Box>
        : (
          <Box flexDirection="column" height={bodyHeight}>
            {view.fixed.map((entry) => <Text key={entry.key} wrap="truncate-end" color={entry.color}
              dimColor={entry.dim}>{entry.text}</Text>)}
            <LineList lines={view.lines} cursor={position.cursor} top={position.top} height={listHeight} width={width} />
          </Box>
        )}
      <Text wrap="truncate-end" color="yellow">{state.message ?? ' '}</Text>
      <HintBar width={width} scope="node" />
    </Box>
  );
}

// The reader a key opens, if any: Enter (or /, to filter) on a journal row or a unit, Enter on a container or a log
// line of the pod open in the runtime section.
function readerFor(command: string, state: NodePaneState, selected: string | undefined,
  podLogs: PodLogFiles | undefined): PaneReader | undefined {
  const withFilter = command === 'app.filter';
  if ((command !== 'node.open' && !withFilter) || state.dialog) return undefined;
  if (state.section === 'journal' && isJournalTarget(selected)) {
    return {kind: 'journal', unit: unitOfTarget(selected), withFilter};
  }
  if (state.section === 'units' && selected && !withFilter) return {kind: 'journal', unit: selected, withFilter};
  const container = containerOfPodLogsTarget(selected);
  if (state.section === 'runtime' && isDetailOpen(state) && container !== undefined && podLogs) {
    return {kind: 'podFiles', pod: podLogs, container, withFilter};
  }
  return undefined;
}

// The log files of the pod walk or container detail on screen.
function podLogsOpen(pod: PodDetail | undefined, container: ContainerDetail | undefined): PodLogFiles | undefined {
  const directory = pod?.logDirectory;
  if (directory) {
    return {directory: directory.path, namespace: directory.namespace, pod: directory.pod,
      containers: directory.containers.map((entry) => entry.name)};
  }
  const file = container?.logFile ? podLogsOfFile(container.logFile) : undefined;
  return file ? {directory: file.directory, namespace: file.namespace, pod: file.pod, containers: [file.container]}
    : undefined;
}

// Which list is on screen; a key that changes it makes the rest of its burst wait for the new list.
function listShown(state: NodePaneState): string {
  return [state.section, state.runtimeView, state.detailSandboxId, state.detailContainerId, state.dialog?.unit]
    .join('/');
}
