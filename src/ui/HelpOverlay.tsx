import {Box} from 'ink';
import {Text} from './themed-text.js';
import {bindingsForHelp, keyLabels} from '../state/keymap.js';
import type {Command, Scope} from '../state/keymap.js';
import {useKeymap} from './settings-context.js';

// Every key of the view and the global ones, from the keymap, in as many columns as the terminal allows.
export function HelpOverlay({
  height,
  width = 100,
  scope,
  hidden = [],
  kind,
}: {
  height: number;
  width?: number;
  scope: Scope;
  hidden?: readonly Command[];
  // The kindId of the table's rows: an action's key is listed only where it acts.
  kind?: string;
}) {
  const bindings = bindingsForHelp(scope, useKeymap(), kind).filter((binding) => !hidden.includes(binding.command));
  const columnCount = Math.max(1, Math.min(3, Math.floor(width / 48)));
  const perColumn = Math.ceil(bindings.length / columnCount);
  const columnWidth = Math.floor(width / columnCount) - 1;
  const labelWidth = Math.min(14, Math.max(...bindings.map((binding) => keyLabels(binding).length)) + 1);
  const columns = Array.from({length: columnCount}, (_, index) =>
    bindings.slice(index * perColumn, (index + 1) * perColumn),
  );
  return (
    <Box flexDirection="column" height={height}>
      <Text bold>{`Keys (${scope} view; press ? to close)`}</Text>
      <Box>
        {columns.map((column, index) => (
          // A column's truncated descriptions end one cell before the next column's keys.
          <Box key={index} flexDirection="column" width={columnWidth} marginRight={1}>
            {column.map((binding) => (
              <Text key={binding.command} wrap="truncate-end">
                <Text color="cyan">{`${keyLabels(binding).padEnd(labelWidth - 1)} `}</Text>
                <Text>{binding.description}</Text>
              </Text>
            ))}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
