import type {EvictionSignal, KubeletConfigSummary} from '../../resources/kubelet-config.js';
import {fields, list, text} from '../../resources/kubelet-fields.js';
import type {LogListingEntry} from '../../resources/kubelet-logs.js';
import type {FsFigures, NodeStats} from '../../resources/kubelet-stats.js';
import type {Part, RemoteNodeReport} from '../../resources/remote-node-report.js';
import type {NodeSection} from '../../state/node-pane-state.js';
import {columns, formatAge, formatBytes, line, problemLine} from './pane-line.js';
import type {PaneLine} from './pane-line.js';
import {findingLines} from './report-lines.js';
import type {SectionView} from './section-view.js';

// What each section cannot show through the kubelet API, and why: said once, above the section's list.
export const REMOTE_LIMITS: Record<NodeSection, string> = {
  findings: 'findings: from the kubelet API and the API server only (no systemctl, journalctl, crictl or ps here)',
  units: 'units: needs a shell on the node (systemctl); not available through the kubelet API',
  journal: 'journal: needs a shell on the node (journalctl) unless the kubelet offers node log query',
  runtime: 'runtime: needs a shell on the node (crictl); the kubelet API shows the pods it runs, not containers',
  os: 'OS: processes, network and mounts need a shell on the node; the kubelet API gives its summary figures',
};
export const DEBUG_POD_LINE = 'units, journal, runtime: need a node debug pod (not available here)';

// Targets of the journal section's /var/log rows: Enter lists a directory or opens a file in the log reader.
export const LOG_DIRECTORY_PREFIX = 'logdir:';
export const LOG_FILE_PREFIX = 'logfile:';

export interface RemoteLogView {
  // The directory under /var/log on screen ('' for /var/log itself) and its entries.
  directory: string;
  entries: Part<LogListingEntry[]> | undefined;
}

export function remoteSectionView(
  section: NodeSection,
  report: RemoteNodeReport | undefined,
  problem: string | undefined,
  logs: RemoteLogView,
  nowMs: number,
  // What the debug pod tier says here: how to start one, or why there is none.
  debugLine: string = DEBUG_POD_LINE,
): SectionView {
  const critical = report?.findings.filter((finding) => finding.severity === 'critical').length ?? 0;
  const counts = {findings: report ? `${report.findings.length}${critical ? ` (${critical}!)` : ''}` : undefined};
  const limit = line('limit', REMOTE_LIMITS[section], {dim: true});
  if (!report)
    return {
      fixed: [limit],
      lines: [
        problem ? problemLine('problem', problem) : line('loading', 'Asking the kubelet through the API server…'),
      ],
      subtitle: '',
      counts,
    };
  const forbidden = report.proxyAllowed ? [] : [problemLine('forbidden', forbiddenLine(report))];
  switch (section) {
    case 'findings':
      return {
        fixed: [...forbidden, limit],
        lines:
          report.findings.length === 0
            ? [
                line(
                  'none',
                  'No findings: kubelet health, eviction thresholds, pods, conditions and events look fine.',
                  {color: 'green'},
                ),
              ]
            : findingLines(report.findings),
        subtitle: 'ordered by severity; each with its evidence and the kubectl command that shows it',
        counts,
      };
    case 'units':
      return {
        fixed: [...forbidden, limit, line('debug', debugLine, {dim: true})],
        lines: kubeletLines(report),
        subtitle: 'the kubelet as it answers: /healthz and /configz through the node proxy',
        counts,
      };
    case 'journal':
      return {
        fixed: [
          ...forbidden,
          'problem' in report.journal ? problemLine('journal', report.journal.problem) : limit,
          line('debug', debugLine, {dim: true}),
        ],
        lines: logLines(report, logs),
        subtitle: `/var/log/${logs.directory ? `${logs.directory}/` : ''} through the kubelet's /logs/ (enter opens; esc goes up)`,
        counts,
      };
    case 'runtime':
      return {
        fixed: [...forbidden, limit, line('debug', debugLine, {dim: true}), podHeader],
        lines: podLines(report),
        subtitle: 'the pods the kubelet runs (/pods, static ones included) with their /stats/summary figures',
        counts,
      };
    case 'os':
      return {
        fixed: [...forbidden, limit],
        lines: osLines(report, nowMs),
        subtitle: "/stats/summary against the kubelet's eviction thresholds; the node's conditions and events",
        counts,
      };
  }
}

