import {createMirrorTracker} from '../state/mirror-pods.js';
import {useEffect, useMemo, useReducer, useState} from 'react';
import {Box} from 'ink';
import {Text} from './themed-text.js';
import {useLatest} from './use-latest.js';
import {useMounted} from './use-mounted.js';
import {errorLine} from '../resources/error-line.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import type {ViewTarget} from '../state/navigation.js';
import {kubectlEquivalent} from '../state/navigation.js';
import {commandsFor} from '../state/keymap.js';
import {useKeymap} from './settings-context.js';
import type {Command} from '../state/keymap.js';
import {initialViewState, liveMarks, selectedKey, viewReducer} from '../state/view-state.js';
import {drillTarget, eventsFor, isNode, logsTarget} from '../state/drill.js';
import type {SelectedObject} from '../state/drill.js';
import {kindId, profileOf, rendererFor} from '../state/kind-profile.js';
import {cellReader} from '../state/row-projection.js';
import {actionOfCommand} from '../state/actions.js';
import type {ActionSpec} from '../state/actions.js';
import {ResourceTable} from './ResourceTable.js';
import {StatusLine} from './StatusLine.js';
import {rowsAreLive} from './connection-label.js';
import {severityColor} from './theme.js';
import {useTableWatch} from './use-table-watch.js';
import {usePodsPerNode} from './use-pods-per-node.js';
import {useNodeUsage} from './use-node-usage.js';
import {useProjectedRows} from './use-projected-rows.js';
import {useAllowedActions} from './use-allowed-actions.js';
import type {ActionRequest} from '../state/actions.js';
import type {World} from './world.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {useClipboard} from './use-clipboard.js';
import {useViewKeys} from './input-gate.js';
import {useTerminalActions} from './use-terminal-actions.js';

type TableTarget = Extract<ViewTarget, {type: 'table'}>;

export interface TableViewProps {
  world: World;
  target: TableTarget;
  width: number;
  height: number;
  initialWide?: boolean;
  onNavigate(target: ViewTarget): void;
  onAction(request: ActionRequest): void;
  // F: the App's port-forward flow (use-port-forward.ts).
  onPortForward?(target: {kind: ResourceKind; namespace: string | undefined; name: string}): void;
  onFlash(message: string): void;
}

// Lines this view takes besides its rows: the status line and the column header.
const OWN_CHROME = 2;

