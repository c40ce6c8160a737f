import {abortableSleep} from './abortable-sleep.js';

export type Sleep = (milliseconds: number, signal: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  // Delays between attempts, growing from the first to the last and staying there.
  delaysMs: readonly number[];
  sleep?: Sleep;
}

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000];

// The one backoff of every reconnect loop (table watch, pod watch, container log, journal). Every way an attempt
// ends waits (a failure, a normal end, a 410), so a server that closes everything at once is never hammered;
// only an attempt that proved healthy (lines delivered, a watch that stayed open) resets the delay to the first.
export interface Backoff {
  // Failures since the last success: what the status line counts as "attempt N".
  readonly attempt: number;
  // The delay the next wait will use.
  readonly nextDelayMs: number;
  // Waits the next delay (returns early, without throwing, when the signal aborts) and counts the attempt.
  wait(signal: AbortSignal): Promise<number>;
  succeeded(): void;
}

export function createBackoff(policy: RetryPolicy = {delaysMs: DEFAULT_RETRY_DELAYS_MS}): Backoff {
  const delays = policy.delaysMs.length > 0 ? policy.delaysMs : DEFAULT_RETRY_DELAYS_MS;
  const sleep = policy.sleep ?? abortableSleep;
  let failures = 0;
  const delayAt = (index: number) => delays[Math.min(index, delays.length - 1)] ?? 1000;
  return {
    get attempt() {
      return failures;
    },
    get nextDelayMs() {
      return delayAt(failures);
    },
    async wait(signal) {
      const delay = delayAt(failures);
      failures += 1;
      if (!signal.aborted) await sleep(delay, signal).catch(() => undefined);
      return delay;
    },
    succeeded() {
      failures = 0;
    },
  };
}
