import {mock, test} from 'node:test';
import assert from 'node:assert/strict';
import {useLayoutEffect, useReducer} from 'react';
import type {Dispatch} from 'react';
import type {LogLine, LogSink, LogSource, LogTarget} from '../../src/cluster/log-types.js';
import {itemsFrom} from '../../src/state/log-chunked-list.js';
import {initialLogViewState, logViewReducer} from '../../src/state/log-view-state.js';
import type {LogViewAction, LogViewState} from '../../src/state/log-view-state.js';
import {LOG_FLUSH_INTERVAL_MS, useLogStream} from '../../src/ui/use-log-stream.js';

// The stale-batch race of the log view, reproduced in its exact order: lines of the old request wait for their
// flush; the request changes (its buffer is cleared) and React commits; the flush timer fires before React has run
// the effect cleanup that stops the old stream. Only setTimeout is faked, so the test decides when the flush
// fires; React's own scheduling is real.
const {render} = await import('ink-testing-library');

const TARGET: LogTarget = {kind: 'pod', namespace: 'demo', pod: 'web-1'};

function line(text: string): LogLine {
  return {streamId: 'demo/web-1/app', timestamp: '2026-11-22T09:00:00.000000000Z', text, kind: 'line'};
}

// Published from a layout effect, so the test reads what React committed, and can act right at a commit: after
// the new state is on screen and before React runs the effects (and their cleanups) of that render.
const seen: {state?: LogViewState; dispatch?: Dispatch<LogViewAction>; onCommit?: (state: LogViewState) => void} = {};

function Harness({source}: {source: LogSource}) {
  const [state, dispatch] = useReducer(logViewReducer, undefined, () =>
    initialLogViewState({
      request: {window: {kind: 'tail', lines: 100}, follow: true, previous: false, allContainers: false},
      width: 80,
      height: 10,
      suggestedSavePath: '/tmp/unused.log',
      scope: 'logs',
    }),
  );
  useLogStream(source, TARGET, state.request, state.requestVersion, dispatch);
  useLayoutEffect(() => {
    seen.state = state;
    seen.dispatch = dispatch;
    seen.onCommit?.(state);
  });
  return null;
}

async function until(what: string, holds: () => boolean) {
  for (let turn = 0; !holds(); turn++) {
    assert.ok(turn < 1000, `waited for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

test("a batch of the old request flushed before the old stream's cleanup never lands in the new buffer", async (context) => {
  mock.timers.enable({apis: ['setTimeout']});
  context.after(() => mock.timers.reset());
  const sinks: LogSink[] = [];
  const source: LogSource = {
    open: (_target, _request, sink) => {
      sinks.push(sink);
      return {stop: () => undefined};
    },
    containersOf: () => Promise.resolve([]),
  };
  const app = render(<Harness source={source} />);
  context.after(() => app.unmount());
  await until('the first stream to open', () => sinks.length === 1);

  sinks[0]?.lines([line('old request line')]);
  // Since 1m: a new request, a cleared buffer. The old stream's flush comes due right when React commits it, before
  // the effect cleanup that stops the old stream has run.
  let streamsAtCommit = 0;
  seen.onCommit = (state) => {
    if (state.requestVersion !== 1) return;
    seen.onCommit = undefined;
    streamsAtCommit = sinks.length;
    mock.timers.tick(LOG_FLUSH_INTERVAL_MS);
  };
  seen.dispatch?.({type: 'command', command: 'logs.since1m', now: Date.parse('2026-11-22T09:30:00Z')});
  await until('the new stream to open', () => sinks.length === 2);
  assert.equal(streamsAtCommit, 1, 'the flush fired while the old stream was still open');

  sinks[1]?.lines([line('new request line')]);
  mock.timers.tick(LOG_FLUSH_INTERVAL_MS);
  await until('the new line to arrive', () => (seen.state?.buffer.entries.length ?? 0) > 0);
  const entries = seen.state?.buffer.entries;
  assert.ok(entries);
  const texts = [...itemsFrom(entries, 0)].map((entry) => entry.line.text);
  assert.deepEqual(texts, ['new request line']);
});
