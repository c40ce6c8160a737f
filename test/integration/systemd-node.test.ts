import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {detectNode} from '../../src/node-tools/detect-node.js';
import {createSystemNodeTools} from '../../src/node-tools/node-tools.js';
import {sharesSystem} from '../../src/node-tools/process-namespace.js';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {
  ensureNode,
  inNode,
  installKubeconfig,
  kubeletHealthy,
  installKview,
  kviewInNode,
  leaderPid,
  logAsUnit,
  nodeName,
  nodeRoot,
  unitProperty,
  withoutColour,
} from './systemd-node.js';
import {TmuxTerminal} from './tmux-terminal.js';

const hostKview = fileURLToPath(new URL('../../bin/kview', import.meta.url));
const clusterScript = fileURLToPath(new URL('../cluster/cluster.sh', import.meta.url));

// kview's node pane on a real systemd host: kview runs INSIDE systemd-node (nsenter into all of its namespaces,
// in a tmux terminal), against the node's own systemd, journald, containerd and kubelet. Nothing is replayed.
// The tests share the one node and run in order; the ones that break a unit restore it before they end.
before(async () => {
  ensureNode();
  await installKview();
  // The node has no Node.js: every kview below runs on the runtime the single executable carries.
  assert.throws(() => inNode('sh', '-c', 'command -v node nodejs'));
  assert.match(inNode('/opt/kview/bin/kview', '--version'), /^kview \d+\.\d+\.\d+\n$/);
});

const terminals: TmuxTerminal[] = [];
after(() => {
  for (const terminal of terminals) terminal.close();
});

// One kview at a time: a pane left running (following since midnight, say) would slow the next test on 2 cores.
function pane(args: string[] = ['--node'], size: {columns?: number; rows?: number} = {}): TmuxTerminal {
  for (const open of terminals.splice(0)) open.close();
  const terminal = kviewInNode(args, size);
  terminals.push(terminal);
  return terminal;
}

const screenOf = (terminal: TmuxTerminal) => withoutColour(terminal.screen());

