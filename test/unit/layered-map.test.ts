import {test} from 'node:test';
import assert from 'node:assert/strict';
import {LayeredMap} from '../../src/state/layered-map.js';

// A seeded generator, so a failure replays.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

test('every version of a layered map equals a plain Map given the same changes, and earlier versions stay as they were', () => {
  const next = random(7);
  let layered = LayeredMap.from<number>([]);
  const plain = new Map<string, number>();
  const versions: Array<{layered: LayeredMap<number>; plain: Map<string, number>}> = [];
  // Enough changes that the overlay is folded into a new base several times.
  for (let batch = 0; batch < 400; batch++) {
    const changes: Array<[string, number | undefined]> = [];
    for (let change = 0; change < 1 + Math.floor(next() * 30); change++) {
      const key = `k${Math.floor(next() * 1500)}`;
      const value = next() < 0.3 ? undefined : batch * 100 + change;
      changes.push([key, value]);
      if (value === undefined) plain.delete(key);
      else plain.set(key, value);
    }
    layered = layered.with(changes);
    versions.push({layered, plain: new Map(plain)});
  }
  for (const version of versions) {
    assert.equal(version.layered.size, version.plain.size);
    assert.deepEqual(new Map(version.layered), version.plain);
    for (const key of ['k0', 'k7', 'k1499', 'absent']) {
      assert.equal(version.layered.get(key), version.plain.get(key));
      assert.equal(version.layered.has(key), version.plain.has(key));
    }
  }
  assert.deepEqual([...layered.keys()].sort(), [...plain.keys()].sort());
  assert.deepEqual([...layered.values()].sort(), [...plain.values()].sort());
});

test('deleting a key that is not there, or setting one twice in a batch, keeps the size right', () => {
  const map = LayeredMap.from([['a', 1]]).with([
    ['b', 2],
    ['b', 3],
    ['nothing', undefined],
    ['a', undefined],
    ['a', 4],
  ]);
  assert.equal(map.size, 2);
  assert.deepEqual(
    [...map],
    [
      ['a', 4],
      ['b', 3],
    ],
  );
});
