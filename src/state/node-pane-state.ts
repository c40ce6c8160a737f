import type {Command} from './keymap.js';
import type {TypedKey} from './log-input.js';

export const NODE_SECTIONS = ['findings', 'units', 'journal', 'runtime', 'os'] as const;
export type NodeSection = (typeof NODE_SECTIONS)[number];
export type RuntimeListView = 'pods' | 'containers' | 'images';
// Lists with their own cursor: each section, and the pod detail opened from the runtime section.
export type ListKey = NodeSection | 'detail';

interface ListPosition {
  cursor: number;
  top: number;
  count: number;
}

export interface RestartDialog {
  unit: string;
  // Cancel is focused first, so a stray Enter never restarts the kubelet.
  focus: 'cancel' | 'restart';
}

// What the log reader shows over the pane: a journal (one unit, or every watched unit interleaved when unit is
// undefined), or the log files of a pod opened in the runtime section (one container, or all).
export type PaneReader =
  // filter: a regular expression applied from the start (a finding's lines).
  | {kind: 'journal'; unit: string | undefined; withFilter: boolean; filter?: string}
  | {kind: 'podFiles'; pod: PodLogFiles; container: string | undefined; withFilter: boolean};

export interface PodLogFiles {
  directory: string;
  namespace: string;
  pod: string;
  containers: readonly string[];
}

export interface NodePaneState {
  section: NodeSection;
  lists: Record<ListKey, ListPosition>;
  viewportHeight: number;
  runtimeView: RuntimeListView;
  detailSandboxId: string | undefined;
  // The container opened from the containers view (its inspect and log tail); shares the 'detail' list.
  detailContainerId: string | undefined;
  reader: PaneReader | undefined;
  // Keys typed after the reader was asked for and before it was drawn; the reader applies them first.
  typedAhead: readonly TypedKey[];
  dialog: RestartDialog | undefined;
  // Set when the operator confirmed; the pane runs the restart and reports back with 'restartFinished'.
  restartRequested: string | undefined;
  message: string | undefined;
  refreshCount: number;
  helpOpen: boolean;
}

export type NodePaneAction =
  // rowCount: the active list's length as shown when the key was pressed, so a key typed right after the list
  // changed moves within what the operator sees.
  | {type: 'command'; command: Command; rowCount?: number}
  | {type: 'rows'; list: ListKey; count: number}
  | {type: 'resize'; viewportHeight: number}
  | {type: 'openDetail'; sandboxId: string}
  | {type: 'openContainer'; containerId: string}
  | {type: 'openReader'; reader: PaneReader}
  | {type: 'typedAhead'; typed: TypedKey}
  | {type: 'closeReader'}
  | {type: 'askRestart'; unit: string; refusal: string | undefined}
  | {type: 'restartFinished'; message: string};

const emptyPosition: ListPosition = {cursor: 0, top: 0, count: 0};

export function initialNodePaneState(viewportHeight = 20): NodePaneState {
  const lists = Object.fromEntries([...NODE_SECTIONS, 'detail'].map((key) => [key, emptyPosition])) as Record<
    ListKey,
    ListPosition
  >;
  return {
    section: 'findings',
    lists,
    viewportHeight: Math.max(1, viewportHeight),
    runtimeView: 'pods',
    detailSandboxId: undefined,
    detailContainerId: undefined,
    reader: undefined,
    typedAhead: [],
    dialog: undefined,
    restartRequested: undefined,
    message: undefined,
    refreshCount: 0,
    helpOpen: false,
  };
}

export function activeList(state: NodePaneState): ListKey {
  return state.section === 'runtime' && isDetailOpen(state) ? 'detail' : state.section;
}

// Esc first closes what is open inside the pane (a pod, a container, a dialog); only then it leaves.
export function backLeavesPane(state: NodePaneState): boolean {
  return !state.dialog && !isDetailOpen(state);
}

export function isDetailOpen(state: NodePaneState): boolean {
  return state.detailSandboxId !== undefined || state.detailContainerId !== undefined;
}

