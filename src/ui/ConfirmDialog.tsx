import {Box} from 'ink';
import {Text, useSkinColor} from './themed-text.js';
import {DRAIN_TOGGLES} from '../state/confirm-state.js';
import type {ConfirmState} from '../state/confirm-state.js';

// Destructive actions ask first, with Cancel focused. Keys are applied by the App (confirm-state.ts), so a key
// pressed the instant the dialog appears is not lost.
export function ConfirmDialog({state}: {state: ConfirmState}) {
  const {request, confirmFocused, drain} = state;
  const border = useSkinColor('red');
  const what = `${request.kind.singular} ${request.namespace ? `${request.namespace}/` : ''}${request.name}`;
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1}>
      <Text bold>{`${request.verb} ${what}?`}</Text>
      {request.verb === 'drain'
        ? DRAIN_TOGGLES.map((toggle) => (
            <Text key={toggle.key}>{`[${drain[toggle.key] ? 'x' : ' '}] ${toggle.hotkey}: ${toggle.label}`}</Text>
          ))
        : null}
      <Box>
        <Text inverse={!confirmFocused}>{' Cancel '}</Text>
        <Text>{'   '}</Text>
        <Text inverse={confirmFocused} color="red">{` ${request.verb} `}</Text>
        <Text dimColor>{'   ←/→ choose · Enter · Esc cancels'}</Text>
      </Box>
    </Box>
  );
}
