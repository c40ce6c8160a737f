import type {ContainerDetail} from '../../node-tools/container-detail.js';
import {podLogsOfFile} from '../../node-tools/pod-log-files.js';
import {line, problemLine} from './pane-line.js';
import {podLogsRowTarget} from '../../state/node-pane-keys.js';
import type {PaneLine} from './pane-line.js';
import {dateTimeText, LOCAL_ZONE} from '../../resources/time-zone.js';
import type {TimeZone} from '../../resources/time-zone.js';

// The inspect's key fields as "label: value" rows, then the log tail, like `crictl inspect` and `crictl logs`.
// Times are in the local zone (TZ) unless one is given, as everywhere kview prints an absolute time.
export function containerDetailLines(detail: ContainerDetail, zone: TimeZone = LOCAL_ZONE): PaneLine[] {
  const time = (ms: number | undefined) => (ms === undefined ? '-' : dateTimeText(ms, zone));
  const {inspect} = detail;
  const lines: PaneLine[] = [
    ...(detail.note ? [line('note', detail.note, {color: 'yellow'})] : []),
    ...detail.problems.map((problem, index) => problemLine(`cp${index}`, problem)),
  ];
  if (inspect) {
    const fields: Array<[string, string]> = [
      ['id', inspect.id],
      ['name', inspect.name],
      ['pod', inspect.pod],
      ['image', inspect.image],
      ['state', inspect.state],
      ['started', time(inspect.startedAtMs)],
      ['finished', time(inspect.finishedAtMs)],
      ['exit code', inspect.exitCode === undefined ? '-' : String(inspect.exitCode)],
      ['reason', inspect.reason || '-'],
      ['log path', inspect.logPath ?? '-'],
      ['pid', inspect.pid === undefined ? '-' : String(inspect.pid)],
    ];
    lines.push(
      line('inspect', 'Inspect', {color: 'cyan'}),
      ...fields.map(([label, value]) =>
        line(`f-${label}`, `${`${label}:`.padEnd(11)}${value}`, {
          color: label === 'exit code' && inspect.exitCode ? 'red' : undefined,
        }),
      ),
      line('mounts', `Mounts (${inspect.mounts.length})`, {color: 'cyan'}),
      ...inspect.mounts.map((mount, index) => line(`m${index}`, `  ${mount}`)),
    );
  }
  // Rows that open the container's log file in the log reader, when the file is known.
  const file = detail.logFile ? podLogsOfFile(detail.logFile) : undefined;
  const target = file ? podLogsRowTarget(file.container) : undefined;
  lines.push(
    line('logs', `Last log lines (${detail.logSource || 'no log'})${target ? '  (enter: read and follow)' : ''}`, {
      color: 'cyan',
      target,
    }),
    ...detail.logLines.map((entry, index) =>
      line(`l${index}`, `  ${entry.text}`, {color: entry.stream === 'stderr' ? 'yellow' : undefined, target}),
    ),
  );
  return lines;
}
