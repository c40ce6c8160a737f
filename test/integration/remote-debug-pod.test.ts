import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createDebugPods} from '../../src/cluster/debug-pods.js';
import type {DebugPod} from '../../src/cluster/debug-pods.js';
import {DEBUG_POD_SELECTOR} from '../../src/cluster/debug-pod-manifest.js';
import {detectNode} from '../../src/node-tools/detect-node.js';
import {readJournal} from '../../src/node-tools/journal-reader.js';
import {readOsChecks} from '../../src/node-tools/os-checks.js';
import {createRemoteNodeTools} from '../../src/node-tools/remote-node-tools.js';
import {readRuntime} from '../../src/node-tools/runtime-reader.js';
import {readUnits} from '../../src/node-tools/unit-reader.js';
import {eventually, kubeconfigPath, kubectl, session, namespaceCanHoldPods} from './local-cluster.js';
import {ensureNode, inNode, kubeletHealthy, logAsUnit, nodeName, unitProperty, withoutColour} from './systemd-node.js';
import {TmuxTerminal} from './tmux-terminal.js';

// kview on this host (the bastion) reaches systemd-node through a node debug pod it creates: every node tool runs
// in the node's mount namespace (nsenter -t 1 -m ARGV) over the exec API. The oracles are the node's own tools, run inside it with nsenter
// (systemctl show, journalctl -o json, ctr, df), and kubectl for the pod's life.
const kview = fileURLToPath(new URL('../../bin/kview', import.meta.url));
const namespace = 'kview-debugpod';
const image = 'kview.local/busybox:1';
const work = mkdtempSync(join(tmpdir(), 'kview-debugpod-'));
const config = join(work, 'config.yaml');
const screenOf = (terminal: TmuxTerminal) => withoutColour(terminal.screen());
const debugPods = () =>
  kubectl('get', 'pods', '-n', namespace, '-l', DEBUG_POD_SELECTOR, '-o', 'jsonpath={.items[*].metadata.name}').trim();

before(async () => {
  ensureNode();
  // The namespace of an earlier run may still be terminating: wait until this run's own is Active.
  await eventually(
    `namespace ${namespace} Active`,
    () => {
      spawnSync('kubectl', ['--kubeconfig', kubeconfigPath, 'create', 'namespace', namespace], {encoding: 'utf8'});
      return kubectl('get', 'namespace', namespace, '-o', 'jsonpath={.status.phase}') === 'Active' || undefined;
    },
    120_000,
  );
  await namespaceCanHoldPods(namespace);
  writeFileSync(config, `node:\n  debugImage: ${image}\n  debugNamespace: ${namespace}\n`);
  // Another helper may have just restarted the node: its kubelet must run pods before a debug pod can start.
  await eventually('the kubelet of systemd-node', () => kubeletHealthy(), 60_000);
});

after(() => {
  spawnSync('kubectl', ['--kubeconfig', kubeconfigPath, 'delete', 'namespace', namespace, '--wait=false'], {
    encoding: 'utf8',
  });
  rmSync(work, {recursive: true, force: true});
});

// A test before may have just closed its kview, which deletes its pod as it ends: this one starts from none.
async function noDebugPodLeft(): Promise<void> {
  await eventually('no debug pod left by the test before', () => debugPods() === '' || undefined, 15_000);
}

