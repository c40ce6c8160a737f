import {useEffect, useMemo, useState} from 'react';
import type {Dispatch} from 'react';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {createProjector} from '../state/projector.js';
import type {RowFilter} from '../state/row-projection.js';
import type {ViewAction, ViewState} from '../state/view-state.js';
import type {TableRenderer} from '../resources/table-renderer.js';

export interface ProjectedRows {
  widths: number[];
  visibleRows: Array<{key: string; cells: string[]}>;
  cellsOf: (key: string) => readonly string[] | undefined;
}

// Every row's cells (for kubectl's all-rows column widths, the filter and the sort) are kept between data
// versions and rendered again only for the rows a batch changed; the visible window is rendered again on each
// AGE tick. The projected key order is handed back to the reducer for the cursor.
export function useProjectedRows(
  state: ViewState,
  renderer: TableRenderer,
  kind: ResourceKind,
  filter: RowFilter | undefined,
  renderedAt: number,
  now: number,
  dispatch: Dispatch<ViewAction>,
): ProjectedRows {
  const [project] = useState(createProjector);
  const projection = useMemo(
    () =>
      project({table: state.table, renderer, renderedAt, filter, sort: state.sort, faultsOnly: state.faultsOnly, kind}),
    [project, state.table, renderer, renderedAt, filter, state.sort, state.faultsOnly, kind],
  );
  const {keys} = projection;
  useEffect(() => dispatch({type: 'visible', keys}), [keys, dispatch]);
  const visibleRows = state.visibleKeys
    .slice(state.scrollTop, state.scrollTop + state.viewportHeight)
    .flatMap((key) => {
      const row = state.table.rows.get(key);
      return row ? [{key, cells: renderer.render(row, now)}] : [];
    });
  return {widths: projection.widths, visibleRows, cellsOf: projection.cellsOf};
}
