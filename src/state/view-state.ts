import type {ConnectionState, RowChange, TableColumnDefinition, TableRow} from '../cluster/types.js';
import type {Command} from './keymap.js';
import {applyChanges, applySnapshot, emptyTableData} from './table-data.js';
import type {TableData} from './table-data.js';

export interface ViewState {
  table: TableData;
  connection: ConnectionState;
  selectedIndex: number;
  // First visible row; moves only when the cursor would leave the window, as in less and k9s.
  scrollTop: number;
  viewportHeight: number;
  wide: boolean;
  helpOpen: boolean;
}

export type ViewAction =
  | {type: 'snapshot'; columns: TableColumnDefinition[]; rows: TableRow[]}
  | {type: 'changes'; changes: readonly RowChange[]}
  | {type: 'connection'; state: ConnectionState}
  | {type: 'resize'; viewportHeight: number}
  | {type: 'command'; command: Command};

export function initialViewState(options: {wide?: boolean; viewportHeight?: number} = {}): ViewState {
  return {
    table: emptyTableData,
    connection: {phase: 'connecting', loaded: 0},
    selectedIndex: 0,
    scrollTop: 0,
    viewportHeight: Math.max(1, options.viewportHeight ?? 20),
    wide: options.wide ?? false,
    helpOpen: false,
  };
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'snapshot':
      return followSelection(state, applySnapshot(state.table, action.columns, action.rows));
    case 'changes':
      return followSelection(state, applyChanges(state.table, action.changes));
    case 'connection':
      return {...state, connection: action.state};
    case 'resize':
      return moveTo({...state, viewportHeight: Math.max(1, action.viewportHeight)}, state.selectedIndex);
    case 'command':
      return applyCommand(state, action.command);
  }
}

function applyCommand(state: ViewState, command: Command): ViewState {
  const page = state.viewportHeight;
  switch (command) {
    case 'cursor.down':
      return moveTo(state, state.selectedIndex + 1);
    case 'cursor.up':
      return moveTo(state, state.selectedIndex - 1);
    case 'cursor.pageDown':
      return moveTo(state, state.selectedIndex + page);
    case 'cursor.pageUp':
      return moveTo(state, state.selectedIndex - page);
    case 'cursor.top':
      return moveTo(state, 0);
    case 'cursor.bottom':
      return moveTo(state, state.table.order.length - 1);
    case 'view.toggleWide':
      return {...state, wide: !state.wide};
    case 'app.toggleHelp':
      return {...state, helpOpen: !state.helpOpen};
    default:
      // Quit and the keys of other views are handled elsewhere.
      return state;
  }
}

function moveTo(state: ViewState, index: number): ViewState {
  const count = state.table.order.length;
  const selectedIndex = Math.max(0, Math.min(count - 1, index));
  let scrollTop = state.scrollTop;
  if (selectedIndex < scrollTop) scrollTop = selectedIndex;
  if (selectedIndex >= scrollTop + state.viewportHeight) scrollTop = selectedIndex - state.viewportHeight + 1;
  scrollTop = Math.max(0, Math.min(scrollTop, Math.max(0, count - state.viewportHeight)));
  return {...state, selectedIndex, scrollTop};
}

// The cursor stays on the same object when rows above it come and go; if that object is gone it keeps its place.
function followSelection(state: ViewState, table: TableData): ViewState {
  const selectedKey = state.table.order[state.selectedIndex];
  const found = selectedKey === undefined ? -1 : table.order.indexOf(selectedKey);
  const index = found >= 0 ? found : state.selectedIndex;
  return moveTo({...state, table}, index);
}

export function selectedKey(state: ViewState): string | undefined {
  return state.table.order[state.selectedIndex];
}
