// An immutable list that only grows at the end and shrinks at the front, in chunks: appending copies at most one
// chunk and the chunk index, never the whole list, so a reducer can keep 100,000 log lines without copying them on
// every batch.
const CHUNK_SIZE = 1024;

export interface ChunkedList<T> {
  readonly chunks: ReadonlyArray<readonly T[]>;
  // Items dropped from the first chunk (still allocated until the whole chunk goes).
  readonly offset: number;
  readonly length: number;
}

export function emptyList<T>(): ChunkedList<T> {
  return {chunks: [], offset: 0, length: 0};
}

export function appendAll<T>(list: ChunkedList<T>, items: readonly T[]): ChunkedList<T> {
  if (items.length === 0) return list;
  const chunks = list.chunks.slice();
  let last = chunks.length > 0 ? (chunks.pop() ?? []).slice() : [];
  for (const item of items) {
    if (last.length === CHUNK_SIZE) {
      chunks.push(last);
      last = [];
    }
    last.push(item);
  }
  chunks.push(last);
  return {chunks, offset: list.offset, length: list.length + items.length};
}

export function dropFirst<T>(list: ChunkedList<T>, count: number): ChunkedList<T> {
  if (count <= 0) return list;
  if (count >= list.length) return emptyList();
  let offset = list.offset + count;
  let first = 0;
  while (offset >= (list.chunks[first]?.length ?? Infinity)) {
    offset -= list.chunks[first]?.length ?? 0;
    first += 1;
  }
  return {chunks: list.chunks.slice(first), offset, length: list.length - count};
}

export function itemAt<T>(list: ChunkedList<T>, index: number): T | undefined {
  if (index < 0 || index >= list.length) return undefined;
  let position = index + list.offset;
  // Every chunk but the last is full, so the chunk is found by division.
  const chunk = list.chunks[Math.floor(position / CHUNK_SIZE)];
  position %= CHUNK_SIZE;
  return chunk?.[position];
}

export function lastItem<T>(list: ChunkedList<T>): T | undefined {
  return itemAt(list, list.length - 1);
}

// The first index whose item is >= the target, for lists kept sorted by a number (sequence numbers).
export function lowerBound<T>(list: ChunkedList<T>, target: number, keyOf: (item: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = itemAt(list, middle);
    if (item !== undefined && keyOf(item) < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function* itemsFrom<T>(list: ChunkedList<T>, start: number, end = list.length): Generator<T> {
  for (let index = Math.max(0, start); index < Math.min(end, list.length); index++) {
    const item = itemAt(list, index);
    if (item !== undefined) yield item;
  }
}
