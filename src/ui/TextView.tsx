import {useState} from 'react';
import {Box} from 'ink';
import {Text} from './themed-text.js';
import {errorLine} from '../resources/error-line.js';
import {commandsFor} from '../state/keymap.js';
import {useViewKeys} from './input-gate.js';
import {useKeymap} from './settings-context.js';
import {findMatches, jumpToMatch, scrollTo, textViewState} from '../state/text-view-state.js';
import type {TextViewState} from '../state/text-view-state.js';
import {compileFilter} from '../state/row-projection.js';
import {useClipboard} from './use-clipboard.js';

interface TextViewProps {
  title: string;
  kubectl: string;
  // undefined while loading; an Error is shown as one line.
  lines: readonly string[] | Error | undefined;
  search?: string;
  width: number;
  height: number;
  // Where a copy (Y) says what it copied: the App's message line.
  onFlash?: (message: string) => void;
}

// Describe and YAML: a scrollable text with / search and n/N between matches.
export function TextView({title, kubectl, lines, search, width, height, onFlash}: TextViewProps) {
  const bodyHeight = Math.max(1, height - 1);
  const [state, setState] = useState<TextViewState>(() => textViewState([], bodyHeight));
  // New text or a new search resets the view during render (not in an effect), so a key pressed right after,
  // such as n for the next match, applies on top of the reset instead of being undone by it.
  const [shown, setShown] = useState<{lines: TextViewProps['lines']; search?: string; height: number}>();
  if (Array.isArray(lines) && (shown?.lines !== lines || shown.search !== search || shown.height !== bodyHeight)) {
    setShown({lines, search, height: bodyHeight});
    setState(textViewState(lines, bodyHeight, search));
  }
  const keys = useKeymap();
  const copy = useClipboard();
  useViewKeys((input, key) => {
    for (const command of commandsFor(input, key, 'text', keys)) {
      if (command === 'text.copy') {
        if (Array.isArray(lines)) onFlash?.(copy(title, lines.map((line) => `${line}\n`).join('')));
        continue;
      }
      setState((current) => {
        switch (command) {
          case 'cursor.down':
            return scrollTo(current, current.top + 1);
          case 'cursor.up':
            return scrollTo(current, current.top - 1);
          case 'cursor.pageDown':
            return scrollTo(current, current.top + current.height);
          case 'cursor.pageUp':
            return scrollTo(current, current.top - current.height);
          case 'cursor.top':
            return scrollTo(current, 0);
          case 'cursor.bottom':
            return scrollTo(current, current.lines.length);
          case 'text.nextMatch':
            return jumpToMatch(current, 1);
          case 'text.previousMatch':
            return jumpToMatch(current, -1);
          default:
            return current;
        }
      });
    }
  });
  const highlight = search ? compileFilter(search) : undefined;
  const heading =
    lines instanceof Error
      ? errorLine(lines)
      : `${title}  ${state.lines.length} lines${
          search ? `  /${search}: ${findMatches(state.lines, search).length} matches` : ''
        }`;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Text wrap="truncate-end">
        <Text color={lines instanceof Error ? 'red' : 'green'}>{heading}</Text>
        <Text dimColor>{`  $ ${kubectl}`}</Text>
      </Text>
      {lines === undefined ? <Text dimColor>Loading…</Text> : null}
      {state.lines.slice(state.top, state.top + bodyHeight).map((line, index) => (
        <Text key={state.top + index} wrap="truncate-end" inverse={highlight?.test(line) ?? false}>
          {line || ' '}
        </Text>
      ))}
    </Box>
  );
}
