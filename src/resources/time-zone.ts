// The zone kview prints absolute times in. kubectl formats metav1.Time in time.Local, the zone TZ names, so kview
// does the same; renderers take the zone as a parameter (like `now`) so a test can pick one without touching TZ,
// which Node reads once at start.
export interface TimeZone {
  // Minutes east of UTC at the given instant (DST moves it).
  offsetMinutes(epochMilliseconds: number): number;
}

// The process's local zone, from TZ or the system's /etc/localtime.
export const LOCAL_ZONE: TimeZone = {
  offsetMinutes: (epochMilliseconds) => -new Date(epochMilliseconds).getTimezoneOffset(),
};

export const UTC_ZONE: TimeZone = {offsetMinutes: () => 0};

// An IANA zone by name ("Asia/Seoul"), for tests and for callers that are told the zone rather than inherit it.
export function namedZone(name: string): TimeZone {
  const format = new Intl.DateTimeFormat('en-US', {timeZone: name, timeZoneName: 'longOffset'});
  return {
    offsetMinutes(epochMilliseconds) {
      const label = format.formatToParts(epochMilliseconds).find((part) => part.type === 'timeZoneName')?.value ?? '';
      const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label);
      if (!match) return 0;
      const minutes = Number(match[2]) * 60 + Number(match[3]);
      return match[1] === '-' ? -minutes : minutes;
    },
  };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

interface WallClock {
  wall: Date;
  offset: string;
}

// The zone's wall clock at an instant (read with getUTC*) and its offset as Go prints it with -0700.
function wallClock(epochMilliseconds: number, zone: TimeZone): WallClock {
  const minutes = zone.offsetMinutes(epochMilliseconds);
  const absolute = Math.abs(minutes);
  return {
    wall: new Date(epochMilliseconds + minutes * 60_000),
    offset: `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(absolute / 60))}${pad(absolute % 60)}`,
  };
}

// Go's time.RFC1123Z ("Mon, 02 Jan 2006 15:04:05 -0700") in the given zone: the layout of every time in describe.
export function rfc1123z(timestamp: string | undefined, zone: TimeZone): string {
  if (!timestamp) return '';
  const epoch = Date.parse(timestamp);
  if (Number.isNaN(epoch)) return timestamp;
  const {wall, offset} = wallClock(epoch, zone);
  return (
    `${DAYS[wall.getUTCDay()]}, ${pad(wall.getUTCDate())} ${MONTHS[wall.getUTCMonth()]} ${wall.getUTCFullYear()} ` +
    `${clock(wall)} ${offset}`
  );
}

// A metav1.Time that is not a pointer prints Go's zero time when unset, in UTC whatever the local zone.
export function rfc1123zOrZero(timestamp: string | undefined, zone: TimeZone): string {
  return timestamp ? rfc1123z(timestamp, zone) : 'Mon, 01 Jan 0001 00:00:00 +0000';
}

// "15:04:05 -0700": a time of day kview prints on its own (a log marker), with the offset so it is never ambiguous.
export function clockText(epochMilliseconds: number, zone: TimeZone): string {
  const {wall, offset} = wallClock(epochMilliseconds, zone);
  return `${clock(wall)} ${offset}`;
}

// "2006-01-02 15:04:05 -0700": a full time kview prints on its own (a container's start and finish).
export function dateTimeText(epochMilliseconds: number, zone: TimeZone): string {
  const {wall, offset} = wallClock(epochMilliseconds, zone);
  const date = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  return `${date} ${clock(wall)} ${offset}`;
}

function clock(wall: Date): string {
  return `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
}
