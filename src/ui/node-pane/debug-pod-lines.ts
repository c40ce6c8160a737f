import type {DebugPodPlan, DebugPods} from '../../cluster/debug-pods.js';
import type {Leftover} from '../../cluster/debug-pod-status.js';
import type {PaneDialog} from './DebugPodDialog.js';
import {line, problemLine} from './pane-line.js';
import {DEBUG_POD_LINE} from './remote-lines.js';
import type {DebugPodStatus} from './use-debug-pod.js';

// What the remote pane says about its debug pod tier: the line naming how to get one (or why not), the two
// confirmations and the leftovers of earlier sessions.
export type Dialog = PaneDialog & ({action: 'start'; plan: DebugPodPlan} | {action: 'remove'});

export function debugTierLine(
  readonly: boolean,
  debugPods: DebugPods | undefined,
  forbidden: string | undefined,
  status: DebugPodStatus,
): string {
  const needs = 'units, journal, runtime: need a node debug pod';
  if (readonly) return `${needs}, which --readonly never creates`;
  if (!debugPods) return DEBUG_POD_LINE;
  if (forbidden) return `${needs}; ${forbidden}`;
  if (status.phase === 'starting') return `debug pod starting: ${status.line}`;
  if (status.phase === 'failed') return `debug pod failed: ${status.line} (D tries again)`;
  return `${needs}: D starts one (asks first)`;
}

export function startDialog(plan: DebugPodPlan): Dialog {
  return {
    action: 'start',
    plan,
    title: `Start a node debug pod on ${plan.node}?`,
    lines: [
      `Creates pod ${plan.namespace}/${plan.name} from image ${plan.image}, pinned to node ${plan.node}, ` +
        'tolerating every taint.',
      "Privileges: privileged, the node's PID, network and IPC namespaces, the node's / at /host (root on the node).",
      "Every node tool then runs in it, in the node's mount namespace (nsenter -t 1 -m ARGV), over the exec API.",
      `Deleted when this pane closes or kview quits; Kubernetes ends it after ${plan.deadlineSeconds} s in any case.`,
    ],
    confirm: 'Start',
    confirmFocused: false,
  };
}

export function removeDialog(orphans: readonly Leftover[]): Dialog {
  return {
    action: 'remove',
    title: `Delete ${orphans.length} leftover debug pod${orphans.length === 1 ? '' : 's'}?`,
    lines: orphans.map((entry) => `${entry.namespace}/${entry.name} on ${entry.node}: ${entry.orphaned ?? ''}`),
    confirm: 'Delete',
    confirmFocused: false,
  };
}

export function leftoverLines(leftovers: readonly Leftover[], problem: string | undefined) {
  if (problem) return [problemLine('leftovers', problem)];
  if (leftovers.length === 0) return [];
  const orphans = leftovers.filter((entry) => entry.orphaned !== undefined).length;
  const names = leftovers
    .map(
      (entry) =>
        `${entry.namespace}/${entry.name} (${entry.node}, ${entry.phase}${entry.orphaned ? ', orphaned' : ', in use'})`,
    )
    .join(', ');
  return [
    line('leftovers', `leftover debug pods: ${names}${orphans > 0 ? `; X deletes the ${orphans} orphaned` : ''}`, {
      color: 'yellow',
    }),
  ];
}
