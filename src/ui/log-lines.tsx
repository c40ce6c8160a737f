import {Box} from 'ink';
import {Text} from './themed-text.js';
import type {FormattedRow, Segment} from '../resources/log-row-format.js';
import {shiftSegments} from '../resources/log-row-format.js';
import type {LogLevel} from '../resources/log-json.js';

// The log body: only the rows in the window, each a line of styled segments, never the buffer.
export interface LogBodyLine {
  key: string;
  rows: FormattedRow[];
  isCurrentMatch: boolean;
}

const PREFIX_COLOURS = ['cyan', 'green', 'magenta', 'yellow', 'blue', 'red'];

function levelColour(level: LogLevel | undefined): string | undefined {
  if (level === 'error') return 'red';
  if (level === 'warning') return 'yellow';
  if (level === 'debug') return 'gray';
  return undefined;
}

function SegmentText({segment, row, isCurrentMatch}: {segment: Segment; row: FormattedRow; isCurrentMatch: boolean}) {
  switch (segment.style) {
    case 'prefix':
      return <Text color={PREFIX_COLOURS[row.slot]}>{segment.text}</Text>;
    case 'timestamp':
      return <Text dimColor>{segment.text}</Text>;
    case 'match':
      return (
        <Text inverse color={isCurrentMatch ? 'magenta' : 'yellow'}>
          {segment.text}
        </Text>
      );
    case 'separator':
      return <Text color="cyan">{segment.text}</Text>;
    case 'notice':
      return (
        <Text dimColor italic>
          {segment.text}
        </Text>
      );
    case 'plain': {
      // The program's own colours (made inert and redrawn by kview), else the colour of the line's level.
      const sgr = segment.sgr;
      return sgr ? (
        <Text
          color={sgr.color ?? levelColour(row.level)}
          backgroundColor={sgr.backgroundColor}
          bold={sgr.bold}
          dimColor={sgr.dim}
          italic={sgr.italic}
          underline={sgr.underline}
          inverse={sgr.inverse}
        >
          {segment.text}
        </Text>
      ) : (
        <Text color={levelColour(row.level)}>{segment.text}</Text>
      );
    }
  }
}

export function LogLines({
  lines,
  dropped,
  height,
  width,
  isWrapping,
  horizontalOffset,
  emptyText,
}: {
  lines: readonly LogBodyLine[];
  dropped: number;
  height: number;
  width: number;
  isWrapping: boolean;
  horizontalOffset: number;
  emptyText: readonly string[];
}) {
  return (
    <Box flexDirection="column" height={height} width={width} overflow="hidden">
      {dropped > 0 ? <Text color="yellow">{`⋯ ${dropped} lines dropped from the start of the buffer`}</Text> : null}
      {lines.length === 0
        ? emptyText.map((text, index) => (
            <Text key={index} dimColor wrap="truncate-end">
              {text}
            </Text>
          ))
        : null}
      {lines.flatMap((line) =>
        line.rows.map((row, index) => (
          <Text key={`${line.key}:${index}`} wrap={isWrapping ? 'wrap' : 'truncate-end'}>
            {(isWrapping ? row.segments : shiftSegments(row.segments, horizontalOffset)).map((segment, position) => (
              <SegmentText key={position} segment={segment} row={row} isCurrentMatch={line.isCurrentMatch} />
            ))}
            {/* An empty Text still takes its row, so blank log lines keep their place. */}
            {row.segments.length === 0 ? ' ' : ''}
          </Text>
        )),
      )}
    </Box>
  );
}
