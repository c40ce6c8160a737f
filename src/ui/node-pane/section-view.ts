import type {JournalEntry} from '../../node-tools/journal-entries.js';
import type {NodeReport} from '../../node-tools/node-report.js';
import type {ContainerDetail} from '../../node-tools/container-detail.js';
import type {PodDetail} from '../../node-tools/pod-detail.js';
import {journalEquivalent} from '../../state/node-journal-options.js';
import type {NodePaneState, NodeSection} from '../../state/node-pane-state.js';
import {containerDetailLines} from './container-detail-lines.js';
import {filteredJournalLines, journalLine} from './journal-lines.js';
import {line, problemLine} from './pane-line.js';
import type {PaneLine} from './pane-line.js';
import {findingLines, osLines, unitHeader, unitLines} from './report-lines.js';
import {detailLines, runtimeLines} from './runtime-lines.js';
import type {ContainerLogTail} from './runtime-lines.js';

export interface SectionView {
  // Shown above the list and never under the cursor: column headers, notes, problems.
  fixed: PaneLine[];
  lines: PaneLine[];
  // The command line the section is equivalent to, or what it is showing.
  subtitle: string;
  counts: Partial<Record<NodeSection, string>>;
}

export function sectionView(input: {state: NodePaneState; report: NodeReport | undefined;
  journal: {entries: JournalEntry[]; problem: string | undefined}; journalUnit: string | undefined;
  pod: {detail: PodDetail | undefined; logs: ContainerLogTail[]}; container: ContainerDetail | undefined; nowMs: number; journalDirectory: string | undefined;
  loading: boolean}): SectionView {
  const {state, report, journal, journalUnit, pod, nowMs} = input;
  const critical = report?.findings.filter((finding) => finding.severity === 'critical').length ?? 0;
  const counts = {findings: report ? `${report.findings.length}${critical ? ` (${critical}!)` : ''}` : undefined};
  if (!report) return {fixed: [], lines: [line('loading', input.loading ? 'Reading the node…' : 'No report')],
    subtitle: '', counts};
  switch (state.section) {
    case 'findings':
      return {fixed: [], lines: findingLines(report.findings), subtitle: 'ordered by severity; each with its evidence', counts};
    case 'units':
      return {fixed: report.units ? [unitHeader] : [], lines: unitLines(report.units, nowMs), counts,
        subtitle: 'systemctl show (R restarts the selected unit after a confirmation)'};
    case 'journal': {
      const {filter} = state.journalSearch;
      const lines = filteredJournalLines(journal.entries.map(journalLine), filter);
      const empty = filter ? `-- No entries match ${filter.source} --` : '-- No entries --';
      return {fixed: journal.problem ? [problemLine('problem', journal.problem)] : [],
        lines: lines.length > 0 ? lines : [line('empty', empty)], counts,
        subtitle: (journalUnit ? journalEquivalent(journalUnit, state.journal, input.journalDirectory) : '')
          + (filter ? `  | filter ${filter.source}: ${lines.length} of ${journal.entries.length}` : '')};
    }
    case 'runtime': {
      if (state.detailContainerId) {
        return {fixed: [], counts, lines: input.container ? containerDetailLines(input.container)
          : [line('loading', 'Reading the container…')],
        subtitle: `container ${state.detailContainerId.slice(0, 13)}: inspect and last log lines (esc to go back)`};
      }
      if (state.detailSandboxId) {
        return {fixed: [], lines: pod.detail ? detailLines(pod.detail, pod.logs, nowMs) : [line('loading', 'Reading the pod…')],
          subtitle: 'pod walk: sandbox, containers, containerd-shim, processes, log files (esc to go back)', counts};
      }
      const {fixed, rows} = runtimeLines(report.runtime, state.runtimeView, nowMs);
      return {fixed, lines: rows, counts,
        subtitle: `${report.runtime.source === 'crictl' ? 'crictl' : 'ctr -n k8s.io'} ${state.runtimeView} `
          + `(v: pods / containers / images, enter: open a ${state.runtimeView === 'containers' ? 'container' : 'pod'})`};
    }
    case 'os':
      return {fixed: [], lines: osLines(report.os, nowMs), subtitle: 'disk, uptime, network, NodePorts, syslog and kern.log',
        counts};
  }
}
