import type {TableRow} from '../cluster/types.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {eventTime} from '../resources/event-row.js';
import {profileOf} from './kind-profile.js';

export interface SortOrder {
  column: string;
  descending: boolean;
}

export interface RowFilter {
  pattern: string;
  inverse: boolean;
}

export interface ProjectionInput {
  keys: readonly string[];
  rows: ReadonlyMap<string, TableRow>;
  cells: ReadonlyMap<string, readonly string[]>;
  headers: readonly string[];
  filter?: RowFilter;
  sort?: SortOrder;
  faultsOnly: boolean;
  kind: Pick<ResourceKind, 'plural' | 'group'>;
}

// The rows a view shows, in the order it shows them: faults-only, then the text filter on what is on screen
// (case-insensitive regex, inverted with a leading "!"), then the chosen sort. Server order is the default.
export function projectRows(input: ProjectionInput): string[] {
  const matcher = input.filter ? compileFilter(input.filter.pattern) : undefined;
  const profile = profileOf(input.kind);
  let keys = input.keys.filter((key) => {
    const cells = input.cells.get(key) ?? [];
    if (input.faultsOnly && !profile.isFault(cellReader(input.headers, cells), input.rows.get(key))) return false;
    if (!matcher || !input.filter) return true;
    return matcher.test(cells.join(' ')) !== input.filter.inverse;
  });
  if (input.sort) keys = sortKeys(keys, input, input.sort);
  else if (profile.newestFirst) {
    keys = [...keys].sort((a, b) => eventTime(input.rows.get(b)?.object) - eventTime(input.rows.get(a)?.object));
  }
  return keys;
}

// A pattern that is not a valid regex is taken literally, so typing "web-[" mid-word never errors.
export function compileFilter(pattern: string): RegExp {
  try {
    return new RegExp(pattern, 'i');
  } catch {
    return new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

// A row's cell by its column header ('' when the view has no such column).
export function cellReader(headers: readonly string[], cells: readonly string[]): (header: string) => string {
  return (name) => cells[headers.indexOf(name)] ?? '';
}

function sortKeys(keys: string[], input: ProjectionInput, sort: SortOrder): string[] {
  const column = input.headers.indexOf(sort.column);
  const timeBased = sort.column === 'AGE' || sort.column === 'LAST SEEN';
  const value = (key: string): number | string => {
    const row = input.rows.get(key);
    if (timeBased) {
      // Older first reads as "largest age first" in the descending order users expect from k9s.
      if (sort.column === 'LAST SEEN') return -eventTime(row?.object);
      return -Date.parse(row?.object?.metadata?.creationTimestamp ?? '') || 0;
    }
    const text = input.cells.get(key)?.[column] ?? '';
    const number = /^-?\d+(\.\d+)?/.exec(text);
    return number ? Number(number[0]) : text;
  };
  const decorated = keys.map((key) => ({key, value: value(key)}));
  decorated.sort((a, b) => {
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? a.value - b.value
        : String(a.value).localeCompare(String(b.value));
    return sort.descending ? -order : order;
  });
  return decorated.map((entry) => entry.key);
}
