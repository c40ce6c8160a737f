import {nodeFindings, RESTART_SCHEDULED_MESSAGE_ID} from './findings.js';
import type {Finding, NodeObservations} from './findings.js';
import type {JournalEntry} from './journal-entries.js';
import {readJournal} from './journal-reader.js';
import {flavourProfiles} from './node-flavour.js';
import type {NodeIdentity} from './node-flavour.js';
import type {NodeTools} from './node-tools.js';
import {readOsChecks} from './os-checks.js';
import type {OsChecks} from './os-checks.js';
import {readRuntime} from './runtime-reader.js';
import type {RuntimeView} from './runtime-reader.js';
import {readUnits, watchedUnits} from './unit-reader.js';
import type {UnitReading} from './unit-reader.js';

export interface NodeReport {
  // undefined when reading a copied journal: the units of this host say nothing about that one.
  units: UnitReading[] | undefined;
  runtime: RuntimeView;
  os: OsChecks;
  findings: Finding[];
  readAtMs: number;
}

const FINDINGS_JOURNAL_LINES = 500;

// One pass of every check; all parts run at once and each failure stays inside its part.
export async function readNodeReport(
  tools: NodeTools,
  identity: NodeIdentity,
  options: {journalDirectory?: string; apiNode?: NodeObservations['apiNode']} = {},
): Promise<NodeReport> {
  const [units, runtime, os, journal, restarts] = await Promise.all([
    options.journalDirectory ? Promise.resolve(undefined) : readUnits(tools, watchedUnits(identity)),
    readRuntime(tools, identity),
    readOsChecks(tools),
    readJournal(tools, {
      units: [identity.kubeletUnit],
      lines: FINDINGS_JOURNAL_LINES,
      since: '-1h',
      directory: options.journalDirectory,
    }),
    readJournal(tools, {
      units: [identity.kubeletUnit],
      lines: FINDINGS_JOURNAL_LINES,
      since: '-1h',
      directory: options.journalDirectory,
      matches: [`MESSAGE_ID=${RESTART_SCHEDULED_MESSAGE_ID}`],
    }),
  ]);
  const readAtMs = tools.now();
  const findings = nodeFindings({
    nowMs: readAtMs,
    units,
    runtime,
    os,
    apiNode: options.apiNode,
    journal:
      'entries' in journal
        ? {
            unit: identity.kubeletUnit,
            entries: withEntries(journal.entries, 'entries' in restarts ? restarts.entries : []),
          }
        : undefined,
  });
  return {units, runtime, os, findings, readAtMs};
}

// The latest entries with the restart entries of the hour that fell out of them, in time order, each once.
function withEntries(latest: readonly JournalEntry[], more: readonly JournalEntry[]): JournalEntry[] {
  const seen = new Set(latest.map((entry) => entry.cursor));
  return [...more.filter((entry) => !seen.has(entry.cursor)), ...latest].sort((a, b) => a.timeMs - b.timeMs);
}

// For a copied journal read on a machine that is no node: kubeadm's places, with this host's name.
export function offlineIdentity(hostname: string): NodeIdentity {
  const profile = flavourProfiles.kubeadm;
  return {
    nodeName: hostname,
    flavour: 'kubeadm',
    kubeletUnit: 'kubelet.service',
    runtimeUnit: 'containerd.service',
    runtimeSocket: profile.runtimeSocket,
    crictlConfig: undefined,
    containerdRoot: profile.containerdRoot,
    kubeletRootDir: profile.kubeletRootDir,
    manifestsDir: profile.manifestsDir,
    podLogDir: '/var/log/pods',
    kubeletPid: undefined,
    runtimePid: undefined,
    evidence: ['no kubelet found; reading a copied journal'],
  };
}
