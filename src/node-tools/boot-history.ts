// `last -x -F reboot`: one line per boot from wtmp, newest first, with full dates ("-F").
export const LAST_REBOOT_ARGS = ['-x', '-F', 'reboot'] as const;

export interface BootRecord {
  kernel: string;
  bootedAtMs: number | undefined;
  // undefined while it is the running boot ("still running").
  endedAtMs: number | undefined;
  line: string;
}

// "reboot   system boot  5.15.0-76-generic Sun Oct  1 09:12:30 2023   still running"
export function parseLastReboot(text: string): BootRecord[] {
  const records: BootRecord[] = [];
  for (const line of text.split('\n')) {
    const match =
      /^reboot\s+system boot\s+(\S+)\s+(\w{3} \w{3} +\d+ [\d:]+ \d{4})(?: - (\w{3} \w{3} +\d+ [\d:]+ \d{4}))?/.exec(
        line,
      );
    if (!match) continue;
    records.push({
      kernel: match[1] ?? '',
      bootedAtMs: localDate(match[2]),
      endedAtMs: localDate(match[3]),
      line: line.trim(),
    });
  }
  return records;
}

function localDate(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const parsed = Date.parse(text.replace(/ +/g, ' '));
  return Number.isNaN(parsed) ? undefined : parsed;
}

// /proc/uptime: "1652.84 2085.80", seconds since boot and idle seconds summed over CPUs.
export function parseUptimeSeconds(text: string): number | undefined {
  const seconds = Number(text.trim().split(/\s+/)[0]);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
