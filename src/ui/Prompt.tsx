import {Box} from 'ink';
import {Text} from './themed-text.js';
import type {PromptMode} from '../state/app-state.js';

interface PromptProps {
  mode: PromptMode;
  text: string;
  suggestions?: readonly string[];
}

// The ':' command line and the '/' filter line at the bottom of the screen, as in k9s and less. Keys are applied
// by the App (see line-editor.ts) so that typed-ahead text is never lost; this only draws.
export function Prompt({mode, text, suggestions = []}: PromptProps) {
  const first = text.trim().split(/\s+/)[0] ?? '';
  const completion =
    mode === 'command' && first && !text.includes(' ')
      ? suggestions.find((name) => name.startsWith(first) && name !== first)
      : undefined;
  return (
    <Box>
      <Text color="cyan">{mode === 'command' ? ':' : '/'}</Text>
      <Text>{text}</Text>
      <Text inverse> </Text>
      {completion ? <Text dimColor>{completion.slice(first.length)}</Text> : null}
      <Text dimColor>
        {mode === 'command'
          ? '   Enter run · Esc cancel'
          : '   regex · !inverse · -l label=value · Enter apply · Esc cancel'}
      </Text>
    </Box>
  );
}
