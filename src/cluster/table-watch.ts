import type {ApiClient} from './api-client.js';
import {abortableSleep} from './abortable-sleep.js';
import {StaleStreamError, TABLE_ACCEPT} from './api-client.js';
import {createBackoff} from './retry.js';
import type {Sleep} from './retry.js';
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
  sleep?: Sleep;
  now?: () => number;
  // A watch open this long proved the connection: the next reconnect starts from the first delay again.
  healthyAfterMs?: number;
}

interface WatchEventLine {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: ServerTable & {code?: number; message?: string; reason?: string};
}

const DEFAULT_RETRY_DELAYS = [250, 500, 1000, 2000, 3000];
const HEALTHY_WATCH_MS = 10_000;

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
  const healthyAfterMs = options.healthyAfterMs ?? HEALTHY_WATCH_MS;
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? Date.now;
  const selection = (query: URLSearchParams) => {
    if (options.includeObject) query.set('includeObject', options.includeObject);
    if (options.labelSelector) query.set('labelSelector', options.labelSelector);
    if (options.fieldSelector) query.set('fieldSelector', options.fieldSelector);
    return query;
  };

  async function listAll(
    reportProgress: boolean,
  ): Promise<{columns: TableColumnDefinition[]; rows: TableRow[]; resourceVersion: string}> {
    let columns: TableColumnDefinition[] = [];
    const rows: TableRow[] = [];
    let continueToken = '';
    let resourceVersion = '';
    do {
      const query = selection(new URLSearchParams({limit: String(pageSize)}));
      if (continueToken) query.set('continue', continueToken);
      const page = await client.getJson<ServerTable>(`${collectionPath}?${query.toString()}`, TABLE_ACCEPT, signal);
      if (page.columnDefinitions && page.columnDefinitions.length > 0) columns = page.columnDefinitions;
      for (const row of page.rows ?? []) rows.push(withoutManagedFields(row));
      continueToken = page.metadata?.continue ?? '';
      resourceVersion = page.metadata?.resourceVersion ?? resourceVersion;
      if (reportProgress) sink.state({phase: 'connecting', loaded: rows.length});
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
    await client.stream(
      `${collectionPath}?${query.toString()}`,
      TABLE_ACCEPT,
      (chunk) => {
        const batch: RowChange[] = [];
        for (const line of lines.push(chunk)) {
          if (line.trim() === '') continue;
          const event = parseEvent(line);
          if (event.type === 'ERROR') {
            const code = event.object.code ?? 0;
            // Thrown here, the error ends the stream at once (the client rejects with it).
            throw new KviewError(
              event.object.message ?? 'watch error',
              code === 410 ? 'the list is re-read' : '',
              code === 410 ? 'gone' : 'other',
            );
          }
          current = event.object.metadata?.resourceVersion ?? current;
          if (event.type === 'BOOKMARK') continue;
          for (const row of event.object.rows ?? []) {
            current = row.object?.metadata?.resourceVersion ?? current;
            batch.push({type: event.type, row: withoutManagedFields(row)});
          }
        }
        if (batch.length > 0) sink.changes(batch);
      },
      signal,
    );
    return current;
  }

  // States while the rows on screen are from an earlier list: stale (the path went dead, since the last byte
  // heard) stays stale through every failed reconnect until a fresh list replaces the rows.
  async function run(): Promise<void> {
    const backoff = createBackoff({delaysMs: retryDelays, sleep});
    let hasSnapshot = false;
    let staleSince: number | undefined;
    let watchOpenedAt: number | undefined;
    while (!signal.aborted) {
      try {
        watchOpenedAt = undefined;
        const listed = await listAll(!hasSnapshot);
        if (signal.aborted) return;
        sink.snapshot(listed.columns, listed.rows);
        hasSnapshot = true;
        staleSince = undefined;
        sink.state({phase: 'live', since: now()});
        let resourceVersion = listed.resourceVersion;
        for (;;) {
          watchOpenedAt = now();
          resourceVersion = await watchFrom(resourceVersion);
          if (now() - watchOpenedAt >= healthyAfterMs) backoff.succeeded();
          // A normal end (the server's timeoutSeconds, or a proxy closing streams) re-watches after the backoff.
          await backoff.wait(signal);
          if (signal.aborted) return;
        }
      } catch (caught) {
        if (signal.aborted) return;
        // A watch that ran for a while proved the connection: its failure starts the backoff from the first delay.
        if (watchOpenedAt !== undefined && now() - watchOpenedAt >= healthyAfterMs) backoff.succeeded();
        const error = caught instanceof KviewError ? caught : describeNetworkError(caught, '');
        if (error instanceof StaleStreamError) staleSince ??= error.knownTrueAt;
        if (error.kind === 'forbidden') {
          sink.state({phase: 'forbidden', message: error.message, hint: error.hint});
          // A forbidden list stays forbidden until RBAC changes; retry slowly rather than hammer the server.
          await sleep(10_000, signal).catch(() => undefined);
          continue;
        }
        // Still no answer: stale since the rows were last known true. An answer that names the cause (refused,
        // unauthorized, TLS) is shown as such, the rows still dimmed.
        if (staleSince !== undefined && error.kind === 'unreachable') {
          sink.state({phase: 'stale', since: staleSince, message: error.message});
        } else if (error.kind === 'gone') {
          sink.state({phase: 'resyncing', reason: error.message});
        } else {
          sink.state({
            phase: 'disconnected',
            message: error.message,
            hint: error.hint,
            retryInMs: backoff.nextDelayMs,
            attempt: backoff.attempt + 1,
          });
        }
        await backoff.wait(signal);
      }
    }
  }

  run().catch((error: unknown) => {
    // run() catches everything it awaits; this is the last guard against an unhandled rejection.
    if (!signal.aborted)
      sink.state({phase: 'disconnected', message: String(error), hint: '', retryInMs: 0, attempt: 0});
  });
  return {stop: () => controller.abort()};
}

function parseEvent(line: string): WatchEventLine {
  try {
    return JSON.parse(line) as WatchEventLine;
  } catch {
    throw new KviewError(`a watch event from the server is not JSON: ${line.slice(0, 80)}`, 'the watch is reopened');
  }
}

// Server-side apply's field ownership is the largest part of most objects' metadata (a pod's is about 1-3 KB):
// 100,000 rows kept it for nothing, since YAML, edit and describe leave it out and read the object afresh.
function withoutManagedFields(row: TableRow): TableRow {
  if (row.object?.metadata?.managedFields !== undefined) delete row.object.metadata.managedFields;
  return row;
}
