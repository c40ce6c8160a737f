import stringWidth from 'string-width';
import type {LogLine} from '../cluster/log-types.js';
import {colourSlot, displayStyledText, displayText, formatTimestamp} from './log-display-text.js';
import {matchRanges} from './log-filter.js';
import type {LogFilter} from './log-filter.js';
import {formatJsonLine} from './log-json.js';
import type {JsonMode, LogLevel} from './log-json.js';
import type {SgrStyle, StyledRange} from './log-sgr.js';

// One log line as screen rows of styled segments: stream prefix, timestamp, text with the filter's matches
// marked. Pure, so the rows a line takes can be measured before anything is rendered.
export type SegmentStyle = 'plain' | 'prefix' | 'timestamp' | 'match' | 'separator' | 'notice';

export interface Segment {
  text: string;
  style: SegmentStyle;
  // The colours the program itself wrote for this text (plain and match segments).
  sgr?: SgrStyle;
}

export interface FormattedRow {
  segments: Segment[];
  level: LogLevel | undefined;
  // The stream's colour slot, for the prefix.
  slot: number;
}

export type PrefixMode = 'none' | 'container' | 'pod' | 'pod-container';

export interface RowFormat {
  timestamps: 'off' | 'utc' | 'local';
  json: JsonMode;
  prefix: PrefixMode;
  filter: LogFilter | undefined;
}

export const PREFIX_SLOTS = 6;

// Lines kept formatted: several screens' worth, so scrolling back and forth reuses them, bounded whatever is read.
const FORMAT_CACHE_LINES = 4096;

// formatLogLine with a cache by the line's sequence number (never reused in a view): a render measures and draws
// the same lines, and the next render (a key, a new batch) mostly looks at them again. One formatter per format.
export function cachedLineFormatter(format: RowFormat): (seq: number, line: LogLine) => FormattedRow[] {
  let cache = new Map<number, FormattedRow[]>();
  return (seq, line) => {
    let rows = cache.get(seq);
    if (!rows) {
      if (cache.size >= FORMAT_CACHE_LINES) cache = new Map();
      rows = formatLogLine(line, format);
      cache.set(seq, rows);
    }
    return rows;
  };
}

export function formatLogLine(line: LogLine, format: RowFormat): FormattedRow[] {
  const slot = colourSlot(line.streamId, PREFIX_SLOTS);
  if (line.kind !== 'line') {
    return [{segments: [{text: displayText(line.text), style: line.kind}], level: undefined, slot}];
  }
  const prefix = prefixOf(line.streamId, format.prefix);
  const stamp = format.timestamps === 'off' ? '' : `${formatTimestamp(line.timestamp, format.timestamps)} `;
  const styled = displayStyledText(line.text);
  const {rows, level} = formatJsonLine(styled.text, format.json);
  // The program's colours apply where the text is shown as it came (not reformatted JSON).
  const ranges = rows.length === 1 && rows[0] === styled.text ? styled.ranges : [];
  return rows.map((text, index) => {
    const head: Segment[] =
      index === 0
        ? [
            {text: prefix, style: 'prefix'},
            {text: stamp, style: 'timestamp'},
          ]
        : [{text: ' '.repeat(stringWidth(prefix + stamp)), style: 'plain'}];
    return {
      segments: [...head, ...highlight(text, format.filter, ranges)].filter((segment) => segment.text !== ''),
      level: line.level ?? level,
      slot,
    };
  });
}

function prefixOf(streamId: string, mode: PrefixMode): string {
  if (mode === 'none') return '';
  const [, pod = '', container = ''] = streamId.split('/');
  if (mode === 'container') return `${container} `;
  if (mode === 'pod') return `${pod} `;
  return `${pod}/${container} `;
}

// The text cut where a filter match or a program colour starts or ends, each piece with both.
function highlight(text: string, filter: LogFilter | undefined, ranges: readonly StyledRange[]): Segment[] {
  const matches = matchRanges(filter, text);
  if (matches.length === 0 && ranges.length === 0) return text === '' ? [] : [{text, style: 'plain'}];
  const cuts = new Set([0, text.length, ...matches.flat(), ...ranges.flatMap((range) => [range.start, range.end])]);
  const points = [...cuts].filter((point) => point >= 0 && point <= text.length).sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let index = 0; index < points.length - 1; index++) {
    const start = points[index] ?? 0;
    const end = points[index + 1] ?? 0;
    const isMatch = matches.some(([from, to]) => from <= start && end <= to);
    const sgr = ranges.find((range) => range.start <= start && end <= range.end)?.style;
    segments.push({text: text.slice(start, end), style: isMatch ? 'match' : 'plain', ...(sgr ? {sgr} : {})});
  }
  return segments;
}

// Screen rows a formatted line takes: one per row unless wrapped, then as many as its width needs.
export function rowsNeeded(rows: readonly FormattedRow[], width: number, isWrapping: boolean): number {
  if (!isWrapping) return rows.length;
  return rows.reduce(
    (total, row) =>
      total + Math.max(1, Math.ceil(stringWidth(row.segments.map((segment) => segment.text).join('')) / width)),
    0,
  );
}

// Horizontal scroll: the row's segments from a column on (by characters; display width is Ink's concern).
export function shiftSegments(segments: readonly Segment[], offset: number): Segment[] {
  if (offset <= 0) return [...segments];
  let skip = offset;
  const result: Segment[] = [];
  for (const segment of segments) {
    if (skip >= segment.text.length) {
      skip -= segment.text.length;
      continue;
    }
    result.push({...segment, text: segment.text.slice(skip)});
    skip = 0;
  }
  return result;
}
