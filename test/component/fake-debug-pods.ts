import type {DebugPod, DebugPodPlan, DebugPods} from '../../src/cluster/debug-pods.js';
import type {Leftover} from '../../src/cluster/debug-pod-status.js';
import type {ExecEnd, ExecIo} from '../../src/cluster/pod-exec.js';
import type {Script} from '../fixtures/node-tools/scripted-node-tools.js';

// Debug pods that exist only in the test: start resolves at once, and exec answers each command from a node
// script (the seeds' replayed systemctl, journalctl, crictl), so the pane's real code runs through the exec
// runner exactly as against a pod. Records what would have changed the cluster.
export function fakeDebugPods(
  script: Script,
  options: {forbidden?: string; leftovers?: Leftover[]} = {},
): DebugPods & {started: DebugPodPlan[]; released: string[]; removed: string[]; commands: string[][]} {
  const started: DebugPodPlan[] = [];
  const released: string[] = [];
  const removed: string[] = [];
  const commands: string[][] = [];
  let leftovers = options.leftovers ?? [];
  const exec = (_pod: DebugPod, command: readonly string[], io: ExecIo): Promise<ExecEnd> => {
    commands.push([...command]);
    const [program = '', ...args] = command.slice(command.indexOf('/usr/bin/env') + 2);
    const answer = script(program, args);
    if (typeof answer === 'string') {
      io.onStdout(Buffer.from(answer));
      return Promise.resolve({exitCode: 0});
    }
    if (!answer) {
      io.onStderr(Buffer.from(`/usr/bin/env: '${program}': No such file or directory\n`));
      return Promise.resolve({exitCode: 127});
    }
    io.onStdout(Buffer.from(answer.stdout));
    io.onStderr(Buffer.from(answer.stderr));
    return Promise.resolve({exitCode: answer.ok ? answer.exitCode : (answer.failure.exitCode ?? 1)});
  };
  return {
    started,
    released,
    removed,
    commands,
    settings: {image: 'kview.local/busybox:1', namespace: 'kview-debug', deadlineSeconds: 600},
    owner: {user: 'tester', host: 'bastion', pid: 1},
    forbidden: () => Promise.resolve(options.forbidden),
    plan: (node) => ({
      node,
      namespace: 'kview-debug',
      name: `kview-debug-${node}-abcde`,
      image: 'kview.local/busybox:1',
      deadlineSeconds: 600,
      suffix: 'abcde',
    }),
    start(plan, onProgress) {
      started.push(plan);
      onProgress('Pulling: Pulling image "kview.local/busybox:1"');
      return Promise.resolve({...plan, createdMs: 1000, runningMs: 1800});
    },
    exec,
    release(pod) {
      released.push(`${pod.namespace}/${pod.name}`);
      return Promise.resolve();
    },
    leftovers: () => Promise.resolve(leftovers),
    remove(pod) {
      removed.push(`${pod.namespace}/${pod.name}`);
      leftovers = leftovers.filter((entry) => entry.name !== pod.name);
      return Promise.resolve();
    },
    cleanup: () => Promise.resolve([]),
  };
}
