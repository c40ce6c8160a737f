// The status the API server sends on the exec protocol's error channel (stream 3, v4 and v5) when the command
// ends: a metav1.Status. Success is exit 0; a non-zero exit is Failure with reason NonZeroExitCode and the code
// in a cause of reason ExitCode; anything else (the container is gone, the executable is missing) is a problem
// with the exec itself, not an exit status.
export interface ExecStatusObject {
  status?: string;
  reason?: string;
  message?: string;
  details?: {causes?: Array<{reason?: string; message?: string}>};
}

export type ExecExit = {exitCode: number} | {problem: string};

export function parseExecStatus(status: ExecStatusObject): ExecExit {
  if (status.status === 'Success') return {exitCode: 0};
  if (status.reason === 'NonZeroExitCode') {
    const cause = status.details?.causes?.find((entry) => entry.reason === 'ExitCode');
    const code = Number(cause?.message);
    if (cause && Number.isInteger(code)) return {exitCode: code};
  }
  return {problem: (status.message ?? status.reason ?? 'the exec failed without a reason').split('\n')[0] ?? ''};
}
