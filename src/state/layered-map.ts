// An immutable map that shares its unchanged entries with the version it came from: a watch batch of a few rows
// over 100,000 costs the batch, not a copy of all 100,000 (each version is a reducer state, so none may change).
// The changes sit in a small overlay over a shared base; the overlay is folded into a new base once it grows past
// a fraction of the base, which keeps both a lookup and the amortised cost of a change constant.
const GONE = Symbol('gone');

// Folded when the overlay holds more than this share of the base (and at least MIN_FOLD entries).
const FOLD_SHARE = 1 / 16;
const MIN_FOLD = 1024;

export class LayeredMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly base: ReadonlyMap<string, V>,
    private readonly overlay: ReadonlyMap<string, V | typeof GONE>,
    readonly size: number,
  ) {}

  static from<V>(entries: Iterable<readonly [string, V]>): LayeredMap<V> {
    const base = new Map<string, V>();
    for (const [key, value] of entries) base.set(key, value);
    return new LayeredMap<V>(base, new Map<string, V | typeof GONE>(), base.size);
  }

  // A new version with these changes: a value sets its key, undefined deletes it.
  with(changes: Iterable<readonly [string, V | undefined]>): LayeredMap<V> {
    const overlay = new Map(this.overlay);
    let size = this.size;
    for (const [key, value] of changes) {
      const present = overlay.has(key) ? overlay.get(key) !== GONE : this.base.has(key);
      if (value === undefined) {
        if (present) size -= 1;
        if (this.base.has(key)) overlay.set(key, GONE);
        else overlay.delete(key);
      } else {
        if (!present) size += 1;
        overlay.set(key, value);
      }
    }
    if (overlay.size > Math.max(MIN_FOLD, this.base.size * FOLD_SHARE)) {
      return LayeredMap.from(new LayeredMap(this.base, overlay, size).entries());
    }
    return new LayeredMap(this.base, overlay, size);
  }

  get(key: string): V | undefined {
    const layered = this.overlay.get(key);
    if (layered === GONE) return undefined;
    return layered !== undefined ? layered : this.base.get(key);
  }

  has(key: string): boolean {
    const layered = this.overlay.get(key);
    if (layered === GONE) return false;
    return layered !== undefined || this.base.has(key);
  }

  *entries(): MapIterator<[string, V]> {
    for (const [key, value] of this.base) {
      const layered = this.overlay.get(key);
      if (layered === GONE) continue;
      yield [key, layered !== undefined ? layered : value];
    }
    for (const [key, value] of this.overlay) {
      if (value !== GONE && !this.base.has(key)) yield [key, value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}