// eventually(), with the screen in the error: a timeout says what kview showed instead.
async function onScreen<T>(
  terminal: TmuxTerminal,
  what: string,
  check: (screen: string) => T | undefined,
  timeoutMs?: number,
): Promise<T> {
  try {
    return await eventually(what, () => check(screenOf(terminal)), timeoutMs);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; the screen:\n${screenOf(terminal)}`);
  }
}

const kubeletSettled = () =>
  eventually(
    'the kubelet healthy on its healthz port',
    async () => ((await kubeletHealthy()) ? true : undefined),
    60_000,
  );
const headerPid = (screen: string) =>
  /^node systemd-node \(kubelet\)\s+kubelet kubelet\.service pid (\d+)/m.exec(screen)?.[1];
const unitRow = (screen: string, unit: string) =>
  screen
    .split('\n')
    .find((line) => line.startsWith(`${unit} `))
    ?.trim()
    .split(/\s+/);

async function openUnits(terminal: TmuxTerminal): Promise<string> {
  await eventually('the findings', () => /Findings \d+/.test(screenOf(terminal)), 20_000);
  terminal.sendKeys('Tab');
  return eventually('the units from systemctl show', () => {
    const screen = screenOf(terminal);
    return /^kubelet\.service\s+\S+/m.test(screen) && /^containerd\.service\s+\S+/m.test(screen) ? screen : undefined;
  });
}

test("units come from the node's real systemctl show: state and MainPID equal systemctl's, in the rows and the header", async () => {
  const terminal = pane();
  const screen = await openUnits(terminal);
  for (const unit of ['kubelet.service', 'containerd.service']) {
    const row = unitRow(screen, unit);
    assert.deepEqual(row?.slice(1, 3), [unitProperty(unit, 'ActiveState'), unitProperty(unit, 'SubState')]);
    assert.equal(row?.[4], unitProperty(unit, 'MainPID'), `${unit} PID`);
    assert.equal(row?.[5], unitProperty(unit, 'NRestarts'), `${unit} NRestarts`);
  }
  assert.equal(headerPid(screen), unitProperty('kubelet.service', 'MainPID'));
  assert.match(
    screen,
    /runtime \/run\/containerd\/containerd\.sock/,
    'the standard socket, found from the kubelet flag',
  );
  // The systemd-node's kubelet was not installed by kubeadm; the pane does not call it that.
  assert.doesNotMatch(screen, /\(kubeadm\)/);
});

test('R restarts the real kubelet: the dialog keeps its size, and the new MainPID is shown in the header and the row', async () => {
  const before = unitProperty('kubelet.service', 'MainPID');
  const terminal = pane(['--node'], {columns: 160, rows: 40});
  await openUnits(terminal);
  terminal.sendKeys('R');
  const dialog = await eventually('the restart dialog', () => {
    const screen = screenOf(terminal);
    return screen.includes('Restart kubelet.service?') ? screen : undefined;
  });
  const lines = dialog.split('\n');
  const height = lines.findIndex((line) => line.includes('╰')) - lines.findIndex((line) => line.includes('╭')) + 1;
  assert.equal(height, 6, 'the box is its four lines and two borders, not the 34 lines of the body');
  assert.match(terminal.selectedLine(), /Cancel/, 'Cancel is focused');
  // Both keys in one write, as a quick typist sends them: the pane reads the burst as Tab, then Enter.
  terminal.sendKeys('Tab', 'Enter');
  await eventually('the restart to finish', () => screenOf(terminal).includes('restarted kubelet.service'), 60_000);
  const after = unitProperty('kubelet.service', 'MainPID');
  assert.notEqual(after, before, 'systemd started a new kubelet');
  assert.equal(unitProperty('kubelet.service', 'ActiveState'), 'active');
  await eventually(`pid ${after} in the header and the row`, () => {
    const text = screenOf(terminal);
    return headerPid(text) === after && unitRow(text, 'kubelet.service')?.[4] === after ? text : undefined;
  });
  // The evidence line is the process table at the refresh after the restart. systemd reports the new MainPID as
  // soon as it has forked, so that refresh can fall in the moment before the child has exec'd the kubelet and
  // read "no kubelet process"; the next refresh (r) has it. (A known gap: see the report.)
  const evidence = new RegExp(`^kubelet process ${after}: /usr/local/bin/kubelet`, 'm');
  if (!evidence.test(screenOf(terminal))) terminal.sendKeys('r');
  const screen = await onScreen(terminal, 'the evidence line with the new pid', (text) =>
    evidence.test(text) && headerPid(text) === after ? text : undefined,
  );
  const pidLines = screen.split('\n').filter((line) => /^node |^kubelet process |^kubelet\.service /.test(line));
  assert.equal(pidLines.length, 3);
  for (const line of pidLines) assert.doesNotMatch(line, new RegExp(`\\b${before}\\b`), `old PID in: ${line}`);
  await eventually(
    'node systemd-node Ready again',
    () =>
      kubectl('get', 'node', nodeName, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}') === 'True'
        ? true
        : undefined,
    60_000,
  );
});

test('a kubelet made to flap by a broken flag in a drop-in: NRestarts and "restarted N times in the last hour"', async (context) => {
  const dropIn = join(nodeRoot, 'etc/systemd/system/kubelet.service.d/90-kview-broken-flag.conf');
  const restore = () => {
    rmSync(dropIn, {force: true});
    inNode('systemctl', 'daemon-reload');
    inNode('systemctl', 'restart', 'kubelet.service');
  };
  context.after(restore);
  const startRestarts = Number(unitProperty('kubelet.service', 'NRestarts'));
  inNode('mkdir', '-p', '/etc/systemd/system/kubelet.service.d');
  writeFileSync(
    dropIn,
    '[Service]\nExecStart=\nExecStart=/usr/local/bin/kubelet --kview-no-such-flag --config /var/lib/kubelet/config.yaml\n',
  );
  inNode('systemctl', 'daemon-reload');
  inNode('systemctl', 'restart', 'kubelet.service');
  await eventually(
    'three automatic restarts',
    () => (Number(unitProperty('kubelet.service', 'NRestarts')) >= startRestarts + 3 ? true : undefined),
    60_000,
  );
  const terminal = pane();
  const findings = await eventually(
    'the restart finding',
    () => {
      const screen = screenOf(terminal);
      return /kubelet\.service restarted \d+ times in the last hour/.test(screen) ? screen : undefined;
    },
    20_000,
  );
  assert.match(findings, /evidence: NRestarts=\d+; \d+ restart entries in the journal within the hour/);
  // The journal says why: the real kubelet's own error for the flag the drop-in added.
  assert.match(
    inNode('journalctl', '-u', 'kubelet.service', '-n', '50', '--no-pager'),
    /unknown flag: --kview-no-such-flag/,
  );
  terminal.sendKeys('Tab');
  const units = await eventually('the units', () => {
    const screen = screenOf(terminal);
    return unitRow(screen, 'kubelet.service') ? screen : undefined;
  });
  const shown = Number(unitRow(units, 'kubelet.service')?.[5]);
  const now = Number(unitProperty('kubelet.service', 'NRestarts'));
  // systemd keeps restarting it while the test reads, so kview's reading is at most the later one.
  assert.ok(shown >= startRestarts + 3 && shown <= now, `NRestarts shown ${shown}, systemctl ${now}`);
  restore();
  await kubeletSettled();
  await eventually(
    'the kubelet active again',
    () => (unitProperty('kubelet.service', 'ActiveState') === 'active' ? true : undefined),
    30_000,
  );
});

// The node's journalctl processes as its own ps shows them (kview runs them, not the test).
const journalctlProcesses = () =>
  inNode('ps', '-eo', 'args')
    .split('\n')
    .filter((line) => line.startsWith('journalctl '));

async function openJournalReader(terminal: TmuxTerminal): Promise<void> {
  await eventually('the findings', () => /Findings \d+/.test(screenOf(terminal)), 20_000);
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  await eventually('the journal section', () => /^kubelet\.service\s+\d+\s+\d+/m.test(screenOf(terminal)));
  terminal.sendKeys('Enter');
  await eventually('the followed kubelet journal', () =>
    /^Journal node\/systemd-node \(kubelet\.service\) \[tail 200\]\s+● follow/m.test(screenOf(terminal))
      ? true
      : undefined,
  );
}

test('the live journal: journalctl -u kubelet -f without -D, a line logged in the node is on screen within 2 s', async () => {
  const terminal = pane();
  await openJournalReader(terminal);
  await eventually('journalctl following the live journal', () =>
    journalctlProcesses().some((line) => /--unit=kubelet\.service .*--follow/.test(line)) ? true : undefined,
  );
  for (const line of journalctlProcesses())
    assert.doesNotMatch(line, /--directory|(^| )-D/, 'the live journal, not a copy');
  const mark = `kview-live-${Date.now()}`;
  // Timed from before the write (logAsUnit returns only after systemd-cat closed its stream).
  const written = Date.now();
  logAsUnit('kubelet.service', 'err', mark);
  await eventually(
    'the logged line on screen',
    () => (screenOf(terminal).includes(mark) ? true : undefined),
    Math.max(0, 2_000 - (Date.now() - written)),
  );
  const latency = Date.now() - written;
  assert.ok(latency <= 2_100, `${latency} ms from the write to the screen`);
  console.log(`journal line on screen ${latency} ms after it was written`);
  // The oracle: journalctl itself has the line under the unit, from the unit's cgroup.
  assert.match(inNode('journalctl', '-u', 'kubelet.service', '-n', '20', '--no-pager', '-o', 'cat'), new RegExp(mark));
});

test('the journal reader on the live journal: priority, since today, all units, the previous boot', async () => {
  const terminal = pane();
  await openJournalReader(terminal);
  const errLine = `kview-err-${Date.now()}`;
  const infoLine = `kview-info-${Date.now()}`;
  terminal.sendKeys('p');
  await eventually('priority err', () => (/priority err and worse/.test(screenOf(terminal)) ? true : undefined));
  await eventually('journalctl --priority=err', () =>
    journalctlProcesses().some((line) => line.includes('--priority=err')) ? true : undefined,
  );
  logAsUnit('kubelet.service', 'info', infoLine);
  logAsUnit('kubelet.service', 'err', errLine);
  await eventually('the err line', () => (screenOf(terminal).includes(errLine) ? true : undefined), 5_000);
  assert.ok(!screenOf(terminal).includes(infoLine), 'an info line is not err or worse');
  // Back to every priority: the info line is there too (found with the filter: a kubelet just started writes
  // enough lines to push it off the screen).
  terminal.sendKeys('p');
  terminal.sendKeys('p');
  await onScreen(terminal, 'every priority again', (screen) =>
    /^Journal .*\[tail 200\]\s+● follow\s+time local\s+\d+ lines/m.test(screen) ? true : undefined,
  );
  terminal.sendKeys('/');
  terminal.sendKeys('-l', infoLine);
  terminal.sendKeys('Enter');
  await onScreen(terminal, 'the info line, filtered', (screen) =>
    screen.includes(`filter /${infoLine}/`) && screen.split('\n').some((line) => line.endsWith(`: ${infoLine}`))
      ? true
      : undefined,
  );
  terminal.sendKeys('Escape');
  await onScreen(terminal, 'the filter cleared', (screen) => (screen.includes('filter cleared') ? true : undefined));

  const containerdLine = `kview-containerd-${Date.now()}`;
  terminal.sendKeys('a');
  await eventually('all units', () => (/\(all units\)/.test(screenOf(terminal)) ? true : undefined));
  await eventually(
    'journalctl for both units',
    () =>
      journalctlProcesses().some((line) => /--unit=kubelet\.service --unit=containerd\.service/.test(line)) ||
      undefined,
  );
  logAsUnit('containerd.service', 'info', containerdLine);
  await onScreen(
    terminal,
    'the containerd line, prefixed with its unit',
    (screen) =>
      screen.split('\n').some((line) => line.startsWith('containerd.service ') && line.includes(containerdLine)) ||
      undefined,
  );

  terminal.sendKeys('@');
  await eventually(
    'the since prompt',
    () => /^since \(.*today\) or last N lines:/m.test(screenOf(terminal)) || undefined,
  );
  terminal.sendKeys('-l', 'today');
  terminal.sendKeys('Enter');
  const midnight = inNode('date', '-d', 'today 00:00', '+%s').trim();
  await onScreen(terminal, `journalctl --since=@${midnight}`, () =>
    journalctlProcesses().some((line) => line.includes(`--since=@${midnight}`)) ? true : undefined,
  );
  // Since midnight is a lot of journal on a node whose kubelet flapped (the test above): kview reads it while
  // following, so the window is checked by the process and the header, not by waiting for every line.
  await onScreen(terminal, 'the since header', (screen) =>
    /\[since \d{4}-\d{2}-\d{2}T\d{2}:00:00/.test(screen) ? true : undefined,
  );

  // The node booted once: journalctl has no previous boot, and the reader says so in its own words.
  const boots = inNode('journalctl', '--list-boots', '--no-pager').split('\n');
  assert.equal(boots.filter((line) => /^\s*-?\d+ [0-9a-f]{32} /.test(line)).length, 1, 'one boot in the journal');
  terminal.sendKeys('b');
  await eventually('the previous boot refused by journalctl', () =>
    /\[previous boot\]/.test(screenOf(terminal)) && /No such boot ID in journal/.test(screenOf(terminal))
      ? true
      : undefined,
  );
  assert.ok(!terminal.exited(), 'kview keeps running');
});

test('PLEG messages from the real kubelet start become the PLEG finding, counted as the journal has them', async () => {
  const terminal = pane();
  const screen = await eventually(
    'the PLEG finding',
    () => {
      const text = screenOf(terminal);
      return /PLEG is not healthy \(\d+ times? in the last hour\)/.test(text) ? text : undefined;
    },
    20_000,
  );
  const shown = Number(/PLEG is not healthy \((\d+) times?/.exec(screen)?.[1]);
  const journal = inNode('journalctl', '-u', 'kubelet.service', '--since', '-1h', '--no-pager', '-o', 'cat');
  const inJournal = journal.split('\n').filter((line) => line.includes('PLEG is not healthy')).length;
  // kview reads the hour's last 500 kubelet entries, so it may count fewer than the whole hour holds, never more.
  assert.ok(shown >= 1 && shown <= inJournal, `shown ${shown}, journal ${inJournal}; the screen:\n${screen}`);
  const lines = screen.split('\n');
  const title = lines.findIndex((line) => /PLEG is not healthy \(/.test(line));
  assert.match(lines[title + 1] ?? '', /^\s+evidence: [EWI]\d{4} /, `the kubelet's own klog line in:\n${screen}`);
});