export function forbiddenLine(report: RemoteNodeReport): string {
  return `forbidden: get nodes/proxy on node ${report.node} is not allowed for you, so the kubelet cannot be asked`;
}

function partLines<T>(key: string, part: Part<T>, render: (value: T) => PaneLine[]): PaneLine[] {
  return 'value' in part ? render(part.value) : [problemLine(key, part.problem)];
}

function kubeletLines(report: RemoteNodeReport): PaneLine[] {
  return [
    ...partLines('healthz', report.healthz, (body) => [
      line('healthz', `kubelet /healthz: ${body}`, {color: body === 'ok' ? 'green' : 'red'}),
    ]),
    ...partLines('configz', report.config, (config) => [...configHighlights(config), ...configRaw(config)]),
  ];
}

function configHighlights(config: KubeletConfigSummary): PaneLine[] {
  const thresholds = (given: KubeletConfigSummary['evictionHard']) =>
    Object.entries(given)
      .map(([signal, threshold]) => `${signal}<${threshold.text}`)
      .join(' ') || '(none)';
  return [
    line('c-static', `static pod path     ${config.staticPodPath ?? '(none)'}`),
    line('c-cgroup', `cgroup driver       ${config.cgroupDriver ?? '-'}`),
    line(
      'c-runtime',
      `runtime endpoint    ${config.containerRuntimeEndpoint ?? 'not in /configz (a kubelet flag before 1.27)'}`,
    ),
    line('c-maxpods', `max pods            ${config.maxPods ?? '-'}`),
    line('c-hard', `eviction hard       ${thresholds(config.evictionHard)}`),
    line('c-soft', `eviction soft       ${thresholds(config.evictionSoft)}`),
    line('c-authz', `authorization       ${config.authorizationMode ?? '-'}`),
    line(
      'c-logquery',
      `node log query      ${config.systemLogQuery ? 'enabled' : 'off (NodeLogQuery, enableSystemLogQuery)'}`,
    ),
    line('c-all', '/configz, every field:', {dim: true}),
  ];
}

function configRaw(config: KubeletConfigSummary): PaneLine[] {
  return config.raw.map(([name, value]) => line(`raw-${name}`, `  ${name}: ${value}`, {dim: true}));
}

function logLines(report: RemoteNodeReport, logs: RemoteLogView): PaneLine[] {
  const journal = 'value' in report.journal ? report.journal.value.map((text, index) => line(`jq${index}`, text)) : [];
  if (logs.directory && !logs.entries) return [line('loading', `Reading /var/log/${logs.directory}/…`)];
  const entries = logs.entries ?? report.logFiles;
  return [
    ...journal,
    ...partLines('logs', entries, (listed) =>
      listed.length === 0
        ? [line('empty', '(empty directory)')]
        : listed.map((entry) => {
            const path = logs.directory ? `${logs.directory}/${entry.name}` : entry.name;
            return line(`log-${path}`, entry.directory ? `${entry.name}/` : entry.name, {
              target: `${entry.directory ? LOG_DIRECTORY_PREFIX : LOG_FILE_PREFIX}${path}`,
              color: entry.directory ? 'cyan' : undefined,
            });
          }),
    ),
  ];
}

const POD_WIDTHS = [44, 7, 10, 6, 9, 8, 10];
const podHeader = line(
  'pod-header',
  columns(['NAMESPACE/NAME', 'SOURCE', 'PHASE', 'READY', 'RESTARTS', 'CPU', 'MEMORY', 'EPHEMERAL'], POD_WIDTHS),
  {dim: true},
);

function podLines(report: RemoteNodeReport): PaneLine[] {
  const stats = 'value' in report.stats ? report.stats.value.pods : [];
  return partLines('pods', report.pods, (pods) =>
    pods.length === 0
      ? [line('none', 'The kubelet runs no pods.')]
      : pods.map((pod) => {
          const figures = stats.find((entry) => entry.namespace === pod.namespace && entry.name === pod.name);
          return line(
            `pod-${pod.namespace}/${pod.name}`,
            columns(
              [
                `${pod.namespace}/${pod.name}`,
                pod.static ? pod.source : 'api',
                pod.problem ?? pod.phase,
                `${pod.ready}/${pod.containers}`,
                String(pod.restarts),
                millicores(figures?.cpuNanoCores),
                formatBytes(figures?.memoryWorkingSetBytes),
                formatBytes(figures?.ephemeralUsedBytes),
              ],
              POD_WIDTHS,
            ),
            {color: pod.problem || (pod.phase !== 'Running' && pod.phase !== 'Succeeded') ? 'yellow' : undefined},
          );
        }),
  );
}

