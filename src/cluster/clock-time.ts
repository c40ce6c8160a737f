// HH:MM:SS in the local time zone (TZ honoured), as an operator reads the clock on the wall: "stale since 21:14:03".
export function clockTime(epochMs: number): string {
  const date = new Date(epochMs);
  return [date.getHours(), date.getMinutes(), date.getSeconds()].map((part) => String(part).padStart(2, '0')).join(':');
}
