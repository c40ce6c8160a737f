import {Writable} from 'node:stream';
import {Exec} from '@kubernetes/client-node';
import type {KubeConfig} from '@kubernetes/client-node';
import {parseExecStatus} from './exec-status.js';
import type {ExecExit, ExecStatusObject} from './exec-status.js';

export interface ExecTarget {
  namespace: string;
  pod: string;
  container: string;
}

export interface ExecIo {
  onStdout: (chunk: Buffer) => void;
  onStderr: (chunk: Buffer) => void;
  // Closes the connection; the command's end is then reported as 'closed'.
  signal: AbortSignal;
  // The WebSocket handshake (the API server, then the kubelet) must answer within this long.
  connectTimeoutMs: number;
}

export type ExecEnd = ExecExit | {closed: true} | {connectProblem: string};

// What kview needs of the socket client-node hands back (a `ws` WebSocket).
interface ExecSocket {
  close(): void;
  // Drops the connection at once: close() waits for the peer's close frame, 30 s when the peer is stuck.
  terminate(): void;
  once(event: 'close', listener: () => void): void;
}

// Runs an argument array in a container over the API server's exec WebSocket (client-node's Exec; no kubectl and
// no shell: each word is its own `command=` parameter) and resolves with how it ended, never rejecting.
export function execInPod(kubeConfig: KubeConfig, target: ExecTarget, command: readonly string[], io: ExecIo) {
  return new Promise<ExecEnd>((resolve) => {
    let status: ExecStatusObject | undefined;
    let settled = false;
    const finish = (end: ExecEnd) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      resolve(end);
    };
    let socket: ExecSocket | undefined;
    const onAbort = () => {
      if (socket) socket.terminate();
      else finish({closed: true});
    };
    const connectTimer = setTimeout(
      () => finish({connectProblem: `no exec connection within ${io.connectTimeoutMs / 1000}s`}),
      io.connectTimeoutMs,
    );
    const sink = (onChunk: (chunk: Buffer) => void) =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          onChunk(chunk);
          callback();
        },
      });
    if (io.signal.aborted) return finish({closed: true});
    io.signal.addEventListener('abort', onAbort, {once: true});
    // client-node's default handler keeps process.stdin/stdout for the v5 close signal, which the server does
    // not send (only a client half-closes stdin); stdin is never opened here.
    new Exec(kubeConfig)
      .exec(
        target.namespace,
        target.pod,
        target.container,
        [...command],
        sink(io.onStdout),
        sink(io.onStderr),
        null,
        false,
        (answer) => {
          status = answer;
        },
      )
      .then(
        (opened) => {
          const connected = opened as unknown as ExecSocket;
          socket = connected;
          clearTimeout(connectTimer);
          // Connected after the timeout already answered: nobody reads it any more.
          if (settled) return connected.terminate();
          connected.once('close', () => {
            io.signal.removeEventListener('abort', onAbort);
            finish(status ? parseExecStatus(status) : {closed: true});
          });
        },
        (error: unknown) => {
          io.signal.removeEventListener('abort', onAbort);
          finish({connectProblem: connectLine(error)});
        },
      );
  });
}

// ws reports a refused upgrade as "Unexpected server response: 403"; the status names the cause.
function connectLine(error: unknown): string {
  const message =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error !== null && 'message' in error
        ? String(error.message)
        : String(error);
  const code = /Unexpected server response: (\d+)/.exec(message)?.[1];
  if (code === '403') return 'forbidden: create pods/exec is not allowed for you (HTTP 403)';
  if (code === '404') return 'the debug pod is gone (HTTP 404)';
  if (code) return `the exec request was refused (HTTP ${code})`;
  return `cannot open the exec connection: ${message.split('\n')[0] ?? ''}`;
}
