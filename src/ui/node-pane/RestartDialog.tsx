import {Box} from 'ink';
import {Text, useSkinColor} from '../themed-text.js';
import type {RestartDialog as Dialog} from '../../state/node-pane-state.js';

export function RestartDialog({dialog}: {dialog: Dialog}) {
  const border = useSkinColor('red');
  const button = (name: Dialog['focus'], label: string) => (
    <Text inverse={dialog.focus === name} color={name === 'restart' ? 'red' : undefined}>{` ${label} `}</Text>
  );
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1}>
      <Text bold>{`Restart ${dialog.unit}?`}</Text>
      <Text>{`Runs: systemctl restart ${dialog.unit}. Pods keep running, but the node stops reporting while it starts.`}</Text>
      <Box gap={2}>
        {button('cancel', 'Cancel')}
        {button('restart', 'Restart')}
      </Box>
      <Text dimColor>tab/←/→ choose, enter confirm, esc cancel</Text>
    </Box>
  );
}
