import {useEffect, useMemo} from 'react';
import type {Dispatch} from 'react';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {projectRows} from '../state/row-projection.js';
import type {RowFilter} from '../state/row-projection.js';
import type {ViewAction, ViewState} from '../state/view-state.js';
import type {TableRenderer} from '../resources/table-renderer.js';
import {columnWidths} from './column-widths.js';

export interface ProjectedRows {
  widths: number[];
  visibleRows: Array<{key: string; cells: string[]}>;
  cellsOf(key: string): readonly string[] | undefined;
}

// Renders every row once per data change (for kubectl's all-rows column widths, the filter and the sort) and only
// the visible window again on each AGE tick. The projected key order is handed back to the reducer for the cursor.
export function useProjectedRows(
  state: ViewState,
  renderer: TableRenderer,
  kind: ResourceKind,
  filter: RowFilter | undefined,
  renderedAt: number,
  now: number,
  dispatch: Dispatch<ViewAction>,
): ProjectedRows {
  const cells = useMemo(() => {
    const byKey = new Map<string, string[]>();
    for (const key of state.table.order) {
      const row = state.table.rows.get(key);
      if (row) byKey.set(key, renderer.render(row, renderedAt));
    }
    return byKey;
  }, [state.table, renderer, renderedAt]);
  const widths = useMemo(() => columnWidths(renderer.headers, cells.values()), [renderer, cells]);
  const keys = useMemo(
    () =>
      projectRows({
        keys: state.table.order,
        rows: state.table.rows,
        cells,
        headers: renderer.headers,
        filter,
        sort: state.sort,
        faultsOnly: state.faultsOnly,
        kind,
      }),
    [state.table, cells, renderer, filter, state.sort, state.faultsOnly, kind],
  );
  useEffect(() => dispatch({type: 'visible', keys}), [keys, dispatch]);
  const visibleRows = state.visibleKeys
    .slice(state.scrollTop, state.scrollTop + state.viewportHeight)
    .flatMap((key) => {
      const row = state.table.rows.get(key);
      return row ? [{key, cells: renderer.render(row, now)}] : [];
    });
  return {widths, visibleRows, cellsOf: (key) => cells.get(key)};
}
