import {test} from 'node:test';
import assert from 'node:assert/strict';
import {advanceResume, resumeSinceTime, skipDelivered} from '../../src/cluster/log-resume.js';
import type {ResumePoint} from '../../src/cluster/log-resume.js';
import {joinPartialRecords, splitTimestamp, timestampKey} from '../../src/cluster/log-timestamp.js';

test('the kubelet timestamp is split off; a line without one is kept whole', () => {
  assert.deepEqual(splitTimestamp('2026-11-22T09:17:24.421982179Z tick 186'), {
    timestamp: '2026-11-22T09:17:24.421982179Z',
    text: 'tick 186',
  });
  assert.deepEqual(splitTimestamp('no timestamp here'), {timestamp: '', text: 'no timestamp here'});
  assert.deepEqual(splitTimestamp('2026-11-22T09:17:24Z '), {timestamp: '2026-11-22T09:17:24Z', text: ''});
});

test('keys sort like instants, across offsets and trimmed fractions', () => {
  assert.ok(timestampKey('2026-11-22T09:17:24.5Z') > timestampKey('2026-11-22T09:17:24.421982179Z'));
  assert.equal(timestampKey('2026-11-22T10:17:24.1+01:00'), timestampKey('2026-11-22T09:17:24.100000000Z'));
  assert.equal(timestampKey('garbage'), '');
});

test('resuming asks from the whole second and skips exactly what was delivered', () => {
  let point: ResumePoint | undefined;
  for (const stamp of ['2026-11-22T09:00:01.100Z', '2026-11-22T09:00:02.200Z', '2026-11-22T09:00:02.200Z']) {
    point = advanceResume(point, stamp);
  }
  assert.ok(point);
  assert.equal(resumeSinceTime(point), '2026-11-22T09:00:02Z');
  const isNew = skipDelivered(point);
  // The server repeats the second from its start: two lines at .200 were delivered, a third one at .200 was not.
  const replay = [
    '2026-11-22T09:00:02.000Z',
    '2026-11-22T09:00:02.200Z',
    '2026-11-22T09:00:02.200Z',
    '2026-11-22T09:00:02.200Z',
    '2026-11-22T09:00:02.300Z',
  ];
  assert.deepEqual(replay.map(isNew), [false, false, false, true, true]);
});

test('a long line cut into CRI records loses only the timestamps at the record boundaries', () => {
  const stamp = '2026-11-22T09:19:15.760178459Z ';
  const recordOf = (character: string) => character.repeat(16_384);
  const joined = joinPartialRecords(`${recordOf('x')}${stamp}${'é'.repeat(8192)}`);
  assert.equal(joined, `${recordOf('x')}${'é'.repeat(8192)}`);
  const logged = `short line that logs a time: ${stamp}and goes on`;
  assert.equal(joinPartialRecords(logged.repeat(300)), logged.repeat(300));
});
