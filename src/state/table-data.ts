import type {RowChange, TableColumnDefinition, TableRow} from '../cluster/types.js';
import {formatCell, rowKey} from '../resources/server-table.js';
import {LayeredMap} from './layered-map.js';

export interface TableData {
  columns: TableColumnDefinition[];
  rows: ReadonlyMap<string, TableRow>;
  // Keys in kubectl's order (namespace, then name), as the API server lists them.
  order: readonly string[];
  loaded: boolean;
  // Bumped on every change so views can cache per version (column widths, filtered lists).
  version: number;
  // This version differs from version `since` in these keys only (set, replaced or deleted): what a view
  // re-renders, instead of every row.
  changed?: {since: number; keys: readonly string[]};
}

export const emptyTableData: TableData = {columns: [], rows: new Map(), order: [], loaded: false, version: 0};

// A batch larger than this share of the table re-sorts the order instead of placing each new key.
const PLACE_SHARE = 1 / 8;

export function applySnapshot(data: TableData, columns: TableColumnDefinition[], rows: TableRow[]): TableData {
  const byKey = LayeredMap.from(rows.map((row) => [rowKey(row), row] as const));
  return {columns, rows: byKey, order: sortedKeys(byKey), loaded: true, version: data.version + 1};
}

// One batch from a watch. The rows share what did not change with the previous version, and keys that came or
// went are placed in (or taken from) the order one by one: a burst over 100,000 rows costs the burst.
export function applyChanges(data: TableData, changes: readonly RowChange[]): TableData {
  if (changes.length === 0) return data;
  const latest = new Map<string, TableRow | undefined>();
  for (const change of changes) latest.set(rowKey(change.row), change.type === 'DELETED' ? undefined : change.row);
  const previous = data.rows instanceof LayeredMap ? data.rows : LayeredMap.from(data.rows);
  const rows = previous.with(latest);
  const added: string[] = [];
  const removed: string[] = [];
  for (const [key, row] of latest) {
    const had = previous.has(key);
    if (row && !had) added.push(key);
    if (!row && had) removed.push(key);
  }
  return {
    ...data,
    rows,
    order: reordered(data.order, previous, rows, added, removed),
    version: data.version + 1,
    changed: {since: data.version, keys: [...latest.keys()]},
  };
}

// kubectl's order of two rows: namespace, then name, in byte order (as Go and etcd compare keys; localeCompare
// would disagree with kubectl on case and symbols).
export function compareServerOrder(a: TableRow | undefined, b: TableRow | undefined): number {
  return compare(namespaceOf(a), namespaceOf(b)) || compare(nameOf(a), nameOf(b));
}

function reordered(
  order: readonly string[],
  before: ReadonlyMap<string, TableRow>,
  after: ReadonlyMap<string, TableRow>,
  added: readonly string[],
  removed: readonly string[],
): readonly string[] {
  if (added.length === 0 && removed.length === 0) return order;
  if (added.length + removed.length > Math.max(64, order.length * PLACE_SHARE)) return sortedKeys(after);
  const next = [...order];
  for (const key of removed) {
    const index = indexIn(next, before, before.get(key), key);
    if (index >= 0) next.splice(index, 1);
  }
  for (const key of added) {
    const row = after.get(key);
    next.splice(
      insertionPoint(next, (other) => compareServerOrder(after.get(other), row)),
      0,
      key,
    );
  }
  return next;
}

// The first index whose key sorts after the new one (compareToNew(other) > 0), by binary search.
export function insertionPoint(keys: readonly string[], compareToNew: (other: string) => number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compareToNew(keys[middle] ?? '') > 0) high = middle;
    else low = middle + 1;
  }
  return low;
}

// Where a key is in the sorted order: found by binary search on its row, by scanning when rows compare equal.
function indexIn(
  keys: readonly string[],
  rows: ReadonlyMap<string, TableRow>,
  row: TableRow | undefined,
  key: string,
): number {
  const after = insertionPoint(keys, (other) => compareServerOrder(rows.get(other), row));
  for (let index = after - 1; index >= 0; index--) {
    if (keys[index] === key) return index;
    if (compareServerOrder(rows.get(keys[index] ?? ''), row) !== 0) break;
  }
  return keys.indexOf(key);
}

function sortedKeys(rows: ReadonlyMap<string, TableRow>): string[] {
  const entries = [...rows.entries()].map(([key, row]) => ({key, namespace: namespaceOf(row), name: nameOf(row)}));
  entries.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
  return entries.map((entry) => entry.key);
}

function namespaceOf(row: TableRow | undefined): string {
  return row?.object?.metadata?.namespace ?? '';
}

function nameOf(row: TableRow | undefined): string {
  return row?.object?.metadata?.name ?? (row ? formatCell(row.cells[0]) : '');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