export function nodePaneReducer(state: NodePaneState, action: NodePaneAction): NodePaneState {
  switch (action.type) {
    case 'rows':
      return moveTo(state, action.list, state.lists[action.list].cursor, action.count);
    case 'resize':
      return moveTo(
        {...state, viewportHeight: Math.max(1, action.viewportHeight)},
        activeList(state),
        state.lists[activeList(state)].cursor,
      );
    case 'openDetail':
      return moveTo({...state, detailSandboxId: action.sandboxId}, 'detail', 0);
    case 'openContainer':
      return moveTo({...state, detailContainerId: action.containerId}, 'detail', 0);
    case 'openReader':
      return {...state, reader: action.reader, typedAhead: [], message: undefined};
    case 'typedAhead':
      return state.reader ? {...state, typedAhead: [...state.typedAhead, action.typed]} : state;
    case 'closeReader':
      return {...state, reader: undefined};
    case 'askRestart':
      return action.refusal
        ? {...state, message: action.refusal}
        : {...state, dialog: {unit: action.unit, focus: 'cancel'}, message: undefined};
    case 'restartFinished':
      return {...state, restartRequested: undefined, message: action.message, refreshCount: state.refreshCount + 1};
    case 'command': {
      if (state.dialog) return dialogCommand(state, state.dialog, action.command);
      const list = activeList(state);
      const counted =
        action.rowCount === undefined ? state : moveTo(state, list, state.lists[list].cursor, action.rowCount);
      return paneCommand(counted, action.command);
    }
  }
}

function dialogCommand(state: NodePaneState, dialog: RestartDialog, command: Command): NodePaneState {
  switch (command) {
    case 'node.nextSection':
    case 'node.previousSection':
      return {...state, dialog: {...dialog, focus: dialog.focus === 'cancel' ? 'restart' : 'cancel'}};
    case 'node.open':
      return dialog.focus === 'restart'
        ? {...state, dialog: undefined, restartRequested: dialog.unit, message: `restarting ${dialog.unit}…`}
        : {...state, dialog: undefined, message: 'restart cancelled'};
    case 'app.back':
      return {...state, dialog: undefined, message: 'restart cancelled'};
    default:
      // Nothing else acts behind an open dialog.
      return state;
  }
}

function paneCommand(state: NodePaneState, command: Command): NodePaneState {
  const list = activeList(state);
  const {cursor} = state.lists[list];
  const page = state.viewportHeight;
  switch (command) {
    case 'cursor.down':
      return moveTo(state, list, cursor + 1);
    case 'cursor.up':
      return moveTo(state, list, cursor - 1);
    case 'cursor.pageDown':
      return moveTo(state, list, cursor + page);
    case 'cursor.pageUp':
      return moveTo(state, list, cursor - page);
    case 'cursor.top':
      return moveTo(state, list, 0);
    case 'cursor.bottom':
      return moveTo(state, list, state.lists[list].count - 1);
    case 'app.toggleHelp':
      return {...state, helpOpen: !state.helpOpen};
    case 'node.nextSection':
      return switchSection(state, 1);
    case 'node.previousSection':
      return switchSection(state, -1);
    case 'app.back':
      return isDetailOpen(state) ? {...state, detailSandboxId: undefined, detailContainerId: undefined} : state;
    case 'app.filter':
      // In the Journal section the pane opens the reader with its filter prompt (see NodePane).
      return {...state, message: 'the filter (/) reads a journal: go to the Journal section'};
    case 'node.refresh':
      return {...state, refreshCount: state.refreshCount + 1, message: undefined};
    case 'node.runtimeView': {
      const views: RuntimeListView[] = ['pods', 'containers', 'images'];
      const runtimeView = views[(views.indexOf(state.runtimeView) + 1) % views.length] ?? 'pods';
      return moveTo({...state, runtimeView, detailSandboxId: undefined, detailContainerId: undefined}, 'runtime', 0);
    }
    default:
      return state;
  }
}

function switchSection(state: NodePaneState, step: number): NodePaneState {
  const index = NODE_SECTIONS.indexOf(state.section);
  const section = NODE_SECTIONS[(index + step + NODE_SECTIONS.length) % NODE_SECTIONS.length] ?? 'findings';
  return {...state, section, message: undefined};
}

// Keeps the cursor inside the list and the window over the cursor, moving the window only when it must.
function moveTo(state: NodePaneState, list: ListKey, index: number, count = state.lists[list].count): NodePaneState {
  const cursor = Math.max(0, Math.min(count - 1, index));
  let top = state.lists[list].top;
  if (cursor < top) top = cursor;
  if (cursor >= top + state.viewportHeight) top = cursor - state.viewportHeight + 1;
  top = Math.max(0, Math.min(top, Math.max(0, count - state.viewportHeight)));
  return {...state, lists: {...state.lists, [list]: {cursor, top, count}}};
}
