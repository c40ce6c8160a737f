import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {appendFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {formatBytes} from '../../src/ui/node-pane/pane-line.js';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {ensureNode, inNode, nodeName, nodeRoot, withoutColour} from './systemd-node.js';
import {TmuxTerminal} from './tmux-terminal.js';

// kview on this host (the node `localhost`, standing in for a bastion) opens systemd-node's pane remotely, through
// the API server's node proxy; what the node itself says (df, ls inside it through nsenter) and what kubectl says
// are the oracles.
const kview = fileURLToPath(new URL('../../bin/kview', import.meta.url));
const screenOf = (terminal: TmuxTerminal) => withoutColour(terminal.screen());
const readerFile = join(nodeRoot, 'var/log/kview-reader.log');
const proxy = (path: string) => kubectl('get', '--raw', `/api/v1/nodes/${nodeName}/proxy/${path}`);

async function screenMatching(terminal: TmuxTerminal, what: string, pattern: RegExp, timeoutMs = 20_000) {
  return eventually(
    what,
    () => {
      const screen = screenOf(terminal);
      return pattern.test(screen) ? screen : undefined;
    },
    timeoutMs,
  );
}

// Polls the screen until `agree` holds, refreshing the pane (r) between looks: the oracle and the pane read a
// moment apart, and a node another helper restarts changes in between.
async function agreeing(terminal: TmuxTerminal, what: string, agree: (screen: string) => boolean): Promise<void> {
  let looks = 0;
  await eventually(
    what,
    () => {
      if (agree(screenOf(terminal))) return true;
      looks += 1;
      if (looks % 10 === 0) terminal.sendKeys('r');
      return undefined;
    },
    30_000,
  );
}

function summaryReady(): boolean {
  try {
    const summary = JSON.parse(proxy('stats/summary')) as {node?: {fs?: {capacityBytes?: number}}};
    return (summary.node?.fs?.capacityBytes ?? 0) > 0;
  } catch {
    return false;
  }
}

function bytesOf(text: string): number {
  const match = /^([\d.]+)(B|KiB|MiB|GiB|TiB)$/.exec(text);
  assert.ok(match, `a size: ${text}`);
  const power = ['B', 'KiB', 'MiB', 'GiB', 'TiB'].indexOf(match[2] ?? 'B');
  return Number(match[1]) * 1024 ** power;
}

test('from the host, n on systemd-node shows its kubelet, pods, /var/log and disk figures as the node and kubectl do', async (context) => {
  ensureNode();
  writeFileSync(readerFile, 'reader line 1\nreader line 2\n');
  context.after(() => rmSync(readerFile, {force: true}));
  // Another helper may have just restarted the node: wait until its kubelet answers through the proxy.
  await eventually('the kubelet through the node proxy', () => proxy('healthz') === 'ok' || undefined, 60_000);
  // A kubelet just restarted answers /healthz before its first stats housekeeping fills /stats/summary.
  await eventually('the node figures in /stats/summary', () => summaryReady() || undefined, 90_000);
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath], {columns: 180, rows: 60});
  context.after(() => terminal.close());
  await screenMatching(terminal, 'the pods view', /● live/, 30_000);
  terminal.sendKeys(':nodes', 'Enter');
  // Ready or not: the remote pane does not need the node Ready, and another helper may be restarting it.
  await screenMatching(terminal, 'the nodes view', /^systemd-node\s/m);
  terminal.sendKeys('/');
  terminal.sendKeys('-l', 'systemd-node');
  terminal.sendKeys('Enter');
  await eventually('systemd-node selected', () => (/^systemd-node\s/.test(terminal.selectedLine()) ? true : undefined));
  const started = Date.now();
  terminal.sendKeys('n');
  // The findings count is drawn once the kubelet's answers are in: the pane is on screen with its data.
  let screen = await screenMatching(terminal, 'the remote pane with its findings', /via kubelet API[\s\S]*Findings \d/);
  const elapsedMs = Date.now() - started;
  context.diagnostic(
    `remote pane of ${nodeName} on screen in ${elapsedMs} ms (n to findings drawn, tmux polled every 100 ms)`,
  );
  assert.match(screen, /^node systemd-node via kubelet API {2}kubelet v1\.20\.2/m);
  assert.match(screen, /kview runs on node localhost; read-only: kview creates nothing on the node/);
  assert.ok(elapsedMs < 10_000, `on screen in ${elapsedMs} ms`);

  terminal.sendKeys('Tab');
  screen = await screenMatching(terminal, 'the kubelet section', /static pod path/);
  const config = (JSON.parse(proxy('configz')) as {kubeletconfig: Record<string, unknown>}).kubeletconfig;
  assert.match(screen, new RegExp(`^static pod path {5}${String(config['staticPodPath'])}\\s*$`, 'm'));
  assert.match(screen, new RegExp(`^cgroup driver {7}${String(config['cgroupDriver'])}\\s*$`, 'm'));
  assert.match(screen, new RegExp(`^max pods {12}${String(config['maxPods'])}\\s*$`, 'm'));
  assert.match(screen, /units: needs a shell on the node \(systemctl\); not available through the kubelet API/);

  terminal.sendKeys('Tab');
  screen = await screenMatching(terminal, 'the /var/log listing', /\/var\/log\/ through the kubelet's \/logs\//);
  assert.match(screen, /journal: this kubelet does not offer node log query/);
  // A node restarted by another helper moment ago grows pods/ and containers/ as its pods come back: the pane is
  // refreshed (r) until it and ls inside the node agree.
  await agreeing(terminal, 'the /var/log listing and ls -p /var/log in the node', (current) => {
    const listed = inNode('ls', '-p', '/var/log')
      .split('\n')
      .filter((name) => name !== '');
    const shown = listed.filter((name) => new RegExp(`^${name.replace(/[.]/g, '\\.')}\\s*$`, 'm').test(current));
    return listed.length > 3 && shown.length === listed.length;
  });

  // A file opens in the log reader through /logs/ with Range requests, and lines the node appends reach it.
  for (let step = 0; step < 40 && !/^kview-reader\.log/.test(terminal.selectedLine()); step++) {
    const at = terminal.selectedLine();
    terminal.sendKeys('j');
    await eventually('the cursor a row down', () => terminal.selectedLine() !== at || undefined);
  }
  terminal.sendKeys('Enter');
  screen = await screenMatching(terminal, 'the file in the log reader', /reader line 2/);
  assert.match(screen, /node\/systemd-node \/var\/log\/kview-reader\.log/);
  appendFileSync(readerFile, `reader line 3 ${'\u001b'}[2J\n`);
  const appendedAt = Date.now();
  screen = await screenMatching(terminal, 'the appended line', /reader line 3/);
  context.diagnostic(`a line appended to the node's file on screen in ${Date.now() - appendedAt} ms (read every 2 s)`);
  terminal.sendKeys('Escape');
  await screenMatching(terminal, 'the /var/log listing again', /\/var\/log\/ through the kubelet's \/logs\//);

  terminal.sendKeys('Tab');
  await screenMatching(terminal, 'the pods the kubelet runs', /NAMESPACE\/NAME\s+SOURCE/);
  await agreeing(terminal, 'the pods kubectl lists on systemd-node', (current) => {
    const pods = kubectl(
      'get',
      'pods',
      '-A',
      '--field-selector',
      `spec.nodeName=${nodeName}`,
      '-o',
      'jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name}{"\\n"}{end}',
    )
      .split('\n')
      .filter((name) => name !== '')
      .sort();
    const shown = [...current.matchAll(/^(\S+\/\S+)\s+(?:api|file|http)\s/gm)].map((match) => match[1]).sort();
    return pods.length > 0 && JSON.stringify(shown) === JSON.stringify(pods);
  });

  terminal.sendKeys('Tab');
  await agreeing(terminal, 'the summary figures', (current) => /nodefs \(kubelet root\)\s+size/.test(current));
  screen = screenOf(terminal);
  const [size = '', avail = '', inodes = ''] =
    inNode('df', '-B1', '--output=size,avail,itotal', '/var/lib/kubelet').trim().split('\n')[1]?.trim().split(/\s+/) ??
    [];
  const row = /^nodefs \(kubelet root\)\s+size (\S+)\s+used \S+\s+avail (\S+)/m.exec(screen);
  assert.ok(row, 'the nodefs row');
  assert.equal(row[1], formatBytes(Number(size)), 'the same size as df inside the node');
  // Free space moves while the cluster runs; the two reads are a moment apart.
  assert.ok(Math.abs(bytesOf(row[2] ?? '') - Number(avail)) < 0.01 * Number(size), `avail ${row[2]} vs df ${avail}`);
  assert.match(screen, new RegExp(`^nodefs \\(kubelet root\\) inodes\\s+${inodes}\\s`, 'm'), 'df -i total inodes');
});

test('the restricted context gets the forbidden line naming get nodes/proxy', async (context) => {
  // kubectl auth can-i says "no" with exit status 1.
  const answer = spawnSync(
    'kubectl',
    [
      '--kubeconfig',
      kubeconfigPath,
      '--context',
      'kview-restricted',
      'auth',
      'can-i',
      'get',
      'nodes',
      '--subresource=proxy',
    ],
    {encoding: 'utf8'},
  );
  assert.equal(answer.stdout.trim(), 'no');
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '--context', 'kview-restricted'], {
    columns: 180,
    rows: 40,
  });
  context.after(() => terminal.close());
  await screenMatching(terminal, 'the pods view', /● live/, 30_000);
  // The restricted user cannot list nodes, so it names the node on the command line.
  terminal.sendKeys(`:node-pane ${nodeName}`, 'Enter');
  const screen = await screenMatching(terminal, 'the forbidden line', /forbidden: get nodes\/proxy/);
  assert.match(screen, /forbidden: get nodes\/proxy on node systemd-node is not allowed for you/);
  assert.match(screen, /^node systemd-node via kubelet API/m);
  assert.doesNotMatch(screen, /static pod path|nodefs/);
});

