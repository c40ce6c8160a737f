import {useRef, useState} from 'react';
import {Box} from 'ink';
import {Text} from './themed-text.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import type {ForwardPlan} from '../cluster/port-forward.js';
import {editLine} from '../state/line-editor.js';
import {formatForwardInput, parseForwardInput} from '../state/forward-state.js';
import type {ForwardChoice} from '../state/forward-state.js';
import {useClaimKeys, useViewKeys} from './input-gate.js';

interface ForwardPromptProps {
  plan: ForwardPlan;
  defaults: ForwardChoice;
  onSubmit: (choice: ForwardChoice) => void;
  onCancel: () => void;
}

// The port-forward prompt on the message line: `[ADDRESS:]LOCAL[:REMOTE]`, filled with the defaults. It claims the
// keyboard while open, so ':' in an address is text, and keeps its text in a ref so typed-ahead keys land in it.
export function ForwardPrompt({plan, defaults, onSubmit, onCancel}: ForwardPromptProps) {
  const [text, setText] = useState(() => formatForwardInput(defaults));
  const textRef = useRef(text);
  const [problem, setProblem] = useState<string>();
  const doneRef = useRef(false);
  useClaimKeys(true);
  useViewKeys((input, key) => {
    if (doneRef.current) return;
    const edit = editLine(textRef.current, input, key);
    textRef.current = edit.text;
    setText(edit.text);
    if (edit.done === 'cancel') {
      doneRef.current = true;
      return onCancel();
    }
    if (edit.done !== 'submit') return;
    const choice = parseForwardInput(edit.text, defaults);
    if ('error' in choice) return setProblem(choice.error);
    doneRef.current = true;
    onSubmit(choice);
  });
  const {target} = plan;
  return (
    <Box>
      {/* A narrow terminal loses the start of the label, never the format or the text being typed. */}
      <Box flexShrink={1}>
        <Text color="cyan" wrap="truncate-start">
          {sanitizeCell(
            `port-forward ${target.kind.singular} ${target.namespace}/${target.name} (pod ${plan.pod}; ports ` +
              `${plan.ports.map((port) => port.label).join(', ')}) [ADDRESS:]LOCAL[:REMOTE]: `,
          )}
        </Text>
      </Box>
      <Box flexShrink={0}>
        <Text>{text}</Text>
        <Text inverse> </Text>
      </Box>
      <Box flexShrink={2}>
        <Text dimColor wrap="truncate-end">
          {problem ? `  ${sanitizeCell(problem)}` : '  Enter forward · Esc cancel · LOCAL 0: any free port'}
        </Text>
      </Box>
    </Box>
  );
}
