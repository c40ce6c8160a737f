import type {TerminalEnd} from '../cluster/pod-terminal.js';

// The shells tried, in order: bash where the image has it, else the POSIX sh every image with a shell has
// (busybox and alpine have only sh).
export const SHELLS: ReadonlyArray<readonly string[]> = [['bash'], ['sh']];

// Whether a session's end means "this shell is not in the image" (try the next) rather than "the shell ran and
// ended". The runtime reports a missing executable as a Failure naming it (containerd: `exec: "bash":
// executable file not found in $PATH`) or as exit 126/127; a shell that really started has printed a prompt, so
// a 127 after output is the user's last command failing, not a missing shell.
export function shellWasMissing(end: TerminalEnd): boolean {
  if (end.detached || end.outputBytes > 0) return false;
  if (end.status !== 'Failure') return false;
  if (/executable file not found|no such file or directory|not found in \$PATH/i.test(end.message ?? '')) return true;
  return end.exitCode === 126 || end.exitCode === 127;
}

export interface PodContainers {
  metadata?: {name?: string; namespace?: string; annotations?: Record<string, string>};
  spec?: {containers?: Array<{name?: string; stdin?: boolean; tty?: boolean}>};
}

// The container a shell opens in without asking: the only one, or the one the pod names as its default
// (kubectl.kubernetes.io/default-container, which kubectl exec honours too); undefined means "ask".
export function defaultContainer(pod: PodContainers): string | undefined {
  const names = (pod.spec?.containers ?? []).flatMap((container) => (container.name ? [container.name] : []));
  if (names.length === 1) return names[0];
  const named = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  return named !== undefined && names.includes(named) ? named : undefined;
}

// Attach joins the container's main process: without stdin and tty in its spec there is nothing to type into.
export function attachRefusal(pod: PodContainers, container: string): string | undefined {
  const spec = pod.spec?.containers?.find((entry) => entry.name === container);
  if (!spec) return undefined;
  if (spec.stdin && spec.tty) return undefined;
  return `attach: container ${container} does not run with stdin and tty (spec.containers[].stdin/tty); use s for a shell`;
}

// A container without any shell (distroless, scratch): the one line names the way in that needs none.
export function noShellLine(namespace: string, pod: string, container: string): string {
  return (
    `no shell in container ${container} (neither bash nor sh); an ephemeral debug container can get in ` +
    `(Kubernetes 1.23+): kubectl debug -it ${pod} -n ${namespace} --image=busybox --target=${container}`
  );
}

// What the status line says after the terminal came back.
export function sessionEndLine(what: string, end: TerminalEnd): string {
  if (end.detached) return `${what}: detached (the container goes on running)`;
  if (end.status === 'Failure' && end.exitCode === undefined) return `${what}: ${end.message ?? 'failed'}`;
  if (end.exitCode !== undefined && end.exitCode !== 0) return `${what}: ended with exit code ${end.exitCode}`;
  return `${what}: ended`;
}
