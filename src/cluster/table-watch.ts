import type {ApiClient} from './api-client.js';
import {abortableSleep} from './abortable-sleep.js';
import {TABLE_ACCEPT} from './api-client.js';
import {KviewError} from './kview-error.js';
import {describeNetworkError} from './describe-error.js';
import type {ConnectionState, RowChange, ServerTable, TableColumnDefinition, TableRow} from './types.js';
import {splitLines} from './line-splitter.js';

export interface TableWatchSink {
  snapshot(columns: TableColumnDefinition[], rows: TableRow[]): void;
  changes(changes: RowChange[]): void;
  state(state: ConnectionState): void;
}

export interface TableWatchOptions {
  pageSize?: number;
  // 'Object' puts the whole object in each row (needed for taints, event timestamps); the default is metadata only.
  includeObject?: 'Object' | 'Metadata';
  labelSelector?: string;
  fieldSelector?: string;
  // Reconnect delays grow from the first to the last and stay there: short enough to recover within seconds.
  retryDelaysMs?: number[];
  sleep?: (milliseconds: number, signal: AbortSignal) => Promise<void>;
  now?: () => number;
}

interface WatchEventLine {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: ServerTable & {code?: number; message?: string; reason?: string};
}

const DEFAULT_RETRY_DELAYS = [250, 500, 1000, 2000, 3000];

// List (paginated) then watch, both in the server's Table rendering so every cell is the one kubectl prints.
// Any failure re-lists from scratch: a fresh snapshot can never keep a row that was deleted while disconnected.
export function startTableWatch(
  client: ApiClient,
  collectionPath: string,
  sink: TableWatchSink,
  options: TableWatchOptions = {},
): {stop: () => void} {
  const controller = new AbortController();
  const signal = controller.signal;
  const pageSize = options.pageSize ?? 2000;
  const retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const selection = (query: URLSearchParams) => {
    if (options.includeObject) query.set('includeObject', options.includeObject);
    if (options.labelSelector) query.set('labelSelector', options.labelSelector);
    if (options.fieldSelector) query.set('fieldSelector', options.fieldSelector);
    return query;
  };

  async function listAll(): Promise<{columns: TableColumnDefinition[]; rows: TableRow[]; resourceVersion: string}> {
    let columns: TableColumnDefinition[] = [];
    const rows: TableRow[] = [];
    let continueToken = '';
    let resourceVersion = '';
    do {
      const query = selection(new URLSearchParams({limit: String(pageSize)}));
      if (continueToken) query.set('continue', continueToken);
      const page = await client.getJson<ServerTable>(`${collectionPath}?${query}`, TABLE_ACCEPT, signal);
      if (page.columnDefinitions && page.columnDefinitions.length > 0) columns = page.columnDefinitions;
      for (const row of page.rows ?? []) rows.push(row);
      continueToken = page.metadata?.continue ?? '';
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      sink.state({phase: 'connecting', loaded: rows.length});
    } while (continueToken && !signal.aborted);
    return {columns, rows, resourceVersion};
  }

  // Resolves when the server ends the watch normally; throws on a broken stream or an ERROR event.
  async function watchFrom(resourceVersion: string): Promise<string> {
    let current = resourceVersion;
    const query = selection(
      new URLSearchParams({
        watch: '1',
        resourceVersion,
        allowWatchBookmarks: 'true',
        timeoutSeconds: String(300 + Math.floor(Math.random() * 300)),
      }),
    );
    const lines = splitLines();
    let failure: KviewError | undefined;
    await client.stream(
      `${collectionPath}?${query}`,
      TABLE_ACCEPT,
      (chunk) => {
        const batch: RowChange[] = [];
        for (const line of lines.push(chunk)) {
          if (failure || line.trim() === '') continue;
          const event = JSON.parse(line) as WatchEventLine;
          if (event.type === 'ERROR') {
            const code = event.object.code ?? 0;
            failure = new KviewError(
              event.object.message ?? 'watch error',
              code === 410 ? 'the list is re-read' : '',
              code === 410 ? 'gone' : 'other',
            );
            continue;
          }
          current = event.object.metadata?.resourceVersion ?? current;
          if (event.type === 'BOOKMARK') continue;
          for (const row of event.object.rows ?? []) {
            current = row.object?.metadata?.resourceVersion ?? current;
            batch.push({type: event.type, row});
          }
        }
        if (batch.length > 0) sink.changes(batch);
      },
      signal,
    );
    if (failure) throw failure;
    return current;
  }

  async function run(): Promise<void> {
    let attempt = 0;
    while (!signal.aborted) {
      try {
        const listed = await listAll();
        if (signal.aborted) return;
        sink.snapshot(listed.columns, listed.rows);
        sink.state({phase: 'live', since: now()});
        attempt = 0;
        let resourceVersion = listed.resourceVersion;
        for (;;) resourceVersion = await watchFrom(resourceVersion);
      } catch (caught) {
        if (signal.aborted) return;
        const error = caught instanceof KviewError ? caught : describeNetworkError(caught, '');
        if (error.kind === 'gone') {
          sink.state({phase: 'resyncing', reason: error.message});
          continue;
        }
        if (error.kind === 'forbidden') {
          sink.state({phase: 'forbidden', message: error.message, hint: error.hint});
        }
        const delay = retryDelays[Math.min(attempt, retryDelays.length - 1)] ?? 1000;
        attempt += 1;
        if (error.kind !== 'forbidden') {
          sink.state({phase: 'disconnected', message: error.message, hint: error.hint, retryInMs: delay, attempt});
        }
        // A forbidden list stays forbidden until RBAC changes; retry slowly rather than hammer the server.
        await sleep(error.kind === 'forbidden' ? 10_000 : delay, signal).catch(() => undefined);
      }
    }
  }

  void run();
  return {stop: () => controller.abort()};
}
