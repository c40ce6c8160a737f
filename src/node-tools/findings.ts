import type {JournalEntry} from './journal-entries.js';
import {diskLevel, hostMounts} from './disk-usage.js';
import type {OsChecks} from './os-checks.js';
import type {RuntimeView} from './runtime-reader.js';
import type {UnitReading} from './unit-reader.js';

export type FindingSeverity = 'critical' | 'warning' | 'info';

export interface Finding {
  severity: FindingSeverity;
  title: string;
  // The line of output that shows it.
  evidence: string;
  // What an operator would type to see it for themselves.
  command: string;
  // The journal that tells more (the node pane opens it on Enter), with a filter for the lines that matter.
  read?: {unit: string; filter?: string};
}

// Everything the checks look at; each part may be missing (a tool absent, no permission, API down).
export interface NodeObservations {
  nowMs: number;
  units?: UnitReading[];
  journal?: {unit: string; entries: JournalEntry[]};
  runtime?: RuntimeView;
  os?: OsChecks;
  // From the API when it answers: the node's Ready condition.
  apiNode?: {ready: boolean; reason: string; message: string};
}

const HOUR_MS = 3_600_000;
const CRASH_LOOP_ATTEMPTS = 3;
// What systemd logs when it restarts a unit.
const RESTART_PATTERN = 'Scheduled restart job|Main process exited';
// systemd's "Scheduled restart job" message (SD_MESSAGE_UNIT_RESTART_SCHEDULED), read by its id: a kubelet that
// fails to start writes hundreds of lines each time, which push these out of any window of its latest lines.
export const RESTART_SCHEDULED_MESSAGE_ID = '5eb03494b6584870a536b337290809b3';

const rank: Record<FindingSeverity, number> = {critical: 0, warning: 1, info: 2};

export function nodeFindings(observed: NodeObservations): Finding[] {
  return [
    ...unitFindings(observed),
    ...journalFindings(observed),
    ...runtimeFindings(observed),
    ...osFindings(observed),
    ...apiFindings(observed),
  ].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

function unitFindings({units = [], journal, nowMs}: NodeObservations): Finding[] {
  const findings: Finding[] = [];
  for (const reading of units) {
    if (!('status' in reading)) continue;
    const {status} = reading;
    const command = `systemctl status ${reading.unit}`;
    if (status.loadState === 'not-found') {
      findings.push({
        severity: 'warning',
        title: `${reading.unit} is not installed`,
        evidence: 'LoadState=not-found',
        command,
      });
    } else if (status.activeState !== 'active') {
      findings.push({
        severity: 'critical',
        title: `${reading.unit} is not active`,
        command,
        read: {unit: reading.unit},
        evidence:
          `ActiveState=${status.activeState} SubState=${status.subState} Result=${status.result}` +
          (status.exitStatus ? ` ExecMainStatus=${status.exitStatus}` : ''),
      });
    }
    const recent =
      journal?.unit === reading.unit
        ? journal.entries.filter(
            (entry) => entry.timeMs >= nowMs - HOUR_MS && new RegExp(RESTART_PATTERN).test(entry.message),
          ).length
        : 0;
    if (recent > 0) {
      findings.push({
        severity: 'critical',
        title: `${reading.unit} restarted ${times(recent)} in the last hour`,
        evidence: `NRestarts=${status.restarts ?? '?'}; ${recent} restart entries in the journal within the hour`,
        command: `journalctl -u ${reading.unit} --since -1h | grep -i restart`,
        read: {unit: reading.unit, filter: RESTART_PATTERN},
      });
    } else if ((status.restarts ?? 0) > 0) {
      findings.push({
        severity: 'warning',
        title: `${reading.unit} has restarted ${times(status.restarts ?? 0)}`,
        evidence: `NRestarts=${status.restarts}`,
        command: `systemctl show ${reading.unit} -p NRestarts`,
        read: {unit: reading.unit, filter: RESTART_PATTERN},
      });
    }
  }
  return findings;
}

function journalFindings({journal, nowMs}: NodeObservations): Finding[] {
  const pleg =
    journal?.entries.filter(
      (entry) => entry.message.includes('PLEG is not healthy') && entry.timeMs >= nowMs - HOUR_MS,
    ) ?? [];
  const last = pleg.at(-1);
  if (!journal || !last) return [];
  return [
    {
      severity: 'critical',
      title: `PLEG is not healthy (${times(pleg.length)} in the last hour)`,
      evidence: last.message.slice(0, 200),
      command: `journalctl -u ${journal.unit} --since -1h | grep PLEG`,
      read: {unit: journal.unit, filter: 'PLEG is not healthy'},
    },
  ];
}

function runtimeFindings({runtime}: NodeObservations): Finding[] {
  if (!runtime) return [];
  const findings: Finding[] = [];
  for (const condition of runtime.conditions.filter((entry) => !entry.ready)) {
    findings.push({
      severity: 'critical',
      title: `container runtime: ${condition.type} is false`,
      evidence: `${condition.reason}: ${condition.message}`.slice(0, 200),
      command: 'crictl info',
    });
  }
  const looping = new Map<string, {attempt: number; exitCode: number | undefined; name: string}>();
  for (const container of runtime.containers) {
    if (container.attempt < CRASH_LOOP_ATTEMPTS || container.state === 'running') continue;
    const key = `${container.podNamespace}/${container.podName}/${container.name}`;
    if ((looping.get(key)?.attempt ?? -1) < container.attempt) {
      looping.set(key, {attempt: container.attempt, exitCode: container.exitCode, name: container.name});
    }
  }
  for (const [key, {attempt, exitCode, name}] of looping) {
    findings.push({
      severity: 'warning',
      title: `container ${key} is crash-looping`,
      evidence: `attempt ${attempt}, exited${exitCode === undefined ? '' : ` with code ${exitCode}`}`,
      command: runtime.source === 'crictl' ? `crictl ps -a --name '^${name}$'` : 'ctr -n k8s.io tasks ls',
    });
  }
  return findings;
}

function osFindings({os, nowMs}: NodeObservations): Finding[] {
  if (!os) return [];
  const findings: Finding[] = [];
  if ('value' in os.mounts) {
    for (const mount of hostMounts(os.mounts.value)) {
      const level = diskLevel(mount.usedPercent);
      if (level === 'ok') continue;
      findings.push({
        severity: level,
        title: `disk ${mount.mountPoint} is ${mount.usedPercent}% full`,
        evidence: `${mount.filesystem} ${mount.usedKb} of ${mount.sizeKb} KiB used`,
        command: 'df -h',
      });
    }
  }
  if ('value' in os.uptimeSeconds && os.uptimeSeconds.value < HOUR_MS / 1000) {
    const minutes = Math.floor(os.uptimeSeconds.value / 60);
    findings.push({
      severity: 'info',
      title: `rebooted ${minutes} minutes ago`,
      evidence: `up ${minutes} min (since ${new Date(nowMs - os.uptimeSeconds.value * 1000).toISOString()})`,
      command: 'last -x reboot',
    });
  }
  return findings;
}

function apiFindings({apiNode, journal}: NodeObservations): Finding[] {
  if (!apiNode || apiNode.ready) return [];
  return [
    {
      severity: 'critical',
      title: 'node is NotReady in the API',
      command: 'kubectl describe node',
      evidence: `Ready=False ${apiNode.reason}: ${apiNode.message}`.slice(0, 200),
      read: journal ? {unit: journal.unit} : undefined,
    },
  ];
}

function times(count: number): string {
  return `${count} time${count === 1 ? '' : 's'}`;
}
