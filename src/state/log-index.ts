import {matchableText} from '../resources/log-display-text.js';
import {isMatch} from '../resources/log-filter.js';
import type {LogFilter} from '../resources/log-filter.js';
import type {LogBuffer, LogEntry} from './log-buffer.js';
import {firstSeq} from './log-buffer.js';
import {appendAll, dropFirst, emptyList, itemsFrom, lastItem, lowerBound} from './log-chunked-list.js';
import type {ChunkedList} from './log-chunked-list.js';

// Which lines the view shows and where the matches are, kept up to date as lines arrive (cost proportional to the
// new lines) and rebuilt only when the filter itself changes.
export type FilterMode = 'filter' | 'highlight';

export interface LogIndex {
  filter: LogFilter | undefined;
  mode: FilterMode;
  // grep -C: lines shown around each match in filter mode.
  context: number;
  // Sequence numbers of the shown lines; undefined when every line is shown.
  visible: ChunkedList<number> | undefined;
  matches: ChunkedList<number>;
  // Lines after the last match still to show as its context.
  contextLeft: number;
}

export function emptyIndex(): LogIndex {
  return {filter: undefined, mode: 'filter', context: 0, visible: undefined, matches: emptyList(), contextLeft: 0};
}

export function rebuildIndex(buffer: LogBuffer, settings: Pick<LogIndex, 'filter' | 'mode' | 'context'>): LogIndex {
  const start: LogIndex = {
    ...settings,
    visible: settings.filter && settings.mode === 'filter' ? emptyList() : undefined,
    matches: emptyList(),
    contextLeft: 0,
  };
  return indexEntries(start, [...itemsFrom(buffer.entries, 0)], firstSeq(buffer));
}

export function indexEntries(index: LogIndex, entries: readonly LogEntry[], oldest: number): LogIndex {
  const filter = index.filter;
  if (!filter || entries.length === 0) return index;
  const matched: number[] = [];
  const shown: number[] = [];
  let contextLeft = index.contextLeft;
  let lastShown = index.visible ? (lastItem(index.visible) ?? -1) : -1;
  for (const entry of entries) {
    // kview's own markers and separators are always shown: they say where the log changed.
    if (entry.line.kind !== 'line') {
      shown.push(entry.seq);
      lastShown = entry.seq;
      continue;
    }
    if (isMatch(filter, matchableText(entry.line.text))) {
      matched.push(entry.seq);
      // Sequence numbers are contiguous, so the lines before a match are found by arithmetic, even in an
      // earlier batch.
      for (let earlier = Math.max(lastShown + 1, entry.seq - index.context, oldest); earlier < entry.seq; earlier++) {
        shown.push(earlier);
      }
      shown.push(entry.seq);
      lastShown = entry.seq;
      contextLeft = index.context;
    } else if (contextLeft > 0) {
      shown.push(entry.seq);
      lastShown = entry.seq;
      contextLeft -= 1;
    }
  }
  return {
    ...index,
    contextLeft,
    matches: appendAll(index.matches, matched),
    visible: index.visible ? appendAll(index.visible, shown) : undefined,
  };
}

// After the buffer dropped its oldest lines, the index forgets them too.
export function trimIndex(index: LogIndex, buffer: LogBuffer): LogIndex {
  const first = firstSeq(buffer);
  const bySeq = (seq: number) => seq;
  return {
    ...index,
    matches: dropFirst(index.matches, lowerBound(index.matches, first, bySeq)),
    visible: index.visible ? dropFirst(index.visible, lowerBound(index.visible, first, bySeq)) : undefined,
  };
}

export function shownCount(index: LogIndex, buffer: LogBuffer): number {
  return index.visible ? index.visible.length : buffer.entries.length;
}
