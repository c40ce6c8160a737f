import {clockTime} from '../../cluster/clock-time.js';
import {useCallback, useEffect, useMemo, useReducer} from 'react';
import {Box, useApp} from 'ink';
import {Text} from '../themed-text.js';
import type {NodeObservations} from '../../node-tools/findings.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeReport} from '../../node-tools/node-report.js';
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
import type {TimeZone} from '../../resources/time-zone.js';
import {useRestartUnit} from './use-restart-unit.js';
import {RemoteNodePane} from './RemoteNodePane.js';
import type {RemoteNodeAccess} from './use-remote-node.js';
import type {DebugPods} from '../../cluster/debug-pods.js';

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
  // The zone times are printed in; the process's local zone (TZ) when absent.
  timeZone?: TimeZone;
  // A copied journal directory (--journal-dir) read instead of this host's journal.
  journalDirectory?: string;
  apiNode?: NodeObservations['apiNode'];
  // Asks the API server about this node once its name is known (the "NotReady in the API" finding); undefined
  // when the API cannot say. Ignored when apiNode is given.
  lookupApiNode?: (nodeName: string) => Promise<NodeObservations['apiNode'] | undefined>;
  // One line saying why the pane is shown on its own, e.g. that the API server is unreachable.
  modeLine?: string;
  // The node the operator opened the pane for (n on a node row); kview can only read the machine it runs on.
  expectedNode?: string;
  // Reads another node through the API server (the kubelet API); without it the pane says kview runs elsewhere.
  remote?: RemoteNodeAccess;
  // Creates a debug pod for another node (the remote pane's D); absent where kview cannot.
  debugPods?: DebugPods;
  // How the pane reaches the node when it is not the machine kview runs on ("via debug pod NS/NAME").
  via?: string;
}

// Keys only the App carries out (its command line and history); node-only mode runs the pane without it.
const STANDALONE_HIDDEN: readonly Command[] = ['app.command', 'history.back', 'history.forward', 'history.last'];
// The remote pane's keys: this pane reads the node it runs on, or already reads one through its debug pod.
const REMOTE_ONLY: readonly Command[] = ['node.debugPod', 'node.removeLeftovers'];

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
    expectedNode: props.expectedNode,
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
        zone: props.timeZone,
        journalDirectory: props.journalDirectory,
        loading,
        problem,
      }),
    [state, report, journal, units, pod, container, tools, props.timeZone, props.journalDirectory, loading, problem],
  );
  const listHeight = Math.max(1, bodyHeight - view.fixed.length);
  useEffect(() => dispatch({type: 'resize', viewportHeight: listHeight}), [listHeight]);
  const list = activeList(state);
  useEffect(() => dispatch({type: 'rows', list, count: view.lines.length}), [list, view.lines.length]);
  const position = state.lists[list];
  const elsewhere = otherNodeLine(props.expectedNode, identity?.nodeName, notANode);
  const remote = elsewhere && props.remote && props.expectedNode ? props.remote : undefined;
  usePaneKeys({
    state,
    dispatch,
    view,
    report,
    pod: pod.detail,
    container,
    tools,
    readonly,
    // The remote pane has its own keys.
    isActive: isActive && !remote,
    onBack: props.onBack,
    onQuit: props.onQuit ?? exit,
  });
  const closeReader = useCallback(() => dispatch({type: 'closeReader'}), []);
  const standalone = props.onBack ? [] : STANDALONE_HIDDEN;
  const hidden = [...standalone, ...REMOTE_ONLY];
  const kubeletPid = identity ? headerPid(identity, report) : undefined;

  if (remote && props.expectedNode) {
    return (
      <RemoteNodePane
        access={remote}
        node={props.expectedNode}
        reason={remoteReason(identity?.nodeName, notANode)}
        width={width}
        height={height}
        isActive={isActive}
        readonly={readonly}
        now={tools.now}
        onBack={props.onBack}
        onQuit={props.onQuit ?? exit}
        hiddenKeys={standalone}
        debugPods={props.debugPods}
      />
    );
  }
  if (elsewhere) {
    return (
      <Text wrap="truncate-end" color="yellow">
        {elsewhere}
      </Text>
    );
  }
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
          ? `node ${identity.nodeName} (${identity.flavour})${props.via ? ` ${props.via}` : ''}  kubelet ${identity.kubeletUnit}` +
            `${kubeletPid ? ` pid ${kubeletPid}` : ' (no process)'}  runtime ${identity.runtimeSocket}` +
            readLabel(report, loading)
          : 'detecting the node…'}
        {readonly ? <Text color="yellow"> [readonly]</Text> : null}
      </Text>
      <Text wrap="truncate-end" color={props.modeLine ? 'yellow' : undefined} dimColor={!props.modeLine}>
        {props.modeLine ?? identity?.evidence.at(-1) ?? ' '}
      </Text>
      <SectionTabs section={state.section} counts={view.counts} />
      <Text wrap="truncate-end" dimColor>
        {/* Never empty: an empty Text takes no row, and the hint bar would rise one above the last. */}
        {view.subtitle || ' '}
      </Text>
      {state.helpOpen ? (
        <HelpOverlay height={bodyHeight} width={width} scope="node" hidden={hidden} />
      ) : state.dialog ? (
        // A column, so the dialog keeps the height of its lines instead of stretching over the body.
        <Box height={bodyHeight} flexDirection="column" alignItems="flex-start">
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

// The kubelet's PID as systemd last reported it for the unit (what `systemctl show -p MainPID` says), else the
// process detection found; both are read again on every refresh, so a restart never leaves the old one here.
// When what the pane shows was read, and whether a newer read is on its way: a report is never taken for live.
function readLabel(report: NodeReport | undefined, loading: boolean): string {
  if (!report) return '';
  return `  read ${clockTime(report.readAtMs)}${loading ? ', refreshing…' : ''}`;
}

function headerPid(identity: NodeIdentity, report: NodeReport | undefined): number | undefined {
  const reading = report?.units?.find((unit) => unit.unit === identity.kubeletUnit);
  return (reading && 'status' in reading ? reading.status.mainPid : undefined) ?? identity.kubeletPid;
}

function remoteReason(found: string | undefined, notANode: boolean): string {
  return notANode || found === undefined ? 'kview runs on no node here' : `kview runs on node ${found}`;
}

function otherNodeLine(expected: string | undefined, found: string | undefined, notANode: boolean): string | undefined {
  if (expected === undefined || expected === found) return undefined;
  if (notANode)
    return `kview does not run on node ${expected} (this host is no node): run kview on ${expected} to see it`;
  if (found === undefined) return undefined;
  return `kview runs on node ${found}, not on ${expected}: run kview on ${expected} to see it`;
}
