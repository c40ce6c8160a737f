import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {clockText, dateTimeText, LOCAL_ZONE, namedZone, rfc1123z, UTC_ZONE} from '../../src/resources/time-zone.js';

// The example: kubectl in Seoul prints the next day, nine hours ahead.
const INSTANT = '2026-12-01T19:55:27Z';

test('RFC1123Z in UTC, a +09:00 zone and a half-hour zone, crossing midnight where the zone does', () => {
  assert.equal(rfc1123z(INSTANT, UTC_ZONE), 'Tue, 01 Dec 2026 19:55:27 +0000');
  assert.equal(rfc1123z(INSTANT, namedZone('UTC')), 'Tue, 01 Dec 2026 19:55:27 +0000');
  assert.equal(rfc1123z(INSTANT, namedZone('Asia/Seoul')), 'Wed, 02 Dec 2026 04:55:27 +0900');
  assert.equal(rfc1123z(INSTANT, namedZone('Asia/Kolkata')), 'Wed, 02 Dec 2026 01:25:27 +0530');
  assert.equal(rfc1123z(INSTANT, namedZone('America/St_Johns')), 'Tue, 01 Dec 2026 16:25:27 -0330');
});

test('a zone with daylight saving time uses the offset of the instant, not of today', () => {
  const berlin = namedZone('Europe/Berlin');
  assert.equal(rfc1123z('2026-07-01T12:00:00Z', berlin), 'Wed, 01 Jul 2026 14:00:00 +0200');
  assert.equal(rfc1123z('2026-01-01T12:00:00Z', berlin), 'Thu, 01 Jan 2026 13:00:00 +0100');
});

test('a missing time prints nothing and an unparsable one is shown as it came', () => {
  assert.equal(rfc1123z(undefined, UTC_ZONE), '');
  assert.equal(rfc1123z('yesterday', UTC_ZONE), 'yesterday');
});

// Node reads TZ once at start, so the local zone is checked in child processes started with TZ set.
for (const [zone, expected] of [
  ['UTC', 'Tue, 01 Dec 2026 19:55:27 +0000'],
  ['Asia/Seoul', 'Wed, 02 Dec 2026 04:55:27 +0900'],
  ['Asia/Kolkata', 'Wed, 02 Dec 2026 01:25:27 +0530'],
] as const) {
  test(`the local zone honours TZ=${zone}`, () => {
    const module = new URL('../../src/resources/time-zone.ts', import.meta.url).href;
    const script = `import(${JSON.stringify(module)}).then((m) => console.log(m.rfc1123z(${JSON.stringify(INSTANT)}, m.LOCAL_ZONE)))`;
    const output = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
      encoding: 'utf8',
      env: {...process.env, TZ: zone},
    });
    assert.equal(output.trim(), expected);
  });
}

test('this process prints in its own local zone when none is given', () => {
  const offset = -new Date(Date.parse(INSTANT)).getTimezoneOffset();
  assert.equal(LOCAL_ZONE.offsetMinutes(Date.parse(INSTANT)), offset);
});

test("kview's own times carry the zone's offset: a log marker's clock, a container's start", () => {
  const instant = Date.parse(INSTANT);
  assert.equal(dateTimeText(instant, namedZone('Asia/Kolkata')), '2026-12-02 01:25:27 +0530');
  assert.equal(dateTimeText(instant, UTC_ZONE), '2026-12-01 19:55:27 +0000');
  assert.equal(clockText(instant, namedZone('Asia/Seoul')), '04:55:27 +0900');
  assert.equal(clockText(instant, namedZone('Asia/Kolkata')), '01:25:27 +0530');
  assert.equal(clockText(instant, UTC_ZONE), '19:55:27 +0000');
});
