import {PassThrough, Writable} from 'node:stream';
import {Attach, Exec} from '@kubernetes/client-node';
import type {KubeConfig, V1Status} from '@kubernetes/client-node';
import {KviewError} from './kview-error.js';

// A container's terminal through the API server's WebSocket (what kubectl exec -it and kubectl attach -it do),
// without the kubectl binary.
export interface PodTerminalTarget {
  namespace: string;
  pod: string;
  container: string;
  // exec runs the command; attach joins the container's own process (it must run with stdin and tty).
  mode: 'exec' | 'attach';
  command?: readonly string[];
}

// The terminal the session is wired to: keys come from input, output goes to output, and its size is sent on
// every resize (the TTY's resize channel), so full-screen programs inside the container fit.
export interface TerminalStreams {
  onInput(listener: (chunk: string) => void): () => void;
  output: {write(chunk: Uint8Array | string): unknown; columns: number; rows: number};
  onResize(listener: () => void): () => void;
}

export interface TerminalEnd {
  // The server's verdict (exec only): Success, or Failure with the exit code or why the command did not start.
  status?: 'Success' | 'Failure';
  exitCode?: number;
  reason?: string;
  message?: string;
  // Bytes the container wrote: a shell that started has printed its prompt.
  outputBytes: number;
  // The session ended on kview's side (detach), not the container's.
  detached: boolean;
}

export const TERMINAL_CONNECT_TIMEOUT_MS = 15_000;

// ctrl-p ctrl-q, as kubectl attach and docker take it: leave the container's process running.
const DETACH_SEQUENCE = '\u0010\u0011';

export async function runPodTerminal(
  kubeConfig: KubeConfig,
  target: PodTerminalTarget,
  terminal: TerminalStreams,
  connectTimeoutMs = TERMINAL_CONNECT_TIMEOUT_MS,
): Promise<TerminalEnd> {
  const stdin = new PassThrough();
  let outputBytes = 0;
  let detached = false;
  let verdict: V1Status | undefined;
  let closeSocket: () => void = () => undefined;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      outputBytes += chunk.length;
      terminal.output.write(chunk);
      done();
    },
  });
  // client-node reads the size from the stream it writes stdout to and listens there for 'resize'.
  // Getters, not copies: the size is read again on every resize.
  const stdout = Object.defineProperties(sink, {
    columns: {get: () => terminal.output.columns},
    rows: {get: () => terminal.output.rows},
  });
  let previous = '';
  const stopInput = terminal.onInput((text) => {
    if (target.mode === 'attach' && (previous + text).includes(DETACH_SEQUENCE)) {
      detached = true;
      closeSocket();
      return;
    }
    previous = text.slice(-1);
    stdin.write(Buffer.from(text, 'utf8'));
  });
  const stopResizes = terminal.onResize(() => stdout.emit('resize'));
  const cleanUp = () => {
    stopInput();
    stopResizes();
    stdin.end();
  };
  try {
    const socket = await withTimeout(
      connect(kubeConfig, target, stdout, stdin, (status) => {
        verdict = status;
      }),
      connectTimeoutMs,
      target,
    );
    closeSocket = () => socket.close();
    await new Promise<void>((resolve) => {
      if (socket.readyState === CLOSED) resolve();
      socket.addEventListener('close', () => resolve());
      socket.addEventListener('error', () => resolve());
    });
  } finally {
    cleanUp();
  }
  return {...readVerdict(verdict), outputBytes, detached};
}

// The part of client-node's WebSocket (the ws package, whose types are not installed) this file uses.
interface Socket {
  readonly readyState: number;
  close(): void;
  addEventListener(type: 'close' | 'error', listener: () => void): void;
}

function isSocket(value: unknown): value is Socket {
  return typeof value === 'object' && value !== null && 'close' in value && 'addEventListener' in value;
}

const CLOSED = 3;

function connect(
  kubeConfig: KubeConfig,
  target: PodTerminalTarget,
  stdout: Writable,
  stdin: PassThrough,
  onStatus: (status: V1Status) => void,
): Promise<unknown> {
  const {namespace, pod, container} = target;
  if (target.mode === 'attach') {
    return new Attach(kubeConfig).attach(namespace, pod, container, stdout, null, stdin, true);
  }
  // With a TTY the server merges stderr into stdout, as kubectl exec -t does.
  return new Exec(kubeConfig).exec(
    namespace,
    pod,
    container,
    [...(target.command ?? ['sh'])],
    stdout,
    null,
    stdin,
    true,
    onStatus,
  );
}

// client-node's WebSocket has no timeout of its own: a server that never answers the upgrade must not hang the
// terminal; a socket that opens after the timeout is closed at once.
async function withTimeout(opening: Promise<unknown>, timeoutMs: number, target: PodTerminalTarget): Promise<Socket> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(
        new KviewError(
          `no answer to ${target.mode} in ${target.namespace}/${target.pod} within ${timeoutMs / 1000} s`,
          'check the network path to the API server and that the kubelet of the pod’s node answers',
          'unreachable',
        ),
      );
    }, timeoutMs);
  });
  const socket = opening.then(
    (value) => {
      if (!isSocket(value)) throw new KviewError('the terminal session could not start', 'client-node changed');
      if (timedOut) value.close();
      return value;
    },
    (error: unknown) => Promise.reject(upgradeError(error)),
  );
  // Settled either way, so a late failure after the timeout is not an unhandled rejection.
  socket.catch(() => undefined);
  try {
    return await Promise.race([socket, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

// The upgrade's refusal is an ErrorEvent or an Error whose text carries the HTTP status ("Unexpected server
// response: 403"); the one line says what the status means here.
function upgradeError(error: unknown): KviewError {
  const text =
    error instanceof Error
      ? error.message
      : typeof error === 'object' && error !== null && 'message' in error
        ? String(error.message)
        : String(error);
  const status = /response: (\d{3})/.exec(text)?.[1];
  if (status === '403') {
    return new KviewError(
      `forbidden: ${text}`,
      'ask for RBAC permission to create pods/exec or pods/attach',
      'forbidden',
    );
  }
  if (status === '404') return new KviewError(`not found: ${text}`, 'the pod may be gone', 'not-found');
  if (status === '400') {
    return new KviewError(
      `the server refused the session: ${text}`,
      'is the container running (and, for attach, started with stdin and tty)?',
      'invalid',
    );
  }
  return new KviewError(`the terminal session could not start: ${text}`, 'check the connection to the API server');
}

function readVerdict(status: V1Status | undefined): Omit<TerminalEnd, 'outputBytes' | 'detached'> {
  if (!status) return {};
  const cause = status.details?.causes?.find((entry) => entry.reason === 'ExitCode');
  const exitCode = cause?.message !== undefined ? Number(cause.message) : status.status === 'Success' ? 0 : undefined;
  return {
    status: status.status === 'Success' ? 'Success' : 'Failure',
    exitCode: Number.isFinite(exitCode) ? exitCode : undefined,
    reason: status.reason,
    message: status.message,
  };
}