export function TableView(props: TableViewProps) {
  const {world, target, width, height} = props;
  const bodyHeight = Math.max(1, height - OWN_CHROME);
  const [state, dispatch] = useReducer(
    viewReducer,
    {wide: props.initialWide, viewportHeight: bodyHeight},
    initialViewState,
  );
  const [now, setNow] = useState(() => world.now());
  // Column widths follow the data, not the clock: re-measured (at the time the rows changed) when rows change.
  const [measured, setMeasured] = useState({version: state.table.version, at: now});
  if (measured.version !== state.table.version) setMeasured({version: state.table.version, at: world.now()});
  const renderedAt = measured.at;
  const {kind} = target;
  const profile = profileOf(kind);
  const needsObject = profile.wholeObjects;
  useTableWatch(
    world.cluster,
    kind,
    {
      namespace: kind.namespaced ? target.namespace : undefined,
      labelSelector: target.labelSelector,
      fieldSelector: target.fieldSelector,
      includeObject: needsObject ? 'Object' : undefined,
    },
    dispatch,
  );
  const podsPerNode = usePodsPerNode(world.cluster, isNode(kind));
  const nodeUsage = useNodeUsage(world.cluster, isNode(kind));
  const allowed = useAllowedActions(world, kind, target.namespace);
  const terminalActions = useTerminalActions({
    world,
    onFlash: (message) => props.onFlash(message),
    onNavigate: (next) => props.onNavigate(next),
  });

  useEffect(() => dispatch({type: 'resize', viewportHeight: bodyHeight}), [bodyHeight]);
  useEffect(() => {
    // AGE ticks once a second, like re-running kubectl would show.
    const timer = setInterval(() => setNow(world.now()), 1000);
    return () => clearInterval(timer);
  }, [world]);

  const [hasMirrorPod] = useState(createMirrorTracker);
  const mirrorPods = useMemo(() => hasMirrorPod(state.table), [hasMirrorPod, state.table]);
  const renderer = useMemo(
    () =>
      rendererFor(kind, state.table.columns, {
        wide: state.wide,
        withNamespace: target.namespace === undefined,
        podsPerNode,
        nodeUsage,
        mirrorPods,
      }),
    [kind, state.table.columns, state.wide, target.namespace, podsPerNode, nodeUsage, mirrorPods],
  );
  const projected = useProjectedRows(state, renderer, kind, target.filter, renderedAt, now, dispatch);

  // Ink re-subscribes input handlers only after a render commits, so a key pressed right after a frame could reach
  // the previous render's handler; it reads the newest state through this ref instead of its own closure.
  const latestRef = useLatest({state, renderer});
  const keys = useKeymap();
  const copy = useClipboard();
  const mountedRef = useMounted();

  const selected = (): SelectedObject | undefined => {
    const current = latestRef.current.state;
    const key = selectedKey(current);
    const row = key ? current.table.rows.get(key) : undefined;
    const metadata = row?.object?.metadata;
    if (!row || !metadata?.name) return undefined;
    return {kind, namespace: metadata.namespace, name: metadata.name, object: row.object};
  };

  const run = (command: Command) => {
    const object = selected();
    const {state, renderer} = latestRef.current;
    switch (command) {
      case 'sort.name':
        return dispatch({type: 'sort', column: 'NAME'});
      case 'sort.age':
        return dispatch({type: 'sort', column: renderer.headers.includes('AGE') ? 'AGE' : 'LAST SEEN'});
      case 'sort.status':
        return dispatch({type: 'sort', column: renderer.headers.includes('STATUS') ? 'STATUS' : 'TYPE'});
      case 'sort.next':
      case 'sort.previous': {
        const current = renderer.headers.indexOf(state.sort?.column ?? '');
        const step = command === 'sort.next' ? 1 : renderer.headers.length - 1;
        return dispatch({type: 'sort', column: renderer.headers[(current + step) % renderer.headers.length] ?? 'NAME'});
      }
      case 'view.open':
        return object ? open(object) : undefined;
      case 'view.describe':
        return object
          ? props.onNavigate({type: 'describe', kind, namespace: object.namespace, name: object.name})
          : undefined;
      case 'view.yaml':
        return object
          ? props.onNavigate({type: 'yaml', kind, namespace: object.namespace, name: object.name})
          : undefined;
      case 'view.events':
        return object ? props.onNavigate(eventsFor(object)) : undefined;
      case 'view.logs': {
        const target = object ? logsTarget(object) : undefined;
        return target ? props.onNavigate(target) : props.onFlash('logs: select a pod, a node or a workload');
      }
      case 'view.nodePane':
        // On a node row the pane is for that node: it says so when kview runs elsewhere.
        return props.onNavigate(object && isNode(kind) ? {type: 'node', node: object.name} : {type: 'node'});
      case 'copy.name':
        return object ? props.onFlash(copy(`${kind.singular} name ${object.name}`, object.name)) : undefined;
      default: {
        const action = actionOfCommand(command);
        if (action?.run.type === 'interactive') return object ? runInteractive(action, object) : undefined;
        if (action) return requestAction(action, object);
        return dispatch({type: 'command', command});
      }
    }
  };

  const open = (object: SelectedObject) => {
    const next = drillTarget(object);
    if (!('needsObject' in next)) return props.onNavigate(next);
    world.cluster
      .getObject(kind, object.namespace, object.name)
      .then((full) => {
        const target = drillTarget({...object, object: full});
        if (!('needsObject' in target)) props.onNavigate(target);
      })
      .catch((error: unknown) => props.onFlash(errorLine(error)));
  };

  // The marked rows when the action takes marks and there are some, else the selected row; an action whose dialog
  // needs the whole object (replicas, containers) fetches it first.
  const requestAction = (spec: ActionSpec, object: SelectedObject | undefined) => {
    const refusal = allowed.refusal(spec);
    if (refusal) return props.onFlash(refusal);
    const current = latestRef.current.state;
    const marked = spec.marks
      ? liveMarks(current).flatMap((key) => {
          const metadata = current.table.rows.get(key)?.object?.metadata;
          return metadata?.name ? [{namespace: metadata.namespace, name: metadata.name}] : [];
        })
      : [];
    const targets = marked.length > 0 ? marked : object ? [{namespace: object.namespace, name: object.name}] : [];
    if (targets.length === 0) return props.onFlash(`${spec.id}: select a row first`);
    const request: ActionRequest = {action: spec.id, kind, targets};
    if (!spec.needsObject || !object) return props.onAction(request);
    world.cluster
      .getObject(kind, object.namespace, object.name)
      .then((full) => {
        if (mountedRef.current) props.onAction({...request, object: full});
      })
      .catch((error: unknown) => props.onFlash(`${spec.id}: ${errorLine(error)}`));
  };

  // Shell, attach, edit and port-forward take the terminal or a prompt of their own; their RBAC review is asked
  // by their runner when the key is pressed, --readonly and the kind are checked here like any action's.
  const runInteractive = (spec: ActionSpec, object: SelectedObject) => {
    const refusal = allowed.refusal(spec);
    if (refusal) return props.onFlash(refusal);
    switch (spec.id) {
      case 'edit':
        return terminalActions.edit(object);
      case 'portForward':
        return props.onPortForward?.(object);
      case 'shell':
      case 'attach':
        // The shell opens in the default container, or the containers view picks one.
        if (object.namespace === undefined) return props.onFlash(`${spec.id}: select a pod`);
        return terminalActions[spec.id]({namespace: object.namespace, pod: object.name});
    }
  };

  useViewKeys((input, key) => {
    // Esc first clears the marks, before the App's Esc clears the filter or leaves the view.
    if (key.escape && liveMarks(latestRef.current.state).length > 0) {
      dispatch({type: 'command', command: 'marks.clear'});
      return true;
    }
    for (const command of commandsFor(input, key, 'table', keys, kindId(kind))) {
      // The rest of a typed-ahead burst after ':' or '/' belongs to the prompt.
      if (command === 'app.command' || command === 'app.filter') return;
      run(command);
    }
  });

  // Only the marks of rows that still exist: a mark of a deleted object neither counts nor draws the gutter.
  const markedKeys = new Set(liveMarks(state));
  const marks = markedKeys.size;
  return (
    <Box flexDirection="column" height={height} width={width}>
      <StatusLine
        connection={state.connection}
        count={state.visibleKeys.length}
        total={state.table.order.length}
        what={target.caption ?? kind.plural}
        kubectl={kubectlEquivalent(target, state.wide)}
        notes={[
          state.faultsOnly ? 'faults only' : '',
          target.filter ? `filter: ${target.filter.inverse ? '!' : ''}` + `${target.filter.pattern}` : '',
          state.sort ? `sort: ${state.sort.column}${state.sort.descending ? '↓' : '↑'}` : '',
          marks > 0 ? `${marks} marked (Esc clears)` : '',
        ].filter(Boolean)}
        width={width}
      />
      <ResourceTable
        headers={renderer.headers}
        visibleRows={projected.visibleRows}
        widths={projected.widths}
        selectedKey={selectedKey(state)}
        width={width}
        height={bodyHeight}
        emptyText={emptyText(state.table.loaded, state.table.order.length, target)}
        rowColor={(cells) => severityColor(profile.severity(cellReader(renderer.headers, cells)))}
        markedKeys={markedKeys}
        dim={!rowsAreLive(state.connection)}
      />
      {state.connection.phase === 'forbidden' ? (
        <Text color="red" wrap="truncate-end">
          {sanitizeCell(state.connection.message)}
        </Text>
      ) : null}
    </Box>
  );
}

function emptyText(loaded: boolean, total: number, target: TableTarget): string {
  if (!loaded) return 'Loading…';
  if (target.caption?.startsWith('control plane')) {
    return (
      'No control-plane pods in kube-system: here the components run as host processes or systemd units ' +
      '(n opens the node pane).'
    );
  }
  if (total > 0) return 'No rows match the filter (Esc clears it).';
  return `No ${target.kind.plural} found${target.kind.namespaced ? ` in ${target.namespace ?? 'any namespace'}` : ''}.`;
}
