import {execFileSync} from 'node:child_process';
import {homedir} from 'node:os';
import {openKview} from './kview-session.js';
import {pause, percentile} from './stats.js';

// A workload's logs at volume: 20 pods each printing 2,000 lines a second (in one burst a second), followed in
// kview's workload log view (one stream per pod), while `s` toggles follow every 300 ms: each key is timed until
// the header shows its result. On the shared local cluster (it needs a kubelet), in its own namespace, 30 s.
const NAMESPACE = 'bench-log-workload';
const PODS = 20;
const LINES_PER_SECOND = 2000;

export async function measureWorkloadLogs(): Promise<{pods: number; linesPerSecond: number; p50: number; p99: number}> {
  const kubeconfig = process.env.KVIEW_TEST_KUBECONFIG ?? `${homedir()}/.cache/kview/cluster/kubeconfig`;
  const kubectl = (...args: string[]) =>
    execFileSync('kubectl', ['--kubeconfig', kubeconfig, ...args], {
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'inherit'],
    });
  kubectl('delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=true');
  kubectl('create', 'namespace', NAMESPACE);
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name: 'talker', namespace: NAMESPACE},
    spec: {
      replicas: PODS,
      selector: {matchLabels: {app: 'talker'}},
      template: {
        metadata: {labels: {app: 'talker'}},
        spec: {
          hostNetwork: true,
          terminationGracePeriodSeconds: 0,
          containers: [
            {
              name: 'talker',
              image: 'kview.local/busybox:1',
              imagePullPolicy: 'Never',
              command: ['sh', '-c', `while :; do seq 1 ${LINES_PER_SECOND}; sleep 1; done`],
            },
          ],
        },
      },
    },
  };
  try {
    execFileSync('kubectl', ['--kubeconfig', kubeconfig, 'apply', '-f', '-'], {input: JSON.stringify(deployment)});
    kubectl('-n', NAMESPACE, 'rollout', 'status', 'deployment/talker', '--timeout=180s');
    const session = openKview(kubeconfig, ['-n', NAMESPACE]);
    try {
      await session.waitFor(/talker-/, 0, 60_000);
      session.write(':');
      await pause(300);
      session.write('deploy');
      await pause(300);
      session.write('\r');
      await session.waitFor(/\btalker\s+\d+\/\d+/, 0, 30_000);
      await pause(500);
      session.write('l');
      await session.waitFor(/● follow/, 0, 30_000);
      await pause(3000);
      const latencies: number[] = [];
      const started = performance.now();
      for (let key = 0; performance.now() - started < 30_000; key++) {
        const following = key % 2 === 1;
        const before = session.chunks.length;
        const sentAt = performance.now();
        session.write('s');
        await session.waitFor(
          (screen) =>
            screen
              .split('\n')
              .slice(0, 3)
              .some((line) => line.includes('● follow')) === following,
          before,
          10_000,
        );
        latencies.push(performance.now() - sentAt);
        await pause(300);
      }
      return {
        pods: PODS,
        linesPerSecond: LINES_PER_SECOND,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
      };
    } finally {
      session.stop();
    }
  } finally {
    kubectl('delete', 'namespace', NAMESPACE, '--ignore-not-found', '--wait=false');
  }
}
