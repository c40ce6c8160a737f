import {useEffect} from 'react';
import type {Dispatch} from 'react';
import {sanitizeText} from '../resources/sanitize-text.js';
import type {LogEntry} from '../state/log-buffer.js';
import {itemsFrom} from '../state/log-chunked-list.js';
import type {LogViewAction, LogViewState} from '../state/log-view-state.js';
import {useClipboard} from './use-clipboard.js';
import {useLatest} from './use-latest.js';

// y copies the lines on screen, Y the whole buffer: the text of each line without the colours and escape sequences
// the program wrote (a clipboard pasted into a shell must not carry them).
export function useLogCopy(state: LogViewState, visible: readonly LogEntry[], dispatch: Dispatch<LogViewAction>): void {
  const request = state.copyRequest;
  const copy = useClipboard();
  const latestRef = useLatest({buffer: state.buffer, visible});
  useEffect(() => {
    if (!request) return;
    const entries =
      request.what === 'visible' ? latestRef.current.visible : [...itemsFrom(latestRef.current.buffer.entries, 0)];
    const text = entries.map((entry) => `${sanitizeText(entry.line.text)}\n`).join('');
    const what = `${entries.length} ${request.what === 'visible' ? 'visible ' : ''}line${entries.length === 1 ? '' : 's'}`;
    dispatch({type: 'copied', id: request.id, message: copy(what, text)});
  }, [request, copy, dispatch, latestRef]);
}
