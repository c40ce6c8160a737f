import {Text} from './themed-text.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import type {LogTarget, StreamStatus} from '../cluster/log-types.js';
import {describeLogWindow} from '../resources/log-since.js';
import type {LogViewState} from '../state/log-view-state.js';

// The two lines above the log: what is shown and how, then how the streams are doing.

export function describeTarget(target: LogTarget): string {
  switch (target.kind) {
    case 'pod':
      return `${target.namespace}/${target.pod}`;
    case 'selector':
      return `${target.namespace} -l ${target.labelSelector}`;
    case 'owner':
      return `${target.namespace} ${target.ownerKind.toLowerCase()}/${target.name}`;
    case 'node':
      return `node/${target.node}${target.namespace ? ` -n ${target.namespace}` : ''}`;
    case 'journal':
      return `node/${target.node}`;
    case 'podFiles':
      return `${target.namespace}/${target.pod}`;
    case 'nodeFile':
      return `node/${target.node} /var/log/${target.path}`;
  }
}

export function LogTitle({state, target, width}: {state: LogViewState; target: LogTarget; width: number}) {
  const request = state.request;
  const isJournal = target.kind === 'journal';
  const chosen = request.container ?? (isJournal ? (target.unit ?? target.units[0]) : undefined) ?? '';
  const containers = request.allContainers ? `all ${isJournal ? 'units' : 'containers'}` : chosen;
  const filter = state.index.filter;
  const flags = [
    state.isWrapping ? 'wrap' : '',
    state.timestamps === 'off' ? '' : `time ${state.timestamps === 'utc' ? 'UTC' : 'local'}`,
    state.json === 'raw' ? '' : `json ${state.json}`,
    request.priority ? `priority ${request.priority} and worse` : '',
    filter
      ? `${state.index.mode === 'filter' ? 'filter' : 'highlight'} /${filter.source}/` +
        (state.index.context > 0 ? ` ±${state.index.context}` : '')
      : '',
  ].filter(Boolean);
  return (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        {isJournal ? 'Journal ' : 'Logs '}
      </Text>
      <Text bold>{describeTarget(target)}</Text>
      <Text>{containers ? ` (${containers})` : ''}</Text>
      <Text color="cyan">{` [${
        request.previous ? `previous${isJournal ? ' boot' : ''}` : describeLogWindow(request.window)
      }]`}</Text>
      {state.isFollowing ? (
        <Text color="green">{'  ● follow'}</Text>
      ) : (
        <Text color="yellow">{`  ❚❚ paused${state.newWhilePaused > 0 ? `: ${state.newWhilePaused} new lines` : ''}`}</Text>
      )}
      <Text dimColor>{flags.length > 0 ? `  ${flags.join(' · ')}` : ''}</Text>
      <Text dimColor>{width > 100 ? `  ${state.buffer.entries.length} lines` : ''}</Text>
    </Text>
  );
}

const PHASE_ORDER: Record<StreamStatus['phase'], number> = {
  failed: 0,
  reconnecting: 1,
  waiting: 2,
  queued: 3,
  ended: 4,
  connecting: 5,
  removed: 6,
  streaming: 7,
};

// One line for all streams: counts per phase, then the most pressing stream's own message.
export function LogStreamsLine({statuses, hint}: {statuses: readonly StreamStatus[]; hint: string | undefined}) {
  const containers = statuses.filter((status) => status.container !== '');
  const counts = new Map<string, number>();
  for (const status of containers) counts.set(status.phase, (counts.get(status.phase) ?? 0) + 1);
  const worst = [...statuses]
    .filter((status) => status.message !== '' && status.phase !== 'streaming')
    .sort((left, right) => PHASE_ORDER[left.phase] - PHASE_ORDER[right.phase])[0];
  const colour = worst?.phase === 'failed' ? 'red' : worst && worst.phase !== 'ended' ? 'yellow' : 'gray';
  return (
    <Text wrap="truncate-end">
      <Text dimColor>{[...counts].map(([phase, count]) => `${count} ${phase}`).join(' · ') || 'connecting'}</Text>
      {worst ? (
        // Messages quote the server and the node (a pod's reason, a file's name): made inert before drawing.
        <Text color={colour}>
          {sanitizeCell(`  ${worst.container ? `${worst.pod}/${worst.container}: ` : ''}${worst.message}`)}
        </Text>
      ) : null}
      {hint ? <Text color="magenta">{`  ${hint}`}</Text> : null}
    </Text>
  );
}

// The per-stream view (i): every pod/container stream with its phase and message, most pressing first,
// in at most `height` lines.
export function LogStreamList({statuses, height}: {statuses: readonly StreamStatus[]; height: number}) {
  const streams = statuses
    .filter((status) => status.container !== '')
    .sort(
      (left, right) =>
        PHASE_ORDER[left.phase] - PHASE_ORDER[right.phase] ||
        `${left.pod}/${left.container}`.localeCompare(`${right.pod}/${right.container}`),
    );
  const shown = streams.slice(0, Math.max(1, height - 1));
  return (
    <>
      {shown.map((status) => (
        <Text
          key={`${status.pod}/${status.container}`}
          wrap="truncate-end"
          color={status.phase === 'failed' ? 'red' : status.phase === 'streaming' ? undefined : 'yellow'}
        >
          {sanitizeCell(
            `  ${status.pod}/${status.container}  ${status.phase}${status.message ? `: ${status.message}` : ''}`,
          )}
        </Text>
      ))}
      {streams.length > shown.length ? (
        <Text dimColor>{`  … ${streams.length - shown.length} more streams`}</Text>
      ) : null}
    </>
  );
}
