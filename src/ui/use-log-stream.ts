import {useEffect} from 'react';
import type {Dispatch} from 'react';
import type {LogLine, LogRequest, LogSource, LogTarget, StreamStatus} from '../cluster/log-types.js';
import type {LogViewAction} from '../state/log-view-state.js';
import {useLatest} from './use-latest.js';

// Lines arrive a chunk at a time (a burst is thousands per second); they are gathered and handed to the reducer at
// most once per frame interval, so rendering costs one frame per interval whatever the log rate.
export const LOG_FLUSH_INTERVAL_MS = 50;

export function useLogStream(
  source: LogSource,
  target: LogTarget,
  request: LogRequest,
  requestVersion: number,
  dispatch: Dispatch<LogViewAction>,
): void {
  // The request object changes identity on every reducer step; its version says when it really changed, and the
  // stream opens with the request of that version.
  const requestRef = useLatest(request);
  useEffect(() => {
    const current = requestRef.current;
    let lines: LogLine[] = [];
    let statuses: StreamStatus[] = [];
    let timer: NodeJS.Timeout | undefined;
    let isOpen = true;
    const flush = () => {
      timer = undefined;
      if (!isOpen) return;
      const batch = {lines, statuses};
      lines = [];
      statuses = [];
      dispatch({type: 'received', requestVersion, ...batch});
    };
    const schedule = () => {
      timer ??= setTimeout(flush, LOG_FLUSH_INTERVAL_MS);
    };
    const stream = source.open(target, current, {
      lines(received) {
        for (const line of received) lines.push(line);
        schedule();
      },
      status(status) {
        statuses.push(status);
        schedule();
      },
    });
    return () => {
      isOpen = false;
      stream.stop();
      if (timer) clearTimeout(timer);
    };
  }, [source, target, requestRef, requestVersion, dispatch]);
}

// The containers of a pod target (a journal's units), for the container picker and to offer previous logs for a crash-looping one.
export function useLogContainers(source: LogSource, target: LogTarget, dispatch: Dispatch<LogViewAction>): void {
  useEffect(() => {
    let isOpen = true;
    source
      .containersOf(target)
      .then((containers) => {
        if (isOpen) dispatch({type: 'containers', containers});
      })
      .catch(() => undefined);
    return () => {
      isOpen = false;
    };
  }, [source, target, dispatch]);
}