test("the kubelet's klog errors and warnings are counted, though journald stores them at info priority", async () => {
  const terminal = pane();
  await onScreen(terminal, 'the findings', (screen) => (/Findings \d+/.test(screen) ? true : undefined), 20_000);
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  const row = await onScreen(terminal, 'the journal section', (screen) =>
    screen.split('\n').find((line) => /^kubelet\.service\s+\d+\s+\d+\s/.test(line)),
  );
  const [, errors, warnings] = row.trim().split(/\s+/).map(Number);
  // What journald itself calls warning or worse for the kubelet: only lines logged at that priority (the
  // tests' own marks), none of the kubelet's klog lines.
  const byPriority = inNode('journalctl', '-u', 'kubelet.service', '--since', '-1h', '-p', 'warning', '-o', 'cat')
    .split('\n')
    .filter((line) => line !== '').length;
  const klog = inNode('journalctl', '-u', 'kubelet.service', '--since', '-1h', '-n', '2000', '-o', 'cat')
    .split('\n')
    .filter((line) => /^[EW]\d{4} /.test(line)).length;
  assert.ok(klog > 0, 'the real kubelet wrote E and W lines this hour');
  assert.ok((errors ?? 0) > 0 && (warnings ?? 0) > 0, row);
  assert.ok((errors ?? 0) + (warnings ?? 0) > byPriority, `${row} vs ${byPriority} at journald's warning priority`);
  const latest = await onScreen(
    terminal,
    'a klog line among the latest',
    (screen) =>
      /^\s*\S.*\b[EW]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}/m.test(screen.split('latest warnings and errors')[1] ?? '') ||
      undefined,
  );
  assert.ok(latest);
});

