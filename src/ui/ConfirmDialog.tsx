import {Box} from 'ink';
import {Text, useSkinColor} from './themed-text.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import {describeTargets} from '../state/actions.js';
import type {ActionField} from '../state/actions.js';
import {actionFocused, cancelFocused} from '../state/confirm-state.js';
import type {ConfirmState} from '../state/confirm-state.js';

// Every action asks first; a destructive one with Cancel focused. Keys are applied by the App (confirm-state.ts),
// so a key pressed the instant the dialog appears is not lost. Names and images come from the cluster: made inert.
export function ConfirmDialog({state, width}: {state: ConfirmState; width: number}) {
  const border = useSkinColor(state.destructive ? 'red' : 'yellow');
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1} width={width}>
      <Text bold wrap="truncate-end">
        {sanitizeCell(`${state.verb} ${describeTargets(state.request)}?`)}
      </Text>
      {state.fields.map((field, index) => (
        <FieldLine key={field.name} field={field} state={state} focused={state.focus === index} />
      ))}
      {state.problem ? <Text color="red">{state.problem}</Text> : null}
      <Box>
        <Text inverse={cancelFocused(state)}>{' Cancel '}</Text>
        <Text>{'   '}</Text>
        <Text inverse={actionFocused(state)} color={state.destructive ? 'red' : 'yellow'}>{` ${state.verb} `}</Text>
        <Text dimColor wrap="truncate-end">
          {'   Tab/↑/↓ move · ←/→ choose · Enter · Esc cancels'}
        </Text>
      </Box>
    </Box>
  );
}

function FieldLine({field, state, focused}: {field: ActionField; state: ConfirmState; focused: boolean}) {
  const value = state.values[field.name];
  const marker = focused ? '›' : ' ';
  switch (field.type) {
    case 'toggle':
      return (
        <Text inverse={focused}>{`${marker}[${value === true ? 'x' : ' '}] ${field.hotkey}: ${field.label}`}</Text>
      );
    case 'choice': {
      const options = state.choices[field.name] ?? [];
      const shown = options.length > 1 ? `‹ ${String(value)} ›  (${options.length} to choose from)` : String(value);
      return <Text wrap="truncate-end">{sanitizeCell(`${marker}${field.label}: ${shown || '(none)'}`)}</Text>;
    }
    case 'text':
      return (
        <Text wrap="truncate-end">
          {`${marker}${field.label}: `}
          <Text inverse={focused}>{sanitizeCell(`${String(value ?? '')}${focused ? '_' : ''}`)}</Text>
        </Text>
      );
  }
}