async function screenMatching(terminal: TmuxTerminal, what: string, pattern: RegExp, timeoutMs = 30_000) {
  try {
    return await eventually(
      what,
      () => {
        const screen = screenOf(terminal);
        return pattern.test(screen) ? screen : undefined;
      },
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${screenOf(terminal)}`);
  }
}

function kviewTerminal(args: string[] = []): TmuxTerminal {
  return new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, ...args], {
    columns: 200,
    rows: 45,
    environment: {KVIEW_CONFIG: config},
  });
}

// kview's own process: tmux starts the command through a shell, whose one child it is.
function kviewPid(terminal: TmuxTerminal): number {
  const pane = execFileSync('tmux', ['display-message', '-p', '-t', terminal.name, '#{pane_pid}'], {
    encoding: 'utf8',
  }).trim();
  const child = spawnSync('ps', ['-o', 'pid=', '--ppid', pane], {encoding: 'utf8'}).stdout.trim();
  return Number(child || pane);
}

async function openRemotePane(terminal: TmuxTerminal): Promise<string> {
  await screenMatching(terminal, 'the pods view', /● live/);
  terminal.sendKeys(`:node-pane ${nodeName}`, 'Enter');
  return screenMatching(terminal, 'the remote pane', /via kubelet API/);
}

// Tab moves a dialog's focus to its action button, seen as that button drawn inverse; then Enter confirms. (A
// terminal delivers Tab and Enter sent at once as one read, which is no key.)
async function confirmDialog(terminal: TmuxTerminal, button: string): Promise<number> {
  terminal.sendKeys('Tab');
  await eventually(`${button} focused`, () => {
    const raw = execFileSync('tmux', ['capture-pane', '-p', '-e', '-t', terminal.name], {encoding: 'utf8'});
    return new RegExp(`\u001b\\[(?:[0-9;]*;)?7(?:;[0-9;]*)?m(?:\u001b\\[[0-9;]*m)* ${button} `).test(raw) || undefined;
  });
  terminal.sendKeys('Enter');
  return Date.now();
}

// Presses D, moves to Start and confirms; resolves once the pane over the pod shows the units systemctl read.
async function startDebugPod(terminal: TmuxTerminal): Promise<{screen: string; elapsedMs: number}> {
  terminal.sendKeys('D');
  await screenMatching(terminal, 'the confirmation', /Start a node debug pod on systemd-node\?/);
  const started = await confirmDialog(terminal, 'Start');
  await screenMatching(
    terminal,
    'the pane over the debug pod',
    /via debug pod kview-debugpod\/kview-debug-systemd-node-/,
  );
  terminal.sendKeys('Tab');
  const screen = await screenMatching(terminal, 'the units through the pod', /^kubelet\.service\s+active\s+running/m);
  return {screen, elapsedMs: Date.now() - started};
}

test('the same report code through the debug pod shows what systemctl, journalctl, ctr and df say inside the node', async (context) => {
  const client = session();
  const owner = {user: 'test', host: 'bastion', pid: process.pid};
  const pods = createDebugPods(
    client.client,
    client.connection.kubeConfig,
    {image, namespace, deadlineSeconds: 300},
    owner,
  );
  assert.equal(await pods.forbidden(), undefined, 'the admin may create pods and pods/exec');
  const started = Date.now();
  const pod: DebugPod = await pods.start(pods.plan(nodeName), () => undefined, new AbortController().signal);
  context.after(() => pods.cleanup());
  const tools = createRemoteNodeTools((command, io) => pods.exec(pod, command, io), nodeName);
  const first = await tools.runner.run('systemctl', ['is-system-running'], {okExitCodes: [0, 1]});
  const answeredMs = Date.now() - started;
  context.diagnostic(
    `debug pod Running in ${pod.runningMs - started} ms, first command answered in ${answeredMs} ms ` +
      `(create to the exec's exit status, image present)`,
  );
  assert.ok(first.ok, JSON.stringify(first));
  assert.equal(first.stdout.trim(), inNode('systemctl', 'is-system-running').trim());
  assert.ok(answeredMs < 10_000, `first answer in ${answeredMs} ms`);

  // The pod is what the manifest says, as the API server stored it.
  const stored = JSON.parse(kubectl('get', 'pod', '-n', namespace, pod.name, '-o', 'json')) as {
    spec: {hostPID: boolean; hostNetwork: boolean; hostIPC: boolean; nodeName: string; activeDeadlineSeconds: number};
  };
  assert.deepEqual(
    [stored.spec.hostPID, stored.spec.hostNetwork, stored.spec.hostIPC, stored.spec.nodeName],
    [true, true, true, nodeName],
  );
  assert.equal(stored.spec.activeDeadlineSeconds, 300);

  const identity = await detectNode(tools);
  assert.ok(identity, 'the node was detected through the pod');
  assert.equal(identity.nodeName, nodeName);
  assert.equal(identity.kubeletPid, Number(unitProperty('kubelet.service', 'MainPID')));

  // Units: the same states and main PIDs as systemctl show inside the node (read again until both agree: the
  // kubelet may be restarted by another test in between).
  await eventually('units as systemctl show says', async () => {
    const units = await readUnits(tools, ['kubelet.service', 'containerd.service']);
    return units.every((reading) => {
      if (!('status' in reading)) return false;
      const oracle = inNode('systemctl', 'show', '-p', 'ActiveState,SubState,MainPID', reading.unit);
      return (
        oracle.includes(`ActiveState=${reading.status.activeState}\n`) &&
        oracle.includes(`SubState=${reading.status.subState}\n`) &&
        oracle.includes(`MainPID=${reading.status.mainPid ?? 0}\n`)
      );
    });
  });

  // Journal: the same entries (by cursor) for a closed time window holding a marker line of our own.
  const since = Math.floor(Date.now() / 1000) - 120;
  const marker = `kview debug pod journal marker ${process.pid}-${Date.now()}`;
  logAsUnit('kubelet.service', 'warning', marker);
  await eventually(
    'the marker in the journal',
    () =>
      inNode('journalctl', '-u', 'kubelet.service', '--since', `@${since}`, '-o', 'cat').includes(marker) || undefined,
  );
  // The window closes a second after the marker and is read only once closed, so both sides see all of it.
  const until = Math.ceil(Date.now() / 1000) + 1;
  await eventually('the window closed', () => Date.now() > until * 1000 + 200 || undefined);
  const oracle = inNode(
    'journalctl',
    '-o',
    'json',
    '-u',
    'kubelet.service',
    '--since',
    `@${since}`,
    '--until',
    `@${until}`,
  )
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as {__CURSOR: string}).__CURSOR);
  const journal = await readJournal(tools, {units: ['kubelet.service'], since: `@${since}`, lines: 'all'});
  assert.ok('entries' in journal, JSON.stringify(journal));
  // journalctl's --since/--until compare microseconds, which the cursor carries (t=, hex); milliseconds round.
  const realtime = (cursor: string) => BigInt(`0x${/;t=([0-9a-f]+);/.exec(cursor)?.[1] ?? '0'}`);
  const shown = journal.entries.filter((entry) => {
    const at = realtime(entry.cursor);
    return at >= BigInt(since) * 1_000_000n && at <= BigInt(until) * 1_000_000n;
  });
  assert.ok(
    shown.some((entry) => entry.message === marker),
    'the marker is among the entries',
  );
  assert.deepEqual(
    shown.map((entry) => entry.cursor),
    oracle,
    'the same journal entries as journalctl -o json --since/--until inside the node',
  );

  // Runtime: the same containers as ctr lists inside the node.
  await eventually('containers as ctr lists them', async () => {
    const runtime = await readRuntime(tools, identity);
    // ctr lists the sandboxes' pause containers among the containers; the pane shows them as the pods.
    const ids = [...runtime.sandboxes, ...runtime.containers].map((entry) => entry.id).sort();
    const listed = inNode('ctr', '-n', 'k8s.io', 'containers', 'ls', '-q')
      .split('\n')
      .filter((id) => id !== '')
      .sort();
    return ids.length > 0 && JSON.stringify(ids) === JSON.stringify(listed);
  });

  // Disks: the same filesystems and sizes as df inside the node (used space moves a little between two reads).
  const os = await readOsChecks(tools);
  assert.ok('value' in os.mounts, JSON.stringify(os.mounts));
  const df = inNode('df', '-P', '-k')
    .split('\n')
    .slice(1)
    .filter((line) => line !== '')
    .map((line) => line.trim().split(/\s+/));
  const mounts = os.mounts.value;
  assert.ok(mounts.length > 0);
  for (const row of df) {
    const mount = mounts.find((entry) => entry.mountPoint === row[5]);
    assert.ok(mount, `df's ${row[5]} is shown`);
    assert.equal(mount.sizeKb, Number(row[1]), `${row[5]} size`);
    assert.ok(Math.abs(mount.usedKb - Number(row[2])) <= Math.max(1024, 0.01 * mount.sizeKb), `${row[5]} used`);
  }
  assert.equal(mounts.length, df.length, 'no filesystem more or less than df');
});

test('from the TUI: D, confirm, the local pane through the pod; q deletes the pod', async (context) => {
  await noDebugPodLeft();
  const terminal = kviewTerminal();
  context.after(() => terminal.close());
  await openRemotePane(terminal);
  const {screen, elapsedMs} = await startDebugPod(terminal);
  context.diagnostic(`TUI: Enter on Start to the units read through the debug pod on screen in ${elapsedMs} ms`);
  assert.ok(elapsedMs < 10_000, `${elapsedMs} ms`);
  assert.match(
    screen,
    /^node systemd-node \(\w+\) via debug pod kview-debugpod\/kview-debug-systemd-node-\w+ {2}kubelet kubelet\.service pid \d+/m,
  );
  assert.match(screen, /debug pod kview-debugpod\/\S+ \(kview\.local\/busybox:1\) Running in [\d.]+ s: privileged/);
  const names = debugPods();
  assert.match(names, /^kview-debug-systemd-node-\w+$/, 'one debug pod, as kubectl lists it');

  terminal.sendKeys('q');
  await eventually('kview ended', () => terminal.exited() || undefined, 15_000);
  assert.equal(terminal.exitStatus(), 0);
  assert.equal(debugPods(), '', 'no debug pod remains after q');
});

test('after kill -9 the deadline ends the pod, and the next start lists it and deletes it on request', async (context) => {
  await noDebugPodLeft();
  const killed = kviewTerminal(['--debug-pod-deadline', '12']);
  context.after(() => killed.close());
  await openRemotePane(killed);
  await startDebugPod(killed);
  const name = debugPods();
  assert.match(name, /^kview-debug-systemd-node-\w+$/);
  process.kill(kviewPid(killed), 'SIGKILL');
  await eventually('kview killed', () => killed.exited() || undefined);
  await eventually(
    'the pod ended by its deadline',
    () => {
      const state = kubectl('get', 'pod', '-n', namespace, name, '-o', 'jsonpath={.status.phase} {.status.reason}');
      return state === 'Failed DeadlineExceeded' || undefined;
    },
    60_000,
  );

  const next = kviewTerminal();
  context.after(() => next.close());
  await openRemotePane(next);
  const screen = await screenMatching(next, 'the leftover line', /leftover debug pods:/);
  assert.match(
    screen,
    new RegExp(
      `leftover debug pods: kview-debugpod/${name} \\(systemd-node, Failed DeadlineExceeded, orphaned\\); X deletes the 1 orphaned`,
    ),
  );
  next.sendKeys('X');
  await screenMatching(next, 'the delete confirmation', /Delete 1 leftover debug pod\?/);
  await confirmDialog(next, 'Delete');
  await screenMatching(next, 'the deletion', /deleted 1 leftover debug pod/);
  await eventually('the leftover gone', () => debugPods() === '' || undefined);
});

test('SIGTERM deletes the debug pod before kview exits with 143', async (context) => {
  await noDebugPodLeft();
  const terminal = kviewTerminal();
  context.after(() => terminal.close());
  await openRemotePane(terminal);
  await startDebugPod(terminal);
  assert.notEqual(debugPods(), '');
  process.kill(kviewPid(terminal), 'SIGTERM');
  await eventually('kview ended', () => terminal.exited() || undefined, 15_000);
  assert.equal(terminal.exitStatus(), 143);
  assert.equal(debugPods(), '', 'no debug pod remains after SIGTERM');
});

test('the restricted context gets the read-only tier and the forbidden line naming create pods and pods/exec', async (context) => {
  const answer = spawnSync(
    'kubectl',
    [
      '--kubeconfig',
      kubeconfigPath,
      '--context',
      'kview-restricted',
      'auth',
      'can-i',
      'create',
      'pods',
      '-n',
      namespace,
    ],
    {encoding: 'utf8'},
  );
  assert.equal(answer.stdout.trim(), 'no');
  await noDebugPodLeft();
  const terminal = kviewTerminal(['--context', 'kview-restricted']);
  context.after(() => terminal.close());
  await openRemotePane(terminal);
  terminal.sendKeys('Tab');
  const line = `forbidden: create pods and create pods/exec in namespace ${namespace} are not allowed for you (no debug pod)`;
  await screenMatching(terminal, 'the forbidden line', new RegExp(line.replace(/[()/]/g, '\\$&')));
  terminal.sendKeys('D');
  await screenMatching(
    terminal,
    'D refused with the same line',
    new RegExp(`${line.replace(/[()/]/g, '\\$&')}[\\s\\S]*${line.replace(/[()/]/g, '\\$&')}`),
  );
  assert.doesNotMatch(screenOf(terminal), /Start a node debug pod/);
  assert.equal(debugPods(), '');
});

test('--readonly offers no debug pod: no D in the hints or the help, and nothing is created', async (context) => {
  await noDebugPodLeft();
  const terminal = kviewTerminal(['--readonly']);
  context.after(() => terminal.close());
  let screen = await openRemotePane(terminal);
  assert.doesNotMatch(screen, /<D>/);
  terminal.sendKeys('?');
  screen = await screenMatching(terminal, 'the help', /Keys \(node view/);
  assert.doesNotMatch(screen, /debug pod/);
  terminal.sendKeys('?');
  await screenMatching(terminal, 'the pane again', /Findings/);
  terminal.sendKeys('D');
  await screenMatching(terminal, 'the refusal', /--readonly: kview creates no debug pod/);
  assert.equal(debugPods(), '');
});

// Last: a kubelet restart cuts every exec through it for a moment, and the node takes a while to settle.
test('R in the pane over the pod restarts the kubelet for real, as systemctl show inside the node sees', async (context) => {
  await noDebugPodLeft();
  const terminal = kviewTerminal();
  context.after(() => terminal.close());
  // Whatever happens below, the files after this one need a kubelet that serves.
  context.after(() => eventually('the kubelet serving again for the tests after', () => kubeletHealthy(), 150_000));
  await openRemotePane(terminal);
  await startDebugPod(terminal);
  // R on the kubelet, behind the same confirmation as on the node; systemctl show inside the node sees it.
  const before = unitProperty('kubelet.service', 'MainPID');
  const enteredBefore = unitProperty('kubelet.service', 'ActiveEnterTimestamp');
  for (let step = 0; step < 10 && !/^kubelet\.service/.test(terminal.selectedLine()); step++) terminal.sendKeys('k');
  terminal.sendKeys('R');
  await screenMatching(terminal, 'the restart confirmation', /Restart kubelet\.service\?/);
  await confirmDialog(terminal, 'Restart');
  await screenMatching(terminal, 'the restart outcome', /restarted kubelet\.service/);
  await eventually(
    'a new kubelet MainPID in systemctl show',
    () => {
      const now = unitProperty('kubelet.service', 'MainPID');
      return now !== before && now !== '0' && unitProperty('kubelet.service', 'ActiveEnterTimestamp') !== enteredBefore;
    },
    30_000,
  );
  // A kubelet restarted from an exec in a pod it runs can take a minute to serve again (seen here: its log silent
  // for 60 s after the Topology Admit Handler, /healthz unanswered); until then every exec through it times out,
  // which the pane says unit by unit. The test waits for the kubelet, then refreshes (r) until the header and
  // systemctl show agree.
  await eventually('the kubelet healthy again', () => kubeletHealthy(), 150_000);
  let looks = 0;
  await eventually(
    'the header naming the MainPID systemctl shows',
    () => {
      if (looks++ % 100 === 0) terminal.sendKeys('r');
      const pid = unitProperty('kubelet.service', 'MainPID');
      return (
        (pid !== before && new RegExp(`kubelet kubelet\\.service pid ${pid}\\b`).test(screenOf(terminal))) || undefined
      );
    },
    60_000,
  );

  terminal.sendKeys('q');
  await eventually('kview ended', () => terminal.exited() || undefined, 15_000);
  await eventually('no debug pod after q', () => debugPods() === '' || undefined, 30_000);
});
