import type {TableColumnDefinition, TableRow} from '../cluster/types.js';
import {ageSince} from './human-duration.js';
import {sanitizeCell} from './sanitize-text.js';

export interface RenderOptions {
  wide: boolean;
  // kubectl's -A adds a NAMESPACE column taken from each row's object metadata.
  withNamespace: boolean;
  now: number;
}

export interface ColumnLayout {
  headers: string[];
  // Index into the server row's cells for each shown column; -1 marks the namespace column kview adds.
  sources: number[];
  ageColumn: number;
}

// Which server columns kubectl prints: priority 0 always, the rest only with -o wide.
export function columnLayout(
  columns: TableColumnDefinition[],
  options: Pick<RenderOptions, 'wide' | 'withNamespace'>,
): ColumnLayout {
  const headers: string[] = [];
  const sources: number[] = [];
  if (options.withNamespace) {
    headers.push('NAMESPACE');
    sources.push(-1);
  }
  columns.forEach((column, index) => {
    if (!options.wide && (column.priority ?? 0) !== 0) return;
    headers.push(column.name.toUpperCase());
    sources.push(index);
  });
  const ageColumn = sources.findIndex((source) => source >= 0 && isCreationAge(columns[source]));
  return {headers, sources, ageColumn};
}

// The server renders AGE once, when it answers; recomputing it from creationTimestamp keeps it ticking as kubectl's
// would if run again. Only the metadata-derived "Age" column qualifies: other time columns are the server's.
function isCreationAge(column: TableColumnDefinition | undefined): boolean {
  return column !== undefined && column.name === 'Age' && column.type === 'string';
}

export function renderRow(row: TableRow, layout: ColumnLayout, now: number): string[] {
  const metadata = row.object?.metadata;
  return layout.sources.map((source, index) => {
    if (source === -1) return sanitizeCell(metadata?.namespace ?? '');
    if (index === layout.ageColumn && metadata?.creationTimestamp) return ageSince(metadata.creationTimestamp, now);
    return formatCell(row.cells[source]);
  });
}

// kubectl prints a nil cell as nothing and everything else with Go's fmt.Fprint.
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return sanitizeCell(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return sanitizeCell(JSON.stringify(value));
}

export function rowKey(row: TableRow): string {
  const metadata = row.object?.metadata;
  if (metadata?.uid) return metadata.uid;
  return `${metadata?.namespace ?? ''}/${metadata?.name ?? String(row.cells[0])}`;
}
