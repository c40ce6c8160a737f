export type Severity = 'ok' | 'progressing' | 'done' | 'failing';

// k9s colours a row by its STATUS; the same words, grouped by what an operator does about them.
const PROGRESSING = /^(Pending|ContainerCreating|PodInitializing|Init:\d+\/\d+|Terminating|NotReady)$/;
const DONE = /^(Completed|Succeeded)$/;

export function podSeverity(status: string | undefined): Severity {
  if (status === undefined || status === 'Running') return 'ok';
  if (DONE.test(status)) return 'done';
  if (PROGRESSING.test(status)) return 'progressing';
  return 'failing';
}