test("the runtime through ctr at /run/containerd/containerd.sock: the node's pods, a walk to the shim, its /var/log/pods files", async () => {
  const terminal = pane();
  await eventually('the findings', () => /Findings \d+/.test(screenOf(terminal)), 20_000);
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  const pods = await eventually(
    'the pods from ctr',
    () => {
      const text = screenOf(terminal);
      return /Ready\s+node-ticker\s+node-demo/.test(text) ? text : undefined;
    },
    20_000,
  );
  assert.match(
    pods,
    /crictl: not installed.*ctr -n k8s\.io/,
    'crictl is not packaged in Debian bookworm: ctr, and it says so',
  );
  const sandboxes = inNode(
    'ctr',
    '--address',
    '/run/containerd/containerd.sock',
    '-n',
    'k8s.io',
    'containers',
    'ls',
    '-q',
    'labels."io.cri-containerd.kind"==sandbox',
  )
    .trim()
    .split('\n');
  const shownIds = pods.split('\n').flatMap((line) => /^([0-9a-f]{13})\s/.exec(line)?.[1] ?? []);
  assert.deepEqual(shownIds.sort(), sandboxes.map((id) => id.slice(0, 13)).sort(), 'the same sandboxes as ctr lists');
  const apiPods = kubectl(
    'get',
    'pods',
    '-A',
    '--field-selector',
    `spec.nodeName=${nodeName}`,
    '-o',
    'jsonpath={.items[*].metadata.name}',
  )
    .split(' ')
    .sort();
  for (const name of apiPods)
    assert.match(pods, new RegExp(`\\b${name}\\b`), `${name} (from the API) is in the runtime`);

  const row = pods
    .split('\n')
    .filter((line) => /^[0-9a-f]{13}\s/.test(line))
    .findIndex((line) => line.includes('node-ticker'));
  if (row > 0) terminal.sendKeys('j'.repeat(row));
  terminal.sendKeys('Enter');
  const walk = await eventually(
    'the pod walk with its log lines',
    () => {
      const text = screenOf(terminal);
      return /containerd-shim pid \d+/.test(text) && /node tick \d+/.test(text) ? text : undefined;
    },
    20_000,
  );
  const sandbox = /node-demo\/node-ticker\s+sandbox ([0-9a-f]{64})/.exec(walk)?.[1];
  assert.ok(sandbox, 'the full sandbox id');
  const shimPid = /containerd-shim pid (\d+)/.exec(walk)?.[1];
  const shim = inNode('ps', '-eo', 'pid=,args=')
    .split('\n')
    .find((line) => /containerd-shim-runc-v2 /.test(line) && line.includes(`-id ${sandbox}`));
  assert.equal(shim?.trim().split(/\s+/)[0], shimPid, "the shim's pid in the node's own process table");
  assert.match(walk, /\/pause/, 'the pause process under the shim');
  assert.match(walk, /sh -c i=0; while true/, "the ticker's shell under the shim");
  const uid = kubectl('get', 'pod', '-n', 'node-demo', 'node-ticker', '-o', 'jsonpath={.metadata.uid}');
  const directory = `/var/log/pods/node-demo_node-ticker_${uid}`;
  assert.ok(walk.includes(directory), `${directory} on screen`);
  assert.match(inNode('ls', `${directory}/ticker`), /^\d+\.log$/m, 'the file is there in the node');
});

