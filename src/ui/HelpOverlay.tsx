import React from 'react';
import {Box, Text} from 'ink';
import {bindingsForHelp, keyLabels} from '../state/keymap.js';
import type {Scope} from '../state/keymap.js';

export function HelpOverlay({height, scope}: {height: number; scope: Scope}) {
  const keymap = bindingsForHelp(scope);
  const labelWidth = Math.max(...keymap.map((binding) => keyLabels(binding).length)) + 2;
  return (
    <Box flexDirection="column" height={height} borderStyle="round" borderColor="cyan" paddingX={1}>
      <Text bold>Keys</Text>
      {keymap.map((binding) => (
        <Text key={binding.command}>
          <Text color="cyan">{keyLabels(binding).padEnd(labelWidth)}</Text>
          <Text>{binding.description}</Text>
        </Text>
      ))}
      <Text dimColor>press ? to close</Text>
    </Box>
  );
}
