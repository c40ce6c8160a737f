export interface LineEdit {
  text: string;
  done?: 'submit' | 'cancel';
}

// One keystroke applied to the prompt's text: printable characters append, Backspace deletes, ctrl-u clears,
// Enter submits and Esc cancels. Pure, so a burst of typed-ahead keys applies in order without waiting for renders.
export function editLine(
  text: string,
  input: string,
  key: {return?: boolean; escape?: boolean; backspace?: boolean; delete?: boolean; ctrl?: boolean},
): LineEdit {
  if (key.escape) return {text, done: 'cancel'};
  if (key.return) return {text, done: 'submit'};
  if (key.backspace || key.delete) return {text: [...text].slice(0, -1).join('')};
  if (key.ctrl) return input === 'u' ? {text: ''} : {text};
  let next = text;
  for (const character of input) {
    if (character === '\r' || character === '\n') return {text: next, done: 'submit'};
    if (character >= ' ' && character !== '\u007f') next += character;
  }
  return {text: next};
}
