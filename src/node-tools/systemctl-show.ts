import {checkedUnitName} from './safe-argument.js';

// The properties kview reads; `systemctl show` is systemd's stable machine interface, `status` is for people.
export const UNIT_PROPERTIES = [
  'Id',
  'Description',
  'LoadState',
  'ActiveState',
  'SubState',
  'UnitFileState',
  'MainPID',
  'ActiveEnterTimestamp',
  'StateChangeTimestamp',
  'NRestarts',
  'Result',
  'ExecMainStatus',
  'MemoryCurrent',
  'FragmentPath',
  'DropInPaths',
] as const;

export function systemctlShowArgs(unit: string): string[] {
  return ['show', '--no-pager', `--property=${UNIT_PROPERTIES.join(',')}`, '--', checkedUnitName(unit)];
}

export interface UnitStatus {
  unit: string;
  description: string;
  loadState: string;
  activeState: string;
  subState: string;
  unitFileState: string;
  mainPid: number | undefined;
  // When the unit last became active, in ms since the epoch.
  activeSinceMs: number | undefined;
  stateChangedMs: number | undefined;
  restarts: number | undefined;
  result: string;
  exitStatus: number | undefined;
  memoryBytes: number | undefined;
  fragmentPath: string;
  dropInPaths: string[];
}

export function parseSystemctlShow(text: string, unit: string): UnitStatus {
  const values = new Map<string, string>();
  for (const line of text.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) values.set(line.slice(0, equals), line.slice(equals + 1));
  }
  const get = (key: string) => values.get(key) ?? '';
  return {
    unit: get('Id') || unit,
    description: get('Description'),
    loadState: get('LoadState'),
    activeState: get('ActiveState'),
    subState: get('SubState'),
    unitFileState: get('UnitFileState'),
    mainPid: positiveNumber(get('MainPID')),
    activeSinceMs: parseSystemdTimestamp(get('ActiveEnterTimestamp')),
    stateChangedMs: parseSystemdTimestamp(get('StateChangeTimestamp')),
    restarts: wholeNumber(get('NRestarts')),
    result: get('Result'),
    exitStatus: wholeNumber(get('ExecMainStatus')),
    memoryBytes: wholeNumber(get('MemoryCurrent')),
    fragmentPath: get('FragmentPath'),
    dropInPaths: get('DropInPaths')
      .split(' ')
      .filter((path) => path !== ''),
  };
}

// "[not set]", empty, and 2^64-1 (systemd's "infinity") all mean unknown.
function wholeNumber(value: string): number | undefined {
  if (!/^\d+$/.test(value) || value === '18446744073709551615') return undefined;
  return Number(value);
}

function positiveNumber(value: string): number | undefined {
  const number = wholeNumber(value);
  return number && number > 0 ? number : undefined;
}

// "Tue 2024-09-10 08:34:05 KST" in the host's zone (systemd prints local time), or "@1725924845" with
// --timestamp=unix on newer systemd. The zone abbreviation is ignored: it is the host's own zone.
export function parseSystemdTimestamp(value: string): number | undefined {
  const unix = /^@(\d+)$/.exec(value);
  if (unix) return Number(unix[1]) * 1000;
  const match = /(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return new Date(year, month - 1, day, hour, minute, second).getTime();
}
