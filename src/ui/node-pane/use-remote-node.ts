import {useEffect, useMemo, useState} from 'react';
import type {KubeletProxyReading} from '../../cluster/kubelet-proxy.js';
import type {ReadNodeLogRange} from '../../cluster/node-file-log-source.js';
import {errorLine} from '../../resources/error-line.js';
import {logListing} from '../../resources/kubelet-logs.js';
import {remoteNodeReport} from '../../resources/remote-node-report.js';
import type {Part, RemoteNodeReport} from '../../resources/remote-node-report.js';
import type {LogListingEntry} from '../../resources/kubelet-logs.js';
import type {RemoteLogView} from './remote-lines.js';

// How the pane reaches a node kview does not run on: the API server's node proxy (see cluster/kubelet-proxy.ts).
export interface RemoteNodeAccess {
  readNodeProxy(node: string): Promise<KubeletProxyReading>;
  readNodeLog(node: string, path: string): Promise<{text: string; complete: boolean}>;
  readNodeLogRange: ReadNodeLogRange;
}

// Reads the node on mount and again for each refresh; a failed refresh replaces the report with its one line,
// so figures from an earlier read are never shown as current.
export function useRemoteNode(
  access: RemoteNodeAccess,
  node: string,
  refreshCount: number,
  now: () => number,
): {report: RemoteNodeReport | undefined; problem: string | undefined; readAtMs: number | undefined} {
  const [state, setState] = useState<{
    report: RemoteNodeReport | undefined;
    problem: string | undefined;
    readAtMs: number | undefined;
  }>({report: undefined, problem: undefined, readAtMs: undefined});
  useEffect(() => {
    let current = true;
    access.readNodeProxy(node).then(
      (reading) => {
        if (current) setState({report: remoteNodeReport(reading), problem: undefined, readAtMs: now()});
      },
      (error: unknown) => {
        if (current)
          setState({report: undefined, problem: `cannot read node ${node}: ${errorLine(error)}`, readAtMs: undefined});
      },
    );
    return () => {
      current = false;
    };
  }, [access, node, refreshCount, now]);
  return state;
}

export type LogOpen = {kind: 'directory'; path: string} | {kind: 'file'; path: string} | undefined;

interface LogAnswer {
  open: LogOpen;
  entries: Part<LogListingEntry[]>;
}

// The /var/log directory open in the Journal section, read when it is opened and on each refresh (a file opens in
// the log reader, which reads it itself).
export function useRemoteLogs(
  access: RemoteNodeAccess,
  node: string,
  open: LogOpen,
  refreshCount: number,
): RemoteLogView {
  const [answer, setAnswer] = useState<LogAnswer | undefined>(undefined);
  useEffect(() => {
    if (open?.kind !== 'directory') return;
    let current = true;
    access.readNodeLog(node, `${open.path}/`).then(
      (body) => {
        if (current) setAnswer({open, entries: {value: logListing(body.text)}});
      },
      (error: unknown) => {
        if (current) setAnswer({open, entries: {problem: errorLine(error)}});
      },
    );
    return () => {
      current = false;
    };
  }, [access, node, open, refreshCount]);
  return useMemo((): RemoteLogView => {
    if (!open) return {directory: '', entries: undefined};
    // An answer for what was open before is not shown for what is open now.
    const entries = answer && answer.open === open ? answer.entries : undefined;
    if (open.kind === 'directory') return {directory: open.path, entries};
    return {directory: parentOf(open.path), entries: undefined};
  }, [answer, open]);
}

export function parentOf(path: string): string {
  const index = path.lastIndexOf('/');
  return index < 0 ? '' : path.slice(0, index);
}
