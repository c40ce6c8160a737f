import type {Command} from './keymap.js';
import {backLeavesPane, isDetailOpen} from './node-pane-state.js';
import type {NodePaneAction, NodePaneState, PaneReader, PodLogFiles} from './node-pane-state.js';

// What one command does in the node pane, decided from the state and the row under the cursor: the pane's own
// keys as one pure function, so the component only carries them out.
export interface PaneKeyContext {
  // The target of the row under the cursor (a sandbox or container id, a unit, a journal or pod-logs row).
  selected: string | undefined;
  // The active list's length as shown when the key was pressed.
  rowCount: number;
  // The log files of the pod walk or container detail on screen, for the pod-logs rows.
  podLogs: PodLogFiles | undefined;
  // Why a unit cannot be restarted here (--readonly, not root, no systemd), or undefined when it can.
  restartRefusal(unit: string): string | undefined;
}

export type PaneKeyOutcome = {kind: 'quit'} | {kind: 'leave'} | {kind: 'apply'; action: NodePaneAction};

// Targets of the Journal section's rows and of the pod walk's log rows (see the ui's row builders).
const JOURNAL_PREFIX = 'journal:';
const ALL_UNITS = `${JOURNAL_PREFIX}*`;
const POD_LOGS_PREFIX = 'podlogs:';

// A row that opens a journal: one unit (all when undefined), and for a finding the filter for its lines.
export function journalRowTarget(unit: string | undefined, filter?: string): string {
  return (unit === undefined ? ALL_UNITS : `${JOURNAL_PREFIX}${unit}`) + (filter ? `${FILTER_SEPARATOR}${filter}` : '');
}

const FILTER_SEPARATOR = '\u0000';

export function podLogsRowTarget(container: string): string {
  return `${POD_LOGS_PREFIX}${container}`;
}

export function paneKeyOutcome(state: NodePaneState, command: Command, context: PaneKeyContext): PaneKeyOutcome {
  const {selected} = context;
  if (command === 'app.quit' && !state.dialog) return {kind: 'quit'};
  if (command === 'app.back' && backLeavesPane(state)) return {kind: 'leave'};
  const reader = readerFor(command, state, context);
  if (reader) return {kind: 'apply', action: {type: 'openReader', reader}};
  if (
    command === 'node.open' &&
    !state.dialog &&
    state.section === 'runtime' &&
    !isDetailOpen(state) &&
    state.runtimeView !== 'images' &&
    selected
  ) {
    return {
      kind: 'apply',
      action:
        state.runtimeView === 'containers'
          ? {type: 'openContainer', containerId: selected}
          : {type: 'openDetail', sandboxId: selected},
    };
  }
  if (command === 'node.restart' && !state.dialog) {
    const unit = state.section === 'units' ? selected : undefined;
    return {
      kind: 'apply',
      action: {
        type: 'askRestart',
        unit: unit ?? '',
        refusal: unit ? context.restartRefusal(unit) : 'select a unit in the Units section to restart it',
      },
    };
  }
  return {kind: 'apply', action: {type: 'command', command, rowCount: context.rowCount}};
}

// The reader a key opens, if any: Enter (or /, to filter) on a journal row or a finding, Enter on a unit, Enter
// (or /) on a container or log row of the pod open in the runtime section.
function readerFor(command: Command, state: NodePaneState, context: PaneKeyContext): PaneReader | undefined {
  const {selected, podLogs} = context;
  const withFilter = command === 'app.filter';
  if ((command !== 'node.open' && !withFilter) || state.dialog || !selected) return undefined;
  if ((state.section === 'journal' || state.section === 'findings') && selected.startsWith(JOURNAL_PREFIX)) {
    const [unit = '', filter] = selected.split(FILTER_SEPARATOR);
    return {
      kind: 'journal',
      unit: unit === ALL_UNITS ? undefined : unit.slice(JOURNAL_PREFIX.length),
      withFilter,
      ...(filter ? {filter} : {}),
    };
  }
  if (state.section === 'units' && !withFilter) return {kind: 'journal', unit: selected, withFilter};
  if (state.section === 'runtime' && isDetailOpen(state) && selected.startsWith(POD_LOGS_PREFIX) && podLogs) {
    return {kind: 'podFiles', pod: podLogs, container: selected.slice(POD_LOGS_PREFIX.length), withFilter};
  }
  return undefined;
}

// Which list is on screen; a key that changes it makes the rest of its burst wait for the new list.
export function listShown(state: NodePaneState): string {
  return [state.section, state.runtimeView, state.detailSandboxId, state.detailContainerId, state.dialog?.unit].join(
    '/',
  );
}
