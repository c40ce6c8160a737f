import type {CommandFailure} from './command-runner.js';

// Names that reach a command line come from the cluster (pod and container ids) or from the user (unit names,
// a journal directory). They are checked before use so none can be read as an option or smuggle a second line.
export class UnsafeArgumentError extends Error {
  constructor(
    readonly what: string,
    readonly value: string,
  ) {
    super(`refusing ${what} ${JSON.stringify(value)}: it could be read as an option or holds control characters`);
  }
}

// systemd unit names: letters, digits, ":-_.\@", and never a leading dash.
const UNIT_NAME = /^[A-Za-z0-9:_.@\\][A-Za-z0-9:_.@\\-]*$/;
// CRI and containerd ids are hex; crictl also accepts a unique prefix.
const RUNTIME_ID = /^[0-9a-f]{1,64}$/;

export function checkedUnitName(value: string): string {
  if (!UNIT_NAME.test(value) || value.length > 256) throw new UnsafeArgumentError('unit name', value);
  return value.includes('.') ? value : `${value}.service`;
}

export function isRuntimeId(value: string): boolean {
  return RUNTIME_ID.test(value);
}

export function checkedRuntimeId(value: string): string {
  if (!isRuntimeId(value)) throw new UnsafeArgumentError('container id', value);
  return value;
}

// Paths are passed after "--" or in "--option=value" form; they must still be absolute and one line.
export function checkedPath(value: string): string {
  if (!value.startsWith('/') || hasControlCharacter(value)) throw new UnsafeArgumentError('path', value);
  return value;
}

// Free text such as a journal search pattern: one line, no leading dash, always joined as "--grep=TEXT".
export function checkedText(what: string, value: string): string {
  if (value.startsWith('-') || hasControlCharacter(value)) throw new UnsafeArgumentError(what, value);
  return value;
}

function hasControlCharacter(value: string): boolean {
  return /[\u0000-\u001f\u007f]/.test(value);
}

// Arguments built from names that may be refused, as an outcome rather than a throw: a refused name (a runtime
// socket from kubelet flags that is not absolute, an odd unit name) is one line in the view, never a rejection.
export function checkedArguments<T>(build: () => T): {ok: true; value: T} | {ok: false; failure: CommandFailure} {
  try {
    return {ok: true, value: build()};
  } catch (error) {
    if (error instanceof UnsafeArgumentError)
      return {ok: false, failure: {kind: 'unsafe-argument', line: error.message}};
    throw error;
  }
}
