import {useEffect} from 'react';
import type {Dispatch} from 'react';
import {writeExclusiveFile} from '../io/exclusive-file.js';
import {errorLine} from '../resources/error-line.js';
import type {LogEntry} from '../state/log-buffer.js';
import {itemsFrom} from '../state/log-chunked-list.js';
import type {LogViewAction, LogViewState} from '../state/log-view-state.js';
import {useLatest} from './use-latest.js';

// Writes the text to a new file at the path, or beside it when the name is taken; resolves to the path written.
export type LogFileWriter = (path: string, text: string) => Promise<string>;

// A new private file (0600, as k9s writes its dumps), never one that exists or a symlink's target.
export const writeLogFile: LogFileWriter = writeExclusiveFile;

// Writes the whole buffer (not only the filtered lines) as kubectl logs --timestamps would print it, with the
// stream in front when several are mixed.
export function useLogSave(state: LogViewState, dispatch: Dispatch<LogViewAction>, writer: LogFileWriter): void {
  const request = state.saveRequest;
  // Only a new request writes, with the buffer as it is then; later lines do not rewrite the file.
  const bufferRef = useLatest(state.buffer);
  useEffect(() => {
    if (!request) return;
    const entries = [...itemsFrom(bufferRef.current.entries, 0)];
    const isMixed = new Set(entries.map((entry) => entry.line.streamId).filter(Boolean)).size > 1;
    const text = entries.map((entry) => savedLine(entry, isMixed)).join('');
    writer(request.path, text)
      .then((written) =>
        dispatch({type: 'saved', id: request.id, message: `saved ${entries.length} lines to ${written}`}),
      )
      .catch((error: unknown) =>
        dispatch({
          type: 'saved',
          id: request.id,
          message: `not saved: ${errorLine(error)}`,
        }),
      );
  }, [request, writer, dispatch, bufferRef]);
}

function savedLine(entry: LogEntry, isMixed: boolean): string {
  const prefix = isMixed && entry.line.streamId ? `[${entry.line.streamId}] ` : '';
  const stamp = entry.line.timestamp ? `${entry.line.timestamp} ` : '';
  return `${prefix}${stamp}${entry.line.text}\n`;
}
