import type {Finding} from '../../node-tools/findings.js';
import type {OsChecks, Part} from '../../node-tools/os-checks.js';
import {diskLevel, hostMounts} from '../../node-tools/disk-usage.js';
import type {UnitReading} from '../../node-tools/unit-reader.js';
import {journalRowTarget} from '../../state/node-pane-keys.js';
import {columns, formatAge, formatBytes, line, problemLine} from './pane-line.js';
import type {PaneLine} from './pane-line.js';

const severityColor = {critical: 'red', warning: 'yellow', info: 'cyan'} as const;

export function findingLines(findings: readonly Finding[]): PaneLine[] {
  if (findings.length === 0)
    return [line('none', 'No findings: kubelet, runtime, disk and journal look healthy.', {color: 'green'})];
  return findings.flatMap((finding, index) => {
    // Every row of a finding opens the journal that tells more, filtered to its lines.
    const target = finding.read ? journalRowTarget(finding.read.unit, finding.read.filter) : undefined;
    return [
      line(`f${index}`, `${finding.severity.toUpperCase().padEnd(8)} ${finding.title}`, {
        color: severityColor[finding.severity],
        target,
      }),
      line(`f${index}e`, `         evidence: ${finding.evidence}`, {dim: true, target}),
      line(`f${index}c`, `         see: ${finding.command}${target ? '   (enter: read the journal)' : ''}`, {
        dim: true,
        target,
      }),
    ];
  });
}

const UNIT_WIDTHS = [34, 12, 14, 8, 8, 9, 10];

export const unitHeader = line(
  'header',
  columns(['UNIT', 'ACTIVE', 'SUB', 'SINCE', 'PID', 'RESTARTS', 'MEMORY'], UNIT_WIDTHS),
  {dim: true},
);

export function unitLines(units: readonly UnitReading[] | undefined, nowMs: number): PaneLine[] {
  if (!units) return [line('offline', "Units are not read for a copied journal: they would be this host's.")];
  return [
    ...units.map((reading) => {
      if ('problem' in reading)
        return {...problemLine(reading.unit, `${reading.unit}: ${reading.problem.line}`), target: reading.unit};
      const {status} = reading;
      return line(
        reading.unit,
        columns(
          [
            reading.unit,
            status.activeState,
            status.subState,
            formatAge(status.activeSinceMs, nowMs),
            String(status.mainPid ?? '-'),
            String(status.restarts ?? '-'),
            formatBytes(status.memoryBytes),
          ],
          UNIT_WIDTHS,
        ),
        {color: status.activeState === 'active' ? undefined : 'red', target: reading.unit},
      );
    }),
  ];
}

function partLines<T>(key: string, title: string, part: Part<T>, render: (value: T) => PaneLine[]): PaneLine[] {
  return [
    line(`${key}-title`, title, {color: 'cyan'}),
    ...('value' in part ? render(part.value) : [problemLine(`${key}-problem`, part.problem)]),
  ];
}

export function osLines(os: OsChecks, nowMs: number, logLines = 10): PaneLine[] {
  const tail = (key: string) => (lines: string[]) =>
    lines.length === 0
      ? [line(`${key}-empty`, '(empty)')]
      : lines.slice(-logLines).map((text, index) => line(`${key}${index}`, text));
  return [
    ...partLines('disk', 'Disk (df -h)', os.mounts, (mounts) =>
      hostMounts(mounts).map((mount) => {
        const level = diskLevel(mount.usedPercent);
        return line(
          `disk-${mount.mountPoint}`,
          columns(
            [
              mount.mountPoint,
              `${mount.usedPercent}%`,
              `${formatBytes(mount.usedKb * 1024)} of ${formatBytes(mount.sizeKb * 1024)}`,
              mount.filesystem,
            ],
            [30, 5, 20],
          ),
          {color: level === 'critical' ? 'red' : level === 'warning' ? 'yellow' : undefined},
        );
      }),
    ),
    ...partLines('uptime', 'Uptime and reboots (last -x reboot)', os.uptimeSeconds, (seconds) => [
      line('uptime', `up ${formatAge(nowMs - seconds * 1000, nowMs)}`),
    ]),
    ...('value' in os.boots ? os.boots.value.slice(0, 5).map((boot, index) => line(`boot${index}`, boot.line)) : []),
    ...partLines('links', 'Interfaces (ip -j addr)', os.interfaces, (links) =>
      links.map((link) =>
        line(
          `link-${link.name}`,
          columns([link.name, `mtu ${link.mtu ?? '?'}`, link.state, link.addresses.join(' ')], [16, 10, 8]),
        ),
      ),
    ),
    ...partLines('routes', 'Routes (ip -j route)', os.routes, (routes) =>
      routes.map((route, index) =>
        line(
          `route${index}`,
          `${route.destination} ${route.gateway ? `via ${route.gateway} ` : ''}dev ${route.device}`,
        ),
      ),
    ),
    ...partLines('nodeports', 'NodePorts (iptables -t nat -L KUBE-NODEPORTS -n)', os.nodePorts, (rules) =>
      rules.length === 0
        ? [line('nodeports-none', 'no NodePort rules')]
        : rules.map((rule, index) => line(`np${index}`, `${rule.protocol}/${rule.port ?? '?'}  ${rule.service}`)),
    ),
    ...partLines('syslog', 'syslog', os.syslogTail, tail('syslog')),
    ...partLines('kern', 'kern.log', os.kernLogTail, tail('kern')),
  ];
}
