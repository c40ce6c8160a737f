// Every failure the user can cause or meet is one of these: a one-line message plus a hint, never a stack trace.
export class KviewError extends Error {
  constructor(
    message: string,
    readonly hint: string,
    readonly kind: KviewErrorKind = 'other',
  ) {
    super(message);
    this.name = 'KviewError';
  }
}

export type KviewErrorKind =
  | 'no-configuration'
  | 'bad-configuration'
  | 'connection-refused'
  | 'unreachable'
  | 'tls'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'gone'
  | 'too-many-requests'
  // The object changed since it was read (409): the update was made against an older resourceVersion.
  | 'conflict'
  // The server refused the object as written (422 Invalid, 400 Bad Request).
  | 'invalid'
  | 'other';
