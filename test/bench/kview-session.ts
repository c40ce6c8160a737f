import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {PtySession} from './pty-session.js';
import {pause} from './stats.js';

const kview = new URL('../../bin/kview', import.meta.url).pathname;

export function openKview(kubeconfig: string, args: string[], size = {columns: 200, rows: 50}): PtySession {
  return new PtySession([kview, '--kubeconfig', kubeconfig, ...args], size);
}

// Resolves when the status line counts at least `total` pods: every row is in the table (the screen shows its top).
export async function untilListed(session: PtySession, total: number, timeoutMs = 300_000): Promise<number> {
  return session.waitFor((screen) => Number(/live\s+(\d+) pods/.exec(screen)?.[1] ?? 0) >= total, 0, timeoutMs);
}

// kview's own memory: the node process `script` runs (bin/kview is a node script, exec'ed by script's shell).
export function rssOf(session: PtySession): {rss: number; peak: number} {
  const children = execFileSync('pgrep', ['-P', String(session.child.pid)], {encoding: 'utf8'})
    .trim()
    .split('\n');
  const status = readFileSync(`/proc/${children[0]}/status`, 'utf8');
  const read = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return {rss: read('VmRSS'), peak: read('VmHWM')};
}

// One key, timed to the frame it produced (its first output). Keys are spaced as a fast typist's (40 ms) so
// each frame is measured on its own.
export async function timedKey(
  session: PtySession,
  key: string,
  timeoutMs = 5000,
): Promise<{latency: number; bytes: number}> {
  const before = session.chunks.length;
  const sentAt = performance.now();
  session.write(key);
  const firstOutput = await session.nextOutput(before, timeoutMs);
  await pause(40);
  return {latency: firstOutput - sentAt, bytes: session.bytesSince(before)};
}

// A key whose result may take more than one frame (a filter over every row, a sort): timed to its last frame.
export async function settledKey(session: PtySession, key: string): Promise<number> {
  const before = session.chunks.length;
  const sentAt = performance.now();
  session.write(key);
  return (await session.settled(before)) - sentAt;
}
