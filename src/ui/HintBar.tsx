import React from 'react';
import {Text} from 'ink';
import {bindingsForHelp, keyLabels} from '../state/keymap.js';
import type {Scope} from '../state/keymap.js';

export function HintBar({width, scope}: {width: number; scope: Scope}) {
  const hints = bindingsForHelp(scope).filter((binding) => binding.hint);
  return (
    <Text wrap="truncate-end">
      {hints.map((binding, index) => (
        <Text key={binding.command}>
          {index > 0 ? '  ' : ''}
          <Text color="cyan">{`<${keyLabels(binding)}>`}</Text>
          <Text>{` ${binding.hint ?? ''}`}</Text>
        </Text>
      ))}
      <Text dimColor>{width > 100 ? '  j/k g/G PgUp/PgDn move' : ''}</Text>
    </Text>
  );
}
