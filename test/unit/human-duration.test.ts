import {test} from 'node:test';
import assert from 'node:assert/strict';
import {ageSince, humanDuration} from '../../src/resources/human-duration.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

// The vectors of kubectl's duration.HumanDuration tests.
const vectors: Array<[number, string]> = [
  [-3 * second, '<invalid>'],
  [-1.5 * second, '0s'],
  [0, '0s'],
  [59 * second, '59s'],
  [119 * second, '119s'],
  [120 * second, '2m'],
  [150 * second, '2m30s'],
  [599 * second, '9m59s'],
  [600 * second, '10m'],
  [179 * minute, '179m'],
  [180 * minute, '3h'],
  [190 * minute, '3h10m'],
  [479 * minute, '7h59m'],
  [8 * hour, '8h'],
  [47 * hour + 59 * minute, '47h'],
  [48 * hour, '2d'],
  [79 * hour, '3d7h'],
  [191 * hour, '7d23h'],
  [192 * hour, '8d'],
  [729 * day, '729d'],
  [730 * day, '2y'],
  [760 * day, '2y30d'],
  [8 * 365 * day, '8y'],
];

for (const [milliseconds, expected] of vectors) {
  test(`humanDuration(${milliseconds} ms) is ${expected}`, () => {
    assert.equal(humanDuration(milliseconds), expected);
  });
}

test('ageSince prints <unknown> for a missing or broken timestamp', () => {
  assert.equal(ageSince(undefined, 0), '<unknown>');
  assert.equal(ageSince('not a time', 0), '<unknown>');
  assert.equal(ageSince('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:05:00Z')), '5m');
});
