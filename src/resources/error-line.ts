import {KviewError} from '../cluster/kview-error.js';
import {sanitizeCell} from './sanitize-text.js';

// Longer messages (an HTML error page, a JSON body) are cut: the line must fit the one line a view gives it.
const MAX_LENGTH = 300;

// What a failed call says in a view: its message's first line, made inert (a message can quote a pod's name or a
// server's body), never a stack trace.
export function errorLine(error: unknown): string {
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : (JSON.stringify(error) ?? '');
  const first = message
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  const text = first ?? (error instanceof Error ? error.name : 'unknown error');
  // kview's own errors carry the hint that says what to do about them.
  const line = sanitizeCell(error instanceof KviewError && error.hint ? `${text} (${error.hint})` : text);
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line;
}
