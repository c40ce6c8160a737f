import {useCallback, useEffect, useMemo, useReducer} from 'react';
import {Box, useApp} from 'ink';
import {Text} from '../themed-text.js';
import type {NodeObservations} from '../../node-tools/findings.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {watchedUnits} from '../../node-tools/unit-reader.js';
import type {Command} from '../../state/keymap.js';
import {activeList, initialNodePaneState, nodePaneReducer} from '../../state/node-pane-state.js';
import {HelpOverlay} from '../HelpOverlay.js';
import {HintBar} from '../HintBar.js';
import {LineList} from './LineList.js';
import {RestartDialog} from './RestartDialog.js';
import {PaneLogReader} from './PaneLogReader.js';
import {SectionTabs} from './SectionTabs.js';
import {sectionView} from './section-view.js';
import {useContainerDetail} from './use-container-detail.js';
import {useJournalPreview} from './use-journal-preview.js';
import {useNodeReport} from './use-node-report.js';
import {usePaneKeys} from './use-pane-keys.js';
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

// Keys only the App carries out (its command line and history); node-only mode runs the pane without it.
const STANDALONE_HIDDEN: readonly Command[] = ['app.command', 'history.back', 'history.forward', 'history.last'];

// Header (2), tabs (1), subtitle (1), message (1), hint bar (1).
const CHROME_LINES = 6;

export function NodePane(props: NodePaneProps) {
  const {tools, width, height, isActive, readonly} = props;
  const {exit} = useApp();
  const bodyHeight = Math.max(1, height - CHROME_LINES);
  const [state, dispatch] = useReducer(nodePaneReducer, bodyHeight, initialNodePaneState);
  const {identity, report, loading, notANode, problem} = useNodeReport(tools, {
    identity: props.identity,
    journalDirectory: props.journalDirectory,
    apiNode: props.apiNode,
    lookupApiNode: props.lookupApiNode,
    refreshCount: state.refreshCount,
  });
  const units = useMemo(() => (identity ? watchedUnits(identity) : []), [identity]);
  const journal = useJournalPreview(tools, units, props.journalDirectory, state.refreshCount);
  const pod = usePodDetail(tools, identity, report?.runtime, state.detailSandboxId);
  const container = useContainerDetail(tools, identity, report?.runtime, state.detailContainerId);
  useRestartUnit(tools, state.restartRequested, dispatch);

  const view = useMemo(
    () =>
      sectionView({
        state,
        report,
        journal,
        units,
        pod,
        container,
        nowMs: tools.now(),
        journalDirectory: props.journalDirectory,
        loading,
        problem,
      }),
    [state, report, journal, units, pod, container, tools, props.journalDirectory, loading, problem],
  );
  const listHeight = Math.max(1, bodyHeight - view.fixed.length);
  useEffect(() => dispatch({type: 'resize', viewportHeight: listHeight}), [listHeight]);
  const list = activeList(state);
  useEffect(() => dispatch({type: 'rows', list, count: view.lines.length}), [list, view.lines.length]);
  const position = state.lists[list];
  usePaneKeys({
    state,
    dispatch,
    view,
    report,
    pod: pod.detail,
    container,
    tools,
    readonly,
    isActive,
    onBack: props.onBack,
    onQuit: props.onQuit ?? exit,
  });
  const closeReader = useCallback(() => dispatch({type: 'closeReader'}), []);
  const hidden = props.onBack ? [] : STANDALONE_HIDDEN;

  if (notANode) {
    return (
      <Text color="yellow">
        {'kview found no kubelet, no /var/lib/kubelet and no /etc/kubernetes here: ' +
          'this host does not look like a Kubernetes node (use --journal-dir DIR to read a copied journal).'}
      </Text>
    );
  }
  if (state.reader && identity) {
    return (
      <PaneLogReader
        reader={state.reader}
        tools={tools}
        identity={identity}
        units={units}
        journalDirectory={props.journalDirectory}
        width={width}
        height={height}
        isActive={isActive}
        onBack={closeReader}
        onQuit={props.onQuit}
        typedAhead={state.typedAhead}
        hiddenKeys={hidden}
      />
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end" bold>
        {identity
          ? `node ${identity.nodeName} (${identity.flavour})  kubelet ${identity.kubeletUnit}` +
            `${identity.kubeletPid ? ` pid ${identity.kubeletPid}` : ' (no process)'}  runtime ${identity.runtimeSocket}`
          : 'detecting the node…'}
        {readonly ? <Text color="yellow"> [readonly]</Text> : null}
      </Text>
      <Text wrap="truncate-end" color={props.modeLine ? 'yellow' : undefined} dimColor={!props.modeLine}>
        {props.modeLine ?? identity?.evidence.at(-1) ?? ' '}
      </Text>
      <SectionTabs section={state.section} counts={view.counts} />
      <Text wrap="truncate-end" dimColor>
        {view.subtitle}
      </Text>
      {state.helpOpen ? (
        <HelpOverlay height={bodyHeight} width={width} scope="node" hidden={hidden} />
      ) : state.dialog ? (
        <Box height={bodyHeight}>
          <RestartDialog dialog={state.dialog} />
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
        {state.message ?? ' '}
      </Text>
      <HintBar width={width} scope="node" hidden={hidden} />
    </Box>
  );
}