function millicores(nanoCores: number | undefined): string {
  return nanoCores === undefined ? '-' : `${Math.round(nanoCores / 1e6)}m`;
}

function osLines(report: RemoteNodeReport, nowMs: number): PaneLine[] {
  return [
    ...partLines('stats', report.stats, (stats) => statsLines(stats, report)),
    line('conditions', 'Conditions (API)', {dim: true}),
    ...partLines('node', report.nodeObject, (node) =>
      list(fields(fields(node)['status'])['conditions']).map((entry, index) => {
        const condition = fields(entry);
        const type = text(condition['type']) ?? '';
        const status = text(condition['status']) ?? '';
        const bad = type === 'Ready' ? status !== 'True' : status === 'True';
        return line(
          `cond${index}`,
          columns([type, status, text(condition['reason']) ?? '', text(condition['message']) ?? ''], [20, 8, 28]),
          {color: bad ? 'red' : undefined},
        );
      }),
    ),
    line('events', 'Events (API, newest first)', {dim: true}),
    ...partLines('events', report.events, (events) => eventLines(events, nowMs)),
  ];
}

function statsLines(stats: NodeStats, report: RemoteNodeReport): PaneLine[] {
  const hard = 'value' in report.config ? report.config.value.evictionHard : {};
  const threshold = (signal: EvictionSignal) => (hard[signal] ? `  evicts under ${hard[signal].text}` : '');
  const fs = (key: string, name: string, figures: FsFigures | undefined) =>
    figures
      ? [
          line(
            key,
            columns(
              [
                name,
                `size ${formatBytes(figures.capacityBytes)}`,
                `used ${formatBytes(figures.usedBytes)}`,
                `avail ${formatBytes(figures.availableBytes)}`,
                percentUsed(figures.availableBytes, figures.capacityBytes),
              ],
              [30, 13, 13, 14, 9],
            ) + threshold(key === 'nodefs' ? 'nodefs.available' : 'imagefs.available'),
          ),
          line(
            `${key}-inodes`,
            columns([`${name} inodes`, `${figures.inodes ?? '-'}`, `free ${figures.inodesFree ?? '-'}`], [30, 13, 13]) +
              threshold(key === 'nodefs' ? 'nodefs.inodesFree' : 'imagefs.inodesFree'),
            {dim: true},
          ),
        ]
      : [line(`${key}-none`, `${name}: not reported`)];
  return [
    line('stats', `Summary (/stats/summary${stats.time ? ` at ${stats.time}` : ''})`, {dim: true}),
    line('cpu', `${'cpu'.padEnd(32)}${millicores(stats.cpuNanoCores)}`),
    line(
      'memory',
      `${'memory'.padEnd(32)}working set ${formatBytes(stats.memoryWorkingSetBytes)}  available ${formatBytes(stats.memoryAvailableBytes)}` +
        threshold('memory.available'),
    ),
    ...fs('nodefs', 'nodefs (kubelet root)', stats.nodeFs),
    ...fs('imagefs', 'imagefs (runtime)', stats.imageFs),
    line(
      'pids',
      `${'processes'.padEnd(32)}${stats.processes ?? '-'} of ${stats.maxPids ?? '-'}${threshold('pid.available')}`,
    ),
  ];
}

function percentUsed(available: number | undefined, capacity: number | undefined): string {
  if (available === undefined || !capacity) return '-';
  return `${Math.round((100 * (capacity - available)) / capacity)}% used`;
}

function eventLines(events: readonly unknown[], nowMs: number): PaneLine[] {
  if (events.length === 0) return [line('no-events', '(no events)')];
  const rows = events.map(fields).map((event) => {
    const last = text(event['lastTimestamp']) ?? text(event['eventTime']);
    return {event, at: last ? Date.parse(last) : undefined};
  });
  rows.sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
  return rows
    .slice(0, 50)
    .map(({event, at}, index) =>
      line(
        `ev${index}`,
        columns(
          [formatAge(at, nowMs), text(event['type']) ?? '', text(event['reason']) ?? '', text(event['message']) ?? ''],
          [5, 8, 24],
        ),
        {color: event['type'] === 'Warning' ? 'yellow' : undefined},
      ),
    );
}
