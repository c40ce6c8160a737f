import type {ApiClient} from './api-client.js';
import {StaleStreamError} from './api-client.js';
import {clockTime} from './clock-time.js';
import {createBackoff} from './retry.js';
import {KviewError} from './kview-error.js';
import {containerStatusOf, describeState, podPath, willRestart} from './log-pod.js';
import type {ContainerStatusJson, PodJson} from './log-pod.js';
import {describeWindow} from './log-query.js';
import type {ContainerLogQuery} from './log-query.js';
import {isWaitingToStart, requestLogOnce, serverReason} from './log-request-once.js';
import {advanceResume, resumeSinceTime} from './log-resume.js';
import type {ResumePoint} from './log-resume.js';
import {streamIdOf} from './log-types.js';
import type {LogLine, LogSink, StreamPhase, StreamRef} from './log-types.js';

export interface ContainerStreamTiming {
  // How often a waiting container (ContainerCreating, CrashLoopBackOff) is looked at again.
  pollMs: number;
  // Delays between reconnects after network failures, growing to the last and staying there.
  retryDelaysMs: number[];
  sleep: (milliseconds: number, signal: AbortSignal) => Promise<void>;
}

// Follows one container for as long as it lives: reconnects a broken stream from the last timestamp without
// duplicates, and when the container restarts fetches the rest of the old instance (previous=true) before going
// on with the new one under a separator line. Ends only when the container will not run again or on abort.
export async function runContainerStream(
  client: ApiClient,
  timing: ContainerStreamTiming,
  ref: StreamRef,
  query: ContainerLogQuery,
  sink: LogSink,
  signal: AbortSignal,
): Promise<void> {
  const streamId = streamIdOf(ref);
  let delivered = 0;
  let resume: ResumePoint | undefined;
  const backoff = createBackoff({delaysMs: timing.retryDelaysMs, sleep: timing.sleep});
  // Set while the path to the server is found dead: every reconnect message says since when.
  let staleSince: number | undefined;
  let isFirstRequest = true;
  let phase: StreamPhase = 'connecting';
  let endMessage = '';
  const report = (next: StreamPhase, message: string) => {
    phase = next;
    sink.status({streamId, pod: ref.pod, container: ref.container, phase, message, lines: delivered});
  };
  const emit = (lines: LogLine[]) => {
    if (phase !== 'streaming') report('streaming', '');
    backoff.succeeded();
    staleSince = undefined;
    delivered += lines.length;
    sink.lines(lines);
  };
  const emitUnterminated = (line: LogLine | undefined) => {
    if (!line) return;
    resume = advanceResume(resume, line.timestamp);
    emit([line]);
  };
  const notice = (text: string, kind: LogLine['kind'] = 'notice') =>
    sink.lines([{streamId, timestamp: '', text, kind}]);
  const readPod = () => client.getJson<PodJson>(podPath(ref.namespace, ref.pod), 'application/json', signal);
  const pause = async (milliseconds: number) => timing.sleep(milliseconds, signal).catch(() => undefined);

  report('connecting', '');
  while (!signal.aborted) {
    let before: ContainerStatusJson | undefined;
    try {
      before = containerStatusOf(await readPod(), ref.container);
    } catch (caught) {
      if (signal.aborted) return;
      if (caught instanceof KviewError && caught.kind === 'not-found') return report('ended', 'the pod is gone');
      await retryAfter(caught);
      continue;
    }
    const current: ContainerLogQuery =
      isFirstRequest || !resume ? query : {...query, window: {kind: 'sinceTime', time: resumeSinceTime(resume)}};
    const outcome = await requestLogOnce(client, ref, streamId, current, resume, emit, signal);
    resume = outcome.resume;
    if (signal.aborted) return;
    if (outcome.error instanceof StaleStreamError) {
      staleSince ??= outcome.error.knownTrueAt;
      report('reconnecting', staleMessage(''));
    }
    // A stream that delivered lines and then failed broke in transit: what happened is decided below, as for a
    // stream that ended.
    if (outcome.error && outcome.delivered === 0) {
      if (isNetworkFailure(outcome.error) || isKubeletCatchingUp(outcome.error, before)) {
        await retryAfter(outcome.error);
        continue;
      }
      const reason = serverReason(outcome.error);
      if (query.follow && !query.previous && isWaitingToStart(outcome.error)) {
        report('waiting', reason);
        await pause(timing.pollMs);
        continue;
      }
      return report('failed', reason);
    }
    isFirstRequest = false;
    if (!query.follow || query.previous) {
      if (outcome.error) {
        report('reconnecting', `${outcome.error.message}; resuming from the last line`);
        continue;
      }
      emitUnterminated(outcome.unterminated);
      return report('ended', explainEnd(before));
    }
    const next = await whatNext(before);
    if (next === 'stop') return;
    if (next === 'reconnect') {
      const from = `resuming from ${resume ? resumeSinceTime(resume) : 'the start'}`;
      report('reconnecting', staleSince === undefined ? `the stream broke; ${from}` : staleMessage(from));
      // A stream that ends at once, again and again, must not turn into a busy loop against the API server.
      if (outcome.delivered === 0) await backoff.wait(signal);
      continue;
    }
    // After a restart the catch-up request has already delivered the old instance's last line.
    if (next === 'ended') {
      emitUnterminated(outcome.unterminated);
      return report('ended', endMessage);
    }
  }

  // After a follow stream ends: the same instance still running means the connection broke; a new containerID
  // means a restart; a terminated container that will not restart means the end.
  async function whatNext(
    before: ContainerStatusJson | undefined,
  ): Promise<'reconnect' | 'restarted' | 'ended' | 'stop'> {
    for (;;) {
      let pod: PodJson;
      try {
        pod = await readPod();
      } catch (caught) {
        if (signal.aborted) return 'stop';
        if (caught instanceof KviewError && caught.kind === 'not-found') {
          endMessage = 'the pod is gone';
          return 'ended';
        }
        await retryAfter(caught);
        continue;
      }
      const after = containerStatusOf(pod, ref.container);
      // A stream opened before the container first started has no containerID to compare: with the restart count
      // unchanged, the instance that started is the one that was streamed, not a restart.
      const baseline =
        !before?.containerID && after?.containerID && (after.restartCount ?? 0) === (before?.restartCount ?? 0)
          ? after
          : before;
      const sameInstance = (after?.containerID ?? '') === (baseline?.containerID ?? '');
      if (sameInstance && after?.state?.running) return 'reconnect';
      if (!sameInstance && after?.containerID) {
        await catchUpPreviousInstance(baseline, after);
        return 'restarted';
      }
      if (!willRestart(pod, ref.container, after)) {
        endMessage = `the container exited (${describeState(after)})`;
        return 'ended';
      }
      report('waiting', `the container exited (${describeState(after)}); waiting for it to restart`);
      await pause(timing.pollMs);
      if (signal.aborted) return 'stop';
    }
  }

  // The old stream may have broken before the old instance's last lines: previous=true from the resume point
  // fetches exactly what is missing (the timestamp filter drops what was already shown).
  async function catchUpPreviousInstance(before: ContainerStatusJson | undefined, after: ContainerStatusJson) {
    const restarts = (after.restartCount ?? 0) - (before?.restartCount ?? 0);
    if (before?.containerID && restarts === 1) {
      const window = resume ? {kind: 'sinceTime' as const, time: resumeSinceTime(resume)} : {kind: 'all' as const};
      const outcome = await requestLogOnce(
        client,
        ref,
        streamId,
        {window, follow: false, previous: true},
        resume,
        emit,
        signal,
      );
      resume = outcome.resume;
      emitUnterminated(outcome.unterminated);
      if (outcome.error) {
        notice(
          `could not re-read the end of the previous instance (${serverReason(outcome.error)}); lines it wrote ` +
            'after the last one shown, if any, are not shown',
        );
      }
    } else if (restarts > 1) {
      notice(`${restarts - 1} earlier restarts happened out of sight; the kubelet keeps only the last one's log`);
    }
    notice(`── ${ref.container} restarted (restart ${after.restartCount ?? '?'}) ──`, 'separator');
  }

  async function retryAfter(caught: unknown) {
    if (caught instanceof StaleStreamError) staleSince ??= caught.knownTrueAt;
    const message = caught instanceof Error ? caught.message : String(caught);
    const delay = backoff.nextDelayMs;
    const retrying = `retrying in ${Math.round(delay / 100) / 10}s (attempt ${backoff.attempt + 1})`;
    report(
      'reconnecting',
      staleSince === undefined ? `${message}; ${retrying}` : staleMessage(`${message}; ${retrying}`),
    );
    await backoff.wait(signal);
  }

  // A kubelet that just restarted answers 404 for a pod it has not synced yet, while the API server says the
  // container runs: that passes (the kubelet's own "unable to retrieve container logs" for a removed container,
  // also not-found, stays final).
  function isKubeletCatchingUp(error: KviewError, status: ContainerStatusJson | undefined): boolean {
    return (
      error.kind === 'not-found' &&
      Boolean(status?.state?.running) &&
      /could not find the requested resource/.test(error.message)
    );
  }

  function staleMessage(detail: string): string {
    return `stale since ${clockTime(staleSince ?? 0)}, reconnecting${detail ? ` (${detail})` : ''}`;
  }

  // The kubelet behind the API server's proxy being away (killed, restarting) is a 5xx from the API server: it comes
  // back, and the container usually kept running meanwhile.
  function isNetworkFailure(error: KviewError): boolean {
    return (
      error.kind === 'unreachable' ||
      error.kind === 'connection-refused' ||
      error.message === 'request aborted' ||
      /^HTTP 5\d\d$/.test(error.hint)
    );
  }

  function explainEnd(before: ContainerStatusJson | undefined): string {
    if (delivered > 0) return `${delivered} lines`;
    const state = before?.state?.running ? '' : `; the container is ${describeState(before)}`;
    return `no lines${describeWindow(query.window)}${state}`;
  }
}