const nodeReady = () =>
  kubectl('get', 'node', nodeName, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}');

test('the kubelet stopped: a critical finding from its unit, the header says no process, the node is still found', async (context) => {
  context.after(() => inNode('systemctl', 'start', 'kubelet.service'));
  inNode('systemctl', 'stop', 'kubelet.service');
  assert.equal(unitProperty('kubelet.service', 'ActiveState'), 'inactive');
  const terminal = pane();
  const screen = await eventually(
    'the finding',
    () => {
      const text = screenOf(terminal);
      return /CRITICAL\s+kubelet\.service is not active/.test(text) ? text : undefined;
    },
    20_000,
  );
  assert.match(screen, /evidence: ActiveState=inactive SubState=dead/);
  // No kubelet process: the node is found from its files, by this host's name, and not called kubeadm.
  assert.match(screen, /^node systemd-node \(kubelet\)\s+kubelet kubelet\.service \(no process\)/m);
  inNode('systemctl', 'start', 'kubelet.service');
  terminal.sendKeys('r');
  await eventually(
    'the finding gone after the kubelet started',
    () => {
      const text = screenOf(terminal);
      return !/kubelet\.service is not active/.test(text) &&
        headerPid(text) === unitProperty('kubelet.service', 'MainPID')
        ? true
        : undefined;
    },
    20_000,
  );
  await kubeletSettled();
  // Stopping the kubelet does not change the node's status in the API here: the local cluster runs without the
  // node-lifecycle controller (the API-only demo nodes keep the status the seed gives them), so no grace period
  // would ever turn it NotReady. The NotReady finding is proven with the containerd test, where the kubelet
  // itself reports the node NotReady.
});

