import type {LogLine} from '../cluster/log-types.js';
import {appendAll, dropFirst, emptyList, itemAt} from './log-chunked-list.js';
import type {ChunkedList} from './log-chunked-list.js';

// The lines a log view holds, bounded by count and by memory (k9s grew to 30 GB on a chatty pod because only the
// count was bounded). When full, the oldest lines go and are counted, so the view can say so: nothing is dropped
// silently.
export interface LogEntry {
  // Position in the whole stream since the view opened (or was cleared); never reused.
  seq: number;
  line: LogLine;
  // Estimated memory: UTF-16 text plus the objects around it.
  cost: number;
}

export interface LogBuffer {
  entries: ChunkedList<LogEntry>;
  nextSeq: number;
  cost: number;
  dropped: number;
  limits: BufferLimits;
}

export interface BufferLimits {
  maxLines: number;
  maxCost: number;
}

export const DEFAULT_BUFFER_LIMITS: BufferLimits = {maxLines: 100_000, maxCost: 64 * 1024 * 1024};

const ENTRY_OVERHEAD = 160;

export function emptyBuffer(limits: BufferLimits = DEFAULT_BUFFER_LIMITS): LogBuffer {
  return {entries: emptyList(), nextSeq: 0, cost: 0, dropped: 0, limits};
}

export function appendLines(buffer: LogBuffer, lines: readonly LogLine[]): LogBuffer {
  if (lines.length === 0) return buffer;
  let nextSeq = buffer.nextSeq;
  let cost = buffer.cost;
  const added = lines.map((line) => {
    const entry = {seq: nextSeq++, line, cost: ENTRY_OVERHEAD + 2 * (line.text.length + line.streamId.length)};
    cost += entry.cost;
    return entry;
  });
  let entries = appendAll(buffer.entries, added);
  let drop = Math.max(0, entries.length - buffer.limits.maxLines);
  for (let index = 0; index < drop; index++) cost -= itemAt(entries, index)?.cost ?? 0;
  // Always keep the newest line, even if it alone is over the budget.
  while (cost > buffer.limits.maxCost && drop < entries.length - 1) {
    cost -= itemAt(entries, drop)?.cost ?? 0;
    drop += 1;
  }
  entries = dropFirst(entries, drop);
  return {...buffer, entries, nextSeq, cost, dropped: buffer.dropped + drop};
}

export function firstSeq(buffer: LogBuffer): number {
  return itemAt(buffer.entries, 0)?.seq ?? buffer.nextSeq;
}

export function entryBySeq(buffer: LogBuffer, seq: number): LogEntry | undefined {
  return itemAt(buffer.entries, seq - firstSeq(buffer));
}

// Cleared by the user: the count of dropped lines restarts too, since nothing was lost.
export function clearBuffer(buffer: LogBuffer): LogBuffer {
  return {...emptyBuffer(buffer.limits), nextSeq: buffer.nextSeq};
}
