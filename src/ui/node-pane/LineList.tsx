import React from 'react';
import {Box, Text} from 'ink';
import type {PaneLine} from './pane-line.js';

// Only the visible window becomes Ink nodes: a journal can hold thousands of entries.
export function LineList({lines, cursor, top, height, width, showCursor = true}: {lines: readonly PaneLine[];
  cursor: number; top: number; height: number; width: number; showCursor?: boolean}) {
  const visible = lines.slice(top, top + height);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {visible.map((entry, index) => (
        <Text key={entry.key} wrap="truncate-end" color={entry.color} dimColor={entry.dim}
          inverse={showCursor && top + index === cursor}>
          {entry.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
