import type {LogWindow, StreamRef} from './log-types.js';
import {podPath} from './log-pod.js';

export interface ContainerLogQuery {
  window: LogWindow;
  follow: boolean;
  previous: boolean;
}

// GET .../pods/POD/log, always with timestamps (needed to resume without duplicates and to show local time).
// Built by hand rather than with client-node's Log, which drops tailLines=0 and sinceSeconds=0 as falsy.
export function containerLogPath(ref: StreamRef, query: ContainerLogQuery): string {
  const parameters = new URLSearchParams({container: ref.container, timestamps: 'true'});
  if (query.follow) parameters.set('follow', 'true');
  if (query.previous) parameters.set('previous', 'true');
  const window = query.window;
  if (window.kind === 'tail') parameters.set('tailLines', String(Math.max(0, Math.floor(window.lines))));
  if (window.kind === 'since') parameters.set('sinceSeconds', String(Math.max(1, Math.round(window.seconds))));
  if (window.kind === 'sinceTime') parameters.set('sinceTime', window.time);
  return `${podPath(ref.namespace, ref.pod)}/log?${parameters.toString()}`;
}

// "in the last 5m" / "since 09:00:00Z" / "": how an empty result is explained.
export function describeWindow(window: LogWindow): string {
  switch (window.kind) {
    case 'tail':
      return window.lines === 0 ? ' (tail 0: only new lines)' : '';
    case 'since':
      return ` in the last ${formatSeconds(window.seconds)}`;
    case 'sinceTime':
      return ` since ${window.time}`;
    case 'all':
      return '';
  }
}

function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
