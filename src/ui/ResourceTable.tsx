import {memo} from 'react';
import {Box} from 'ink';
import {Text} from './themed-text.js';
import {layoutLine} from '../resources/column-widths.js';

interface ResourceTableProps {
  headers: readonly string[];
  // Only the rows in the window: the caller slices, so a 10,000-row table costs what the screen shows.
  visibleRows: ReadonlyArray<{key: string; cells: readonly string[]}>;
  widths: readonly number[];
  selectedKey: string | undefined;
  width: number;
  height: number;
  emptyText: string;
  rowColor: (cells: readonly string[]) => string | undefined;
  // The rows are not live (stale, disconnected, re-syncing): drawn dimmed, never as if they were current.
  dim?: boolean;
  // Marked rows (space) get a ✓ in a gutter that is there only while some row is marked.
  markedKeys?: ReadonlySet<string>;
}

// ink-table 3.1 cannot load next to ink 6 (ERR_REQUIRE_ASYNC_MODULE), and it renders every row: this renders
// only the window, one Text per line, so Ink's incremental renderer rewrites just the lines that changed.
function ResourceTableComponent(props: ResourceTableProps) {
  const {headers, visibleRows, widths, selectedKey, width, height, emptyText, rowColor, dim = false} = props;
  const marked = props.markedKeys ?? NONE;
  const gutter = (key: string | undefined) =>
    marked.size === 0 ? '' : key !== undefined && marked.has(key) ? '✓ ' : '  ';
  return (
    <Box flexDirection="column" height={height + 1} width={width}>
      <Text bold wrap="truncate-end">
        {gutter(undefined) + layoutLine(headers, widths)}
      </Text>
      {visibleRows.length === 0 ? <Text dimColor>{emptyText}</Text> : null}
      {visibleRows.map((row) => (
        <Text
          key={row.key}
          inverse={row.key === selectedKey}
          color={dim ? 'gray' : rowColor(row.cells)}
          dimColor={dim}
          wrap="truncate-end"
        >
          {gutter(row.key) + layoutLine(row.cells, widths)}
        </Text>
      ))}
    </Box>
  );
}

const NONE: ReadonlySet<string> = new Set();

export const ResourceTable = memo(ResourceTableComponent);
