import type {ApiClient} from './api-client.js';
import {KviewError} from './kview-error.js';
import {describeNetworkError} from './describe-error.js';
import {splitLines} from './line-splitter.js';
import {containerLogPath} from './log-query.js';
import type {ContainerLogQuery} from './log-query.js';
import {advanceResume, skipDelivered} from './log-resume.js';
import type {ResumePoint} from './log-resume.js';
import {splitTimestamp} from './log-timestamp.js';
import type {LogLine, StreamRef} from './log-types.js';

// The kubelet answers 200 with this sentence instead of lines when the container's log is gone (the dead container
// was removed); it has no timestamp and must not be shown as a line of the log.
const UNAVAILABLE = /^unable to retrieve container logs for \S+$/;

export interface RequestOutcome {
  resume: ResumePoint | undefined;
  delivered: number;
  // The text after the last newline: complete only if the stream really ended, so the caller decides.
  unterminated: LogLine | undefined;
  error: KviewError | undefined;
}

// One GET of a container's log: every complete line not already delivered goes to onLines, one batch per chunk.
export async function requestLogOnce(
  client: ApiClient,
  ref: StreamRef,
  streamId: string,
  query: ContainerLogQuery,
  resume: ResumePoint | undefined,
  onLines: (lines: LogLine[]) => void,
  signal: AbortSignal,
): Promise<RequestOutcome> {
  const splitter = splitLines();
  const isNew = skipDelivered(resume);
  let point = resume;
  let delivered = 0;
  const toLine = (raw: string): LogLine | undefined => {
    const {timestamp, text} = splitTimestamp(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
    if (!isNew(timestamp)) return undefined;
    return {streamId, timestamp, text, kind: 'line'};
  };
  let error: KviewError | undefined;
  const deliver = (raws: string[]) => {
    const batch: LogLine[] = [];
    for (const raw of raws) {
      if (delivered === 0 && batch.length === 0 && UNAVAILABLE.test(raw)) {
        error = new KviewError(raw, 'the kubelet no longer has this container', 'not-found');
        continue;
      }
      const line = toLine(raw);
      if (!line) continue;
      point = advanceResume(point, line.timestamp);
      batch.push(line);
    }
    delivered += batch.length;
    if (batch.length > 0) onLines(batch);
  };
  try {
    await client.stream(containerLogPath(ref, query), '*/*', (chunk) => deliver(splitter.push(chunk)), signal);
  } catch (caught) {
    error = caught instanceof KviewError ? caught : describeNetworkError(caught, '');
  }
  const rest = splitter.flush()[0];
  const unterminated = rest === undefined ? undefined : toLine(rest);
  return {resume: point, delivered, unterminated, error};
}

// describeHttpFailure prefixes "GET <path> failed: "; the server's own sentence is what explains an empty view.
export function serverReason(error: KviewError): string {
  return error.message.replace(/^GET \S+ failed: /, '');
}

export function isWaitingToStart(error: KviewError): boolean {
  return /is waiting to start|ContainerCreating|PodInitializing/.test(error.message);
}
