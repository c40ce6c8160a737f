import type {NodeReport} from '../../node-tools/node-report.js';
import type {ContainerDetail} from '../../node-tools/container-detail.js';
import type {PodDetail} from '../../node-tools/pod-detail.js';
import type {NodePaneState, NodeSection} from '../../state/node-pane-state.js';
import {containerDetailLines} from './container-detail-lines.js';
import {journalHeader, journalSectionLines} from './journal-lines.js';
import {line, problemLine} from './pane-line.js';
import type {PaneLine} from './pane-line.js';
import {findingLines, osLines, unitHeader, unitLines} from './report-lines.js';
import {detailLines, runtimeLines} from './runtime-lines.js';
import type {JournalPreview} from './use-journal-preview.js';
import type {ContainerLogTail} from './runtime-lines.js';
import type {TimeZone} from '../../resources/time-zone.js';

export interface SectionView {
  // Shown above the list and never under the cursor: column headers, notes, problems.
  fixed: PaneLine[];
  lines: PaneLine[];
  // The command line the section is equivalent to, or what it is showing.
  subtitle: string;
  counts: Partial<Record<NodeSection, string>>;
}

export function sectionView(input: {
  state: NodePaneState;
  report: NodeReport | undefined;
  journal: JournalPreview;
  units: readonly string[];
  pod: {detail: PodDetail | undefined; logs: ContainerLogTail[]; problem: string | undefined};
  container: ContainerDetail | undefined;
  nowMs: number;
  // The zone times are printed in; the local zone when absent.
  zone?: TimeZone;
  journalDirectory: string | undefined;
  loading: boolean;
  // Why there is no report (detecting or reading the node failed).
  problem?: string;
}): SectionView {
  const {state, report, journal, units, pod, nowMs} = input;
  const critical = report?.findings.filter((finding) => finding.severity === 'critical').length ?? 0;
  const journalErrors = journal.entries.filter((entry) => entry.priority <= 3).length;
  const counts = {
    findings: report ? `${report.findings.length}${critical ? ` (${critical}!)` : ''}` : undefined,
    journal: journalErrors > 0 ? `${journalErrors} err` : undefined,
  };
  if (!report)
    return {
      fixed: [],
      lines: [
        input.loading
          ? line('loading', 'Reading the node…')
          : input.problem
            ? problemLine('problem', input.problem)
            : line('loading', 'No report'),
      ],
      subtitle: '',
      counts,
    };
  switch (state.section) {
    case 'findings':
      return {
        fixed: [],
        lines: findingLines(report.findings),
        subtitle: 'ordered by severity; each with its evidence',
        counts,
      };
    case 'units':
      return {
        fixed: report.units ? [unitHeader] : [],
        lines: unitLines(report.units, nowMs),
        counts,
        subtitle: 'systemctl show (R restarts the selected unit after a confirmation)',
      };
    case 'journal':
      return {
        fixed: [...(journal.problem ? [problemLine('problem', journal.problem)] : []), journalHeader],
        lines:
          journal.loading && journal.entries.length === 0
            ? [line('loading', 'Reading the journal…')]
            : journalSectionLines(units, journal.entries),
        counts,
        subtitle:
          `${input.journalDirectory ? `copied journal ${input.journalDirectory}` : 'last hour'}: ` +
          'journalctl -p warning; enter reads a journal (follow, since, priority, filter, save), / filters it',
      };
    case 'runtime': {
      if (state.detailContainerId) {
        return {
          fixed: [],
          counts,
          lines: input.container
            ? containerDetailLines(input.container, input.zone)
            : [line('loading', 'Reading the container…')],
          subtitle: `container ${state.detailContainerId.slice(0, 13)}: inspect and last log lines (esc to go back)`,
        };
      }
      if (state.detailSandboxId) {
        return {
          fixed: [],
          lines: pod.detail
            ? detailLines(pod.detail, pod.logs, nowMs)
            : [pod.problem ? problemLine('problem', pod.problem) : line('loading', 'Reading the pod…')],
          subtitle: 'pod walk: sandbox, containers, containerd-shim, processes, log files (esc to go back)',
          counts,
        };
      }
      const {fixed, rows} = runtimeLines(report.runtime, state.runtimeView, nowMs);
      return {
        fixed,
        lines: rows,
        counts,
        subtitle:
          `${report.runtime.source === 'crictl' ? 'crictl' : 'ctr -n k8s.io'} ${state.runtimeView} ` +
          `(v: pods / containers / images, enter: open a ${state.runtimeView === 'containers' ? 'container' : 'pod'})`,
      };
    }
    case 'os':
      return {
        fixed: [],
        lines: osLines(report.os, nowMs),
        subtitle: 'disk, uptime, network, NodePorts, syslog and kern.log',
        counts,
      };
  }
}
