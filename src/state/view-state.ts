import type {ConnectionState, RowChange, TableColumnDefinition, TableRow} from '../cluster/types.js';
import type {Command} from './keymap.js';
import {applyChanges, applySnapshot, emptyTableData} from './table-data.js';
import type {TableData} from './table-data.js';
import type {RowFilter, SortOrder} from './row-projection.js';

export interface ViewState {
  table: TableData;
  connection: ConnectionState;
  // The keys on screen after filter and sort, in display order; the cursor moves over these.
  visibleKeys: readonly string[];
  selectedIndex: number;
  // First visible row; moves only when the cursor would leave the window, as in less and k9s.
  scrollTop: number;
  viewportHeight: number;
  wide: boolean;
  faultsOnly: boolean;
  sort?: SortOrder;
  filter?: RowFilter;
  // Rows marked with space, by row key: delete acts on all of them at once.
  marks: ReadonlySet<string>;
}

export type ViewAction =
  | {type: 'snapshot'; columns: TableColumnDefinition[]; rows: TableRow[]}
  | {type: 'changes'; changes: readonly RowChange[]}
  | {type: 'connection'; state: ConnectionState}
  | {type: 'visible'; keys: readonly string[]}
  | {type: 'resize'; viewportHeight: number}
  | {type: 'filter'; filter: RowFilter | undefined}
  | {type: 'sort'; column: string}
  | {type: 'command'; command: Command};

export function initialViewState(options: {wide?: boolean; viewportHeight?: number} = {}): ViewState {
  return {
    table: emptyTableData,
    connection: {phase: 'connecting', loaded: 0},
    visibleKeys: [],
    selectedIndex: 0,
    scrollTop: 0,
    viewportHeight: Math.max(1, options.viewportHeight ?? 20),
    wide: options.wide ?? false,
    faultsOnly: false,
    marks: new Set(),
  };
}

export function viewReducer(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case 'snapshot':
      return {...state, table: applySnapshot(state.table, action.columns, action.rows)};
    case 'changes':
      return {...state, table: applyChanges(state.table, action.changes)};
    case 'connection':
      return {...state, connection: action.state};
    case 'visible':
      return followSelection(state, action.keys);
    case 'resize':
      return moveTo({...state, viewportHeight: Math.max(1, action.viewportHeight)}, state.selectedIndex);
    case 'filter':
      return {...state, filter: action.filter && action.filter.pattern !== '' ? action.filter : undefined};
    case 'sort':
      // The same column again flips the direction, as in k9s.
      return {
        ...state,
        sort: {
          column: action.column,
          descending: state.sort?.column === action.column ? !state.sort.descending : false,
        },
      };
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
      return moveTo(state, state.visibleKeys.length - 1);
    case 'view.toggleWide':
      return {...state, wide: !state.wide};
    case 'view.toggleFaults':
      return {...state, faultsOnly: !state.faultsOnly};
    case 'marks.toggle': {
      // k9s moves down after a mark, so space space space marks three rows.
      const key = selectedKey(state);
      if (key === undefined) return state;
      const marks = new Set(state.marks);
      if (!marks.delete(key)) marks.add(key);
      return moveTo({...state, marks}, state.selectedIndex + 1);
    }
    case 'marks.clear':
      return state.marks.size === 0 ? state : {...state, marks: new Set()};
    default:
      return state;
  }
}

function moveTo(state: ViewState, index: number): ViewState {
  const count = state.visibleKeys.length;
  const selectedIndex = Math.max(0, Math.min(count - 1, index));
  let scrollTop = state.scrollTop;
  if (selectedIndex < scrollTop) scrollTop = selectedIndex;
  if (selectedIndex >= scrollTop + state.viewportHeight) scrollTop = selectedIndex - state.viewportHeight + 1;
  scrollTop = Math.max(0, Math.min(scrollTop, Math.max(0, count - state.viewportHeight)));
  return {...state, selectedIndex, scrollTop};
}

// The cursor stays on the same object when rows above it come and go; if that object is gone it keeps its place.
function followSelection(state: ViewState, keys: readonly string[]): ViewState {
  const selected = state.visibleKeys[state.selectedIndex];
  const found = selected === undefined ? -1 : keys.indexOf(selected);
  return moveTo({...state, visibleKeys: keys}, found >= 0 ? found : state.selectedIndex);
}

// The marks on rows that still exist: a deleted object's mark goes with it.
export function liveMarks(state: ViewState): string[] {
  return [...state.marks].filter((key) => state.table.rows.has(key));
}

export function selectedKey(state: ViewState): string | undefined {
  return state.visibleKeys[state.selectedIndex];
}
