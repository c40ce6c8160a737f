import {Box} from 'ink';
import {Text} from '../themed-text.js';
import type {PaneLine} from './pane-line.js';

// Only the visible window becomes Ink nodes: a journal can hold thousands of entries.
export function LineList({
  lines,
  cursor,
  top,
  height,
  width,
  showCursor = true,
}: {
  lines: readonly PaneLine[];
  cursor: number;
  top: number;
  height: number;
  width: number;
  showCursor?: boolean;
}) {
  const visible = lines.slice(top, top + height);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {visible.map((entry, index) => (
        <Text
          key={entry.key}
          wrap="truncate-end"
          color={entry.color}
          dimColor={entry.dim}
          inverse={showCursor && top + index === cursor}
        >
          {entry.highlights?.length ? marked(entry.text, entry.highlights) : entry.text || ' '}
        </Text>
      ))}
    </Box>
  );
}

function marked(text: string, ranges: ReadonlyArray<readonly [number, number]>) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <Text key={start} backgroundColor="yellow" color="black">
        {text.slice(start, end)}
      </Text>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return parts;
}
