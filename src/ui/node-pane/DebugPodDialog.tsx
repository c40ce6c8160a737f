import {Box} from 'ink';
import {Text, useSkinColor} from '../themed-text.js';

export interface PaneDialog {
  title: string;
  lines: readonly string[];
  confirm: string;
  // Cancel has the focus until the operator moves it: Enter alone never creates or deletes anything.
  confirmFocused: boolean;
}

export function DebugPodDialog({dialog}: {dialog: PaneDialog}) {
  const border = useSkinColor('red');
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={border} paddingX={1}>
      <Text bold>{dialog.title}</Text>
      {dialog.lines.map((line, index) => (
        <Text key={index}>{line}</Text>
      ))}
      <Box gap={2}>
        <Text inverse={!dialog.confirmFocused}>{' Cancel '}</Text>
        <Text inverse={dialog.confirmFocused} color="red">{` ${dialog.confirm} `}</Text>
      </Box>
      <Text dimColor>tab/←/→ choose, enter confirm, esc cancel</Text>
    </Box>
  );
}
