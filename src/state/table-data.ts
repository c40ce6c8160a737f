import type {RowChange, TableColumnDefinition, TableRow} from '../cluster/types.js';
import {formatCell, rowKey} from '../resources/server-table.js';

export interface TableData {
  columns: TableColumnDefinition[];
  rows: ReadonlyMap<string, TableRow>;
  // Keys in kubectl's order (namespace, then name), as the API server lists them.
  order: readonly string[];
  loaded: boolean;
  // Bumped on every change so views can cache per version (column widths, filtered lists).
  version: number;
}

export const emptyTableData: TableData = {columns: [], rows: new Map(), order: [], loaded: false, version: 0};

export function applySnapshot(data: TableData, columns: TableColumnDefinition[], rows: TableRow[]): TableData {
  const byKey = new Map<string, TableRow>();
  for (const row of rows) byKey.set(rowKey(row), row);
  return {columns, rows: byKey, order: sortedKeys(byKey), loaded: true, version: data.version + 1};
}

// One batch from a watch: copying the map once per batch keeps a burst of thousands of events cheap.
export function applyChanges(data: TableData, changes: readonly RowChange[]): TableData {
  if (changes.length === 0) return data;
  const byKey = new Map(data.rows);
  let membershipChanged = false;
  for (const change of changes) {
    const key = rowKey(change.row);
    if (change.type === 'DELETED') {
      membershipChanged = byKey.delete(key) || membershipChanged;
    } else {
      if (!byKey.has(key)) membershipChanged = true;
      byKey.set(key, change.row);
    }
  }
  return {
    ...data,
    rows: byKey,
    order: membershipChanged ? sortedKeys(byKey) : data.order,
    version: data.version + 1,
  };
}

function sortedKeys(rows: ReadonlyMap<string, TableRow>): string[] {
  const entries = [...rows.entries()].map(([key, row]) => ({
    key,
    namespace: row.object?.metadata?.namespace ?? '',
    name: row.object?.metadata?.name ?? formatCell(row.cells[0]),
  }));
  // Byte order, as Go and etcd compare keys; localeCompare would disagree with kubectl on case and symbols.
  entries.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  return entries.map((entry) => entry.key);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
