import type {TableRow} from '../cluster/types.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {eventTime} from '../resources/event-row.js';
import {profileOf} from './kind-profile.js';
import {compareServerOrder} from './table-data.js';

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

// What decides whether a row is shown and where: built once per projection, used for every row.
export interface RowRules {
  included(key: string): boolean;
  // undefined: the server's order (input.keys) as it is.
  order: {value: (key: string) => number | string; direction: 1 | -1} | undefined;
}

// The rows a view shows, in the order it shows them: faults-only, then the text filter on what is on screen
// (case-insensitive regex, inverted with a leading "!"), then the chosen sort. Server order is the default.
export function projectRows(input: ProjectionInput): string[] {
  const rules = rowRules(input);
  const keys = input.keys.filter((key) => rules.included(key));
  if (!rules.order) return keys;
  // Each key's sort value once: a sort of 100,000 rows compares about 1.7 million times.
  const {value, direction} = rules.order;
  // The keys come in the server's order, so their index is the tie-break compareUnder makes by namespace and name.
  const decorated = keys.map((key, index) => ({key, index, value: value(key)}));
  decorated.sort((a, b) => direction * compareValues(a.value, b.value) || a.index - b.index);
  return decorated.map((entry) => entry.key);
}

// How two keys compare under the rules (for placing one row without sorting them all); ties keep the server's
// order whichever the direction, so a row placed on its own lands where a full sort puts it.
export function compareUnder(rules: RowRules, rows: ReadonlyMap<string, TableRow>, a: string, b: string): number {
  if (!rules.order) return serverOrder(rows, a, b);
  const {value, direction} = rules.order;
  return direction * compareValues(value(a), value(b)) || serverOrder(rows, a, b);
}

export function rowRules(input: Omit<ProjectionInput, 'keys'>): RowRules {
  const matcher = input.filter ? compileFilter(input.filter.pattern) : undefined;
  const inverse = input.filter?.inverse ?? false;
  const profile = profileOf(input.kind);
  const included = (key: string) => {
    const cells = input.cells.get(key) ?? [];
    if (input.faultsOnly && !profile.isFault(cellReader(input.headers, cells), input.rows.get(key))) return false;
    if (!matcher) return true;
    return matcher.test(cells.join(' ')) !== inverse;
  };
  if (input.sort)
    return {included, order: {value: sortValue(input, input.sort), direction: input.sort.descending ? -1 : 1}};
  if (profile.newestFirst)
    return {included, order: {value: (key) => -eventTime(input.rows.get(key)?.object), direction: 1}};
  return {included, order: undefined};
}

function serverOrder(rows: ReadonlyMap<string, TableRow>, a: string, b: string): number {
  return compareServerOrder(rows.get(a), rows.get(b));
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

const collator = new Intl.Collator(undefined);

function sortValue(input: Omit<ProjectionInput, 'keys'>, sort: SortOrder): (key: string) => number | string {
  const column = input.headers.indexOf(sort.column);
  if (sort.column === 'LAST SEEN') return (key) => -eventTime(input.rows.get(key)?.object);
  // Older first reads as "largest age first" in the descending order users expect from k9s.
  if (sort.column === 'AGE')
    return (key) => -Date.parse(input.rows.get(key)?.object?.metadata?.creationTimestamp ?? '') || 0;
  return (key) => {
    const text = input.cells.get(key)?.[column] ?? '';
    const number = /^-?\d+(\.\d+)?/.exec(text);
    return number ? Number(number[0]) : text;
  };
}

function compareValues(a: number | string, b: number | string): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}