test("a node whose kubelet the API server cannot reach: a critical finding with the proxy's own error", async (context) => {
  // worker-notready is a Node object with no kubelet behind it (test/cluster/seed.sh): kubectl fails the same way.
  const oracle = spawnSync(
    'kubectl',
    ['--kubeconfig', kubeconfigPath, 'get', '--raw', '/api/v1/nodes/worker-notready/proxy/healthz'],
    {encoding: 'utf8'},
  );
  assert.notEqual(oracle.status, 0);
  const reason = /error trying to reach service: [^\n]*/.exec(oracle.stderr)?.[0];
  assert.ok(reason, oracle.stderr);
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath], {columns: 200, rows: 40});
  context.after(() => terminal.close());
  await screenMatching(terminal, 'the pods view', /● live/, 30_000);
  terminal.sendKeys(':node-pane worker-notready', 'Enter');
  const screen = await screenMatching(terminal, 'the finding', /does not answer through the API server/);
  assert.match(screen, /^CRITICAL the kubelet does not answer through the API server/m);
  assert.ok(screen.includes(reason.slice(0, 60)), `the proxy's error on screen: ${reason}`);
  assert.match(screen, /see: kubectl get --raw \/api\/v1\/nodes\/worker-notready\/proxy\/healthz/);
});
