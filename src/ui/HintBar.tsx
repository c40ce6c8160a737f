import {Text} from './themed-text.js';
import {bindingsForHelp, keyLabels} from '../state/keymap.js';
import type {Command, Scope} from '../state/keymap.js';
import {useKeymap} from './settings-context.js';

// The row kind's action hints first, the view's own next, then the global ones, as many as fit the width; ? lists
// the rest.
// hidden: keys that do nothing where the bar is shown (node-only mode has no App for Esc, ':' and history).
export function HintBar({
  width,
  scope,
  hidden = [],
  kind,
}: {
  width: number;
  scope: Scope;
  hidden?: readonly Command[];
  // The kindId of the table's rows: an action's key is hinted only where it acts.
  kind?: string;
}) {
  const hinted = bindingsForHelp(scope, useKeymap(), kind).filter(
    (binding) => binding.hint && !hidden.includes(binding.command),
  );
  // What is special about this kind of row (its actions' keys) first, then the view's keys, then the global ones.
  const ordered = [
    ...hinted.filter((binding) => binding.kinds !== undefined),
    ...hinted.filter((binding) => binding.scope !== 'global' && binding.kinds === undefined),
    ...hinted.filter((binding) => binding.scope === 'global'),
  ];
  const essential = new Set(['app.toggleHelp', 'app.quit']);
  const parts: Array<{command: string; keys: string; hint: string}> = [];
  let used = 0;
  const reserve = ordered
    .filter((binding) => essential.has(binding.command))
    .reduce((total, binding) => total + keyLabels(binding).length + (binding.hint ?? '').length + 5, 0);
  for (const binding of ordered) {
    const cost = keyLabels(binding).length + (binding.hint ?? '').length + 5;
    const fits = used + cost + (essential.has(binding.command) ? 0 : reserve) <= width;
    if (!fits && !essential.has(binding.command)) continue;
    parts.push({command: binding.command, keys: keyLabels(binding), hint: binding.hint ?? ''});
    used += cost;
  }
  return (
    <Text wrap="truncate-end">
      {parts.map((part, index) => (
        <Text key={part.command}>
          {index > 0 ? '  ' : ''}
          <Text color="cyan">{`<${part.keys}>`}</Text>
          <Text>{` ${part.hint}`}</Text>
        </Text>
      ))}
    </Text>
  );
}