test('containerd stopped: the runtime unit finding, the runtime unreadable, and the kubelet reporting NotReady in the API', async (context) => {
  const restore = () => {
    inNode('systemctl', 'start', 'containerd.service');
  };
  context.after(restore);
  installKubeconfig('/root/.kube/config');
  // A kubelet that starts while its runtime is away exits ("failed to run Kubelet") and flaps; only a running one
  // reports the node NotReady. So the kubelet must be up, and past its start, before containerd goes.
  await kubeletSettled();
  inNode('systemctl', 'stop', 'containerd.service');
  const terminal = pane(['--node']);
  const screen = await eventually(
    'the runtime finding',
    () => {
      const text = screenOf(terminal);
      return /CRITICAL\s+containerd\.service is not active/.test(text) ? text : undefined;
    },
    20_000,
  );
  assert.match(screen, /evidence: ActiveState=inactive SubState=dead/);
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  await eventually('ctr failing on the socket, in one line', () =>
    /^! ctr: exit 1: ctr: failed to dial "\/run\/containerd\/containerd\.sock"/m.test(screenOf(terminal))
      ? true
      : undefined,
  );
  // The real kubelet notices its runtime is gone and reports the node NotReady itself.
  const message = await eventually(
    'node systemd-node NotReady in the API',
    () => {
      if (nodeReady() !== 'False') return undefined;
      return kubectl('get', 'node', nodeName, '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].message}');
    },
    120_000,
  );
  assert.match(message, /runtime/i);
  // kview in its normal mode on the node (an operator's kubeconfig), :node-pane asks the API about this node.
  const withApi = pane([]);
  await eventually('the pods view', () => /● live/.test(screenOf(withApi)), 30_000);
  withApi.sendKeys(':node-pane', 'Enter');
  const findings = await eventually(
    'the API finding',
    () => {
      const text = screenOf(withApi);
      return /node is NotReady in the API/.test(text) ? text : undefined;
    },
    30_000,
  );
  assert.ok(findings.includes(message.slice(0, 40)), "the kubelet's own message as the evidence");
  restore();
  await eventually('node systemd-node Ready again', () => (nodeReady() === 'True' ? true : undefined), 120_000);
  await kubeletSettled();
});

