// The remote node pane's two tiers on the local cluster, from this host (the bastion) to systemd-node, printed:
// the read-only pane (kubelet API) from `:node-pane` to its findings drawn, and the debug pod from confirming its
// start to the pane over it showing what the node's own tools answered. Numbers, not assertions (targets: < 2 s
// and < 10 s with the image present; README, Remote nodes). Needs the cluster up with systemd-node.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {homedir, tmpdir} from 'node:os';
import {join} from 'node:path';
import {openClusterSession} from '../../src/cluster/cluster-session.js';
import {createDebugPods} from '../../src/cluster/debug-pods.js';
import {createRemoteNodeTools} from '../../src/node-tools/remote-node-tools.js';
import {PtySession} from './pty-session.js';

const RUNS = 3;
const node = 'systemd-node';
const namespace = 'kview-debugpod-bench';
const image = 'kview.local/busybox:1';
const kubeconfig = process.env.KVIEW_TEST_KUBECONFIG ?? `${homedir()}/.cache/kview/cluster/kubeconfig`;
const kview = new URL('../../bin/kview', import.meta.url).pathname;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const plain = (text: string) => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');

function kubectl(...args: string[]): string {
  return spawnSync('kubectl', ['--kubeconfig', kubeconfig, ...args], {encoding: 'utf8'}).stdout;
}

async function tuiRun(config: string): Promise<{readOnlyMs: number; debugPodMs: number}> {
  const session = new PtySession([kview, '--kubeconfig', kubeconfig], {
    columns: 200,
    rows: 50,
    environment: {KVIEW_CONFIG: config},
  });
  const seen = (pattern: RegExp) => (tail: string) => pattern.test(plain(tail));
  try {
    await session.waitFor(seen(/● live/));
    let from = session.chunks.length;
    const opened = performance.now();
    session.write(`:node-pane ${node}\r`);
    // The findings drawn: their list, or the line saying there are none.
    const findings = await session.waitFor(seen(/No findings:|^(CRITICAL|WARNING) |Findings \d/m), from);
    from = session.chunks.length;
    session.write('D');
    await session.waitFor(seen(/Start a node debug pod/), from);
    from = session.chunks.length;
    session.write('\t');
    await session.nextOutput(from);
    from = session.chunks.length;
    const confirmed = performance.now();
    session.write('\r');
    // The header names the kubelet's PID once detection's ps, readlink and stat have answered through the pod.
    const answered = await session.waitFor(seen(/via debug pod \S+ {2}kubelet \S+ pid \d+/), from);
    session.write('q');
    await new Promise((resolve) => session.child.once('exit', resolve));
    return {readOnlyMs: findings - opened, debugPodMs: answered - confirmed};
  } finally {
    session.child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  spawnSync('kubectl', ['--kubeconfig', kubeconfig, 'create', 'namespace', namespace], {encoding: 'utf8'});
  const work = mkdtempSync(join(tmpdir(), 'kview-remote-bench-'));
  const config = join(work, 'config.yaml');
  writeFileSync(config, `node:\n  debugImage: ${image}\n  debugNamespace: ${namespace}\n`);
  try {
    const session = openClusterSession({
      kubeconfigPath: kubeconfig,
      environment: {},
      homeDirectory: homedir(),
      isRoot: false,
    });
    const pods = createDebugPods(
      session.client,
      session.connection.kubeConfig,
      {image, namespace, deadlineSeconds: 300},
      {user: 'bench', host: 'bench', pid: process.pid},
    );
    const running: number[] = [];
    const first: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const pod = await pods.start(pods.plan(node), () => undefined, new AbortController().signal);
      running.push(performance.now() - started);
      const tools = createRemoteNodeTools((command, io) => pods.exec(pod, command, io), node);
      const answer = await tools.runner.run('systemctl', ['show', '-p', 'MainPID', 'kubelet.service']);
      if (!answer.ok) throw new Error(answer.failure.line);
      first.push(performance.now() - started);
      await pods.release(pod);
    }
    const tui: Array<{readOnlyMs: number; debugPodMs: number}> = [];
    for (let run = 0; run < RUNS; run++) tui.push(await tuiRun(config));
    const ms = (value: number) => `${Math.round(value)} ms`;
    console.log(`remote node pane of ${node}, median of ${RUNS} (image present):`);
    console.log(`  read-only tier, :node-pane to findings drawn        ${ms(median(tui.map((t) => t.readOnlyMs)))}`);
    console.log(`  debug pod created to Running                        ${ms(median(running))}`);
    console.log(`  debug pod created to first command answered         ${ms(median(first))}`);
    console.log(`  TUI: Start confirmed to the pane over the pod       ${ms(median(tui.map((t) => t.debugPodMs)))}`);
  } finally {
    kubectl('delete', 'namespace', namespace, '--wait=false');
    rmSync(work, {recursive: true, force: true});
  }
}

await main();