test('node-only mode inside the node: its API server unreachable for kview there, the pods and logs from the runtime', async () => {
  // The shared API server keeps running: kview on the node gets a kubeconfig naming a loopback port where nothing
  // listens, which is what an API server that is down looks like to it.
  const closedPort = await new Promise<number>((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
  installKubeconfig('/root/.kube/unreachable', `https://127.0.0.1:${closedPort}`);
  const terminal = pane(['--kubeconfig', '/root/.kube/unreachable']);
  const screen = await eventually(
    'node-only mode',
    () => {
      const text = screenOf(terminal);
      return /^node-only mode: .*127\.0\.0\.1:\d+.*refused.*; pods and logs come from the container runtime/m.test(
        text,
      ) && /^node systemd-node \(kubelet\)/m.test(text)
        ? text
        : undefined;
    },
    30_000,
  );
  assert.match(screen, new RegExp(`127\\.0\\.0\\.1:${closedPort}`));
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  terminal.sendKeys('Tab');
  const pods = await eventually(
    'the runtime pods',
    () => {
      const text = screenOf(terminal);
      return /Ready\s+node-ticker\s+node-demo/.test(text) ? text : undefined;
    },
    20_000,
  );
  const row = pods
    .split('\n')
    .filter((line) => /^[0-9a-f]{13}\s/.test(line))
    .findIndex((line) => line.includes('node-ticker'));
  if (row > 0) terminal.sendKeys('j'.repeat(row));
  terminal.sendKeys('Enter');
  await eventually(
    'the pod log lines from /var/log/pods',
    () => (/node tick \d+/.test(screenOf(terminal)) ? true : undefined),
    20_000,
  );
});

test("kview on the host: detection skips systemd-node's kubelet (another root and namespaces), and n on that node opens it remotely", async () => {
  // The host's process table shows both kubelets; the container's is found by its --hostname-override.
  const containerKubelet = execFileSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'})
    .split('\n')
    .find((line) => /kubelet .*--hostname-override systemd-node/.test(line))
    ?.trim()
    .split(/\s+/)[0];
  assert.ok(containerKubelet, "systemd-node's kubelet is in the host's process table");
  const identity = await detectNode(createSystemNodeTools());
  assert.equal(identity?.nodeName, 'localhost');
  assert.notEqual(String(identity?.kubeletPid), containerKubelet);
  // Whichever the process table lists first, the container's kubelet is refused by the namespace check.
  const files = createSystemNodeTools().files;
  assert.deepEqual(await sharesSystem(files, Number(containerKubelet)), {
    same: false,
    why: `process ${containerKubelet} has another root`,
  });
  assert.deepEqual(await sharesSystem(files, identity?.kubeletPid ?? 0), {same: true});

  const terminal = new TmuxTerminal([hostKview, '--kubeconfig', kubeconfigPath], {columns: 160, rows: 40});
  terminals.push(terminal);
  await eventually('the pods view', () => /● live/.test(screenOf(terminal)), 30_000);
  terminal.sendKeys(':nodes', 'Enter');
  await eventually('the nodes view', () => /^systemd-node\s+Ready/m.test(screenOf(terminal)) || undefined, 20_000);
  terminal.sendKeys('/');
  terminal.sendKeys('-l', 'systemd-node');
  terminal.sendKeys('Enter');
  await eventually('systemd-node selected', () => (/^systemd-node\s/.test(terminal.selectedLine()) ? true : undefined));
  terminal.sendKeys('n');
  // Not this host's pane under the other node's name: systemd-node through the kubelet API
  // (test/integration/remote-node-pane.test.ts checks what it shows). Waiting for its findings count means the
  // pane has drawn its answers, so the Escape below is not read in one chunk with the keys after it.
  const remote = await eventually(
    'the remote pane',
    () => {
      const text = screenOf(terminal);
      return /^node systemd-node via kubelet API/m.test(text) &&
        /kview runs on node localhost/.test(text) &&
        /Findings \d/.test(text)
        ? text
        : undefined;
    },
    20_000,
  );
  assert.doesNotMatch(
    remote,
    /kubelet\.service|containerd\.service/,
    "none of the host's units under the other node's name",
  );
  terminal.sendKeys('Escape');
  terminal.sendKeys('/');
  terminal.sendKeys('C-u');
  terminal.sendKeys('-l', '^localhost');
  terminal.sendKeys('Enter');
  await eventually('localhost selected', () => (/^localhost\s/.test(terminal.selectedLine()) ? true : undefined));
  terminal.sendKeys('n');
  await eventually(
    "the host's own pane",
    () =>
      /^node localhost \(kubelet\)\s+kubelet kubelet\.service pid \d+/m.test(screenOf(terminal)) ? true : undefined,
    20_000,
  );
});

test('cluster.sh node-down leaves no process, mount or /etc/hosts line behind; node-up brings the node back', async () => {
  const leader = leaderPid();
  execFileSync('bash', [clusterScript, 'node-down'], {stdio: ['ignore', 'ignore', 'inherit'], timeout: 120_000});
  const state = (pid: string) => /^\d+ \(.*\) (\S)/.exec(readFileSyncOrEmpty(`/proc/${pid}/stat`))?.[1];
  assert.ok(state(leader) === undefined || state(leader) === 'Z', `the container's systemd (${leader}) is gone`);
  const processes = execFileSync('ps', ['-eo', 'pid=,args='], {encoding: 'utf8'});
  assert.doesNotMatch(processes, /systemd-nspawn .*--machine=systemd-node/);
  assert.doesNotMatch(processes, /kubelet .*--hostname-override systemd-node/);
  assert.doesNotMatch(processes, /containerd-shim-runc-v2 .*-address \/run\/containerd\/containerd\.sock/);
  const mounts = execFileSync('findmnt', ['-rn', '-o', 'TARGET'], {encoding: 'utf8'});
  assert.ok(!mounts.includes(nodeRoot), `no mount under ${nodeRoot}`);
  assert.doesNotMatch(readFileSync('/etc/hosts', 'utf8'), /systemd-node/);
  assert.equal(existsSync(nodeRoot), false, 'the per-run copy of the rootfs is removed');

  ensureNode();
  await installKview();
  await eventually('node systemd-node Ready', () => (nodeReady() === 'True' ? true : undefined), 120_000);
  // The API keeps saying Running whatever the node does (no node-lifecycle controller): the proof is the new
  // node's containerd running the pods' tasks and its kubelet serving their logs through the API server.
  await eventually(
    'the node-demo pods running on the new node',
    () => {
      const tasks = inNode('ctr', '-n', 'k8s.io', 'tasks', 'ls').split('\n');
      const running = tasks.filter((line) => /\sRUNNING$/.test(line)).length;
      return running >= 4 && /node tick \d+/.test(kubectl('logs', '-n', 'node-demo', 'node-ticker', '--tail=1'))
        ? true
        : undefined;
    },
    120_000,
  );
  assert.match(readFileSync('/etc/hosts', 'utf8'), /^127\.0\.0\.1 systemd-node /m);
});

function readFileSyncOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
