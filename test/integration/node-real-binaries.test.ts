import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {detectNode} from '../../src/node-tools/detect-node.js';
import {readJournal} from '../../src/node-tools/journal-reader.js';
import {createSystemNodeTools} from '../../src/node-tools/node-tools.js';
import {readOsChecks} from '../../src/node-tools/os-checks.js';
import {readPodDetail} from '../../src/node-tools/pod-detail.js';
import {listPodLogDirectories, readPodLogTail} from '../../src/node-tools/pod-log-files.js';
import {readRuntime} from '../../src/node-tools/runtime-reader.js';
import {createSpawnRunner} from '../../src/node-tools/spawn-runner.js';
import {pathWithout} from './controlled-path.js';
import {eventually, kubeconfigPath} from './local-cluster.js';
import {fixtureDirectory} from '../fixtures/node-tools/scripted-node-tools.js';

// Everything here runs the real binaries against the running local cluster: its kubelet process, its containerd
// (through ctr, since crictl is not packaged here), the process table, /var/log/pods, df and ip.
// crictl is kept off PATH, so the ctr fallback is what runs whether or not this host has crictl.
const tools = createSystemNodeTools({...process.env, PATH: pathWithout(['crictl'])});
assert.ok(kubeconfigPath, 'the local cluster is up');

test("detects the local cluster's kubelet from its process and flags", async () => {
  const identity = await detectNode(tools);
  assert.ok(identity, 'the kubelet process is found');
  assert.equal(identity.flavour, 'kubelet', 'a kubelet the harness starts by hand: no kubeadm marks');
  assert.equal(identity.nodeName, 'localhost', '--hostname-override');
  assert.match(identity.runtimeSocket, /\.cache\/kview\/cluster\/containerd\/containerd\.sock$/);
  assert.match(identity.kubeletRootDir, /\.cache\/kview\/cluster\/kubelet$/);
  assert.match(identity.manifestsDir, /\.cache\/kview\/cluster\/manifests$/, 'staticPodPath from the config');
  assert.match(identity.containerdRoot, /\.cache\/kview\/cluster\/containerd\/root$/, 'root from config.toml');
  assert.ok(identity.kubeletPid && identity.runtimePid);
});

test('ctr fallback lists the demo pods, the crash-looping container with its exit code, and images', async () => {
  const identity = await detectNode(tools);
  assert.ok(identity);
  const runtime = await readRuntime(tools, identity);
  assert.equal(runtime.source, 'ctr');
  assert.match(runtime.note ?? '', /crictl: not installed.*ctr -n k8s\.io/);
  const ticker = runtime.sandboxes.find((pod) => pod.namespace === 'demo' && pod.name === 'ticker');
  assert.ok(ticker?.ready, 'demo/ticker sandbox is ready');
  assert.ok(runtime.sandboxes.some((pod) => pod.name === 'node-probe-localhost' && pod.staticPod));
  const crashloop = runtime.containers.filter((container) => container.podName === 'crashloop');
  assert.ok(
    crashloop.some((container) => container.state === 'exited' && container.exitCode === 1),
    JSON.stringify(crashloop.map((container) => [container.state, container.exitCode, container.attempt])),
  );
  assert.ok(runtime.images.some((image) => image.tags.includes('kview.local/busybox:1')));
});

test('the walk for demo/ticker: sandbox -> containerd-shim -> the ticking shell, and its log lines', async () => {
  const identity = await detectNode(tools);
  assert.ok(identity);
  const runtime = await readRuntime(tools, identity);
  const ticker = runtime.sandboxes.find((pod) => pod.namespace === 'demo' && pod.name === 'ticker');
  assert.ok(ticker);
  const detail = await readPodDetail(tools, identity, ticker, runtime.containers);
  assert.ok(detail.shim, 'the shim is found by its -id');
  assert.match(detail.shim.commandLine, new RegExp(`containerd-shim-runc-v2 .*-id ${ticker.id}`));
  assert.ok(detail.processes.some((row) => row.depth === 1 && row.process.commandLine === '/pause'));
  assert.ok(detail.processes.some((row) => /echo "tick \$i"/.test(row.process.commandLine)));
  assert.deepEqual(
    detail.containers.map((container) => container.name),
    ['ticker'],
  );
  assert.ok(detail.logDirectory?.path.startsWith('/var/log/pods/demo_ticker_'));
  const file = `${detail.logDirectory?.path}/ticker/${detail.logDirectory?.containers[0]?.files.at(-1)}`;
  // The ticker logs every half second: a later read has a later tick.
  const first = await readPodLogTail(tools.files, file, 5);
  assert.ok('lines' in first && first.lines.every((line) => /^tick \d+$/.test(line.text)));
  const lastTick = (tail: Awaited<ReturnType<typeof readPodLogTail>>) =>
    'lines' in tail ? Number(tail.lines.at(-1)?.text.split(' ')[1]) : NaN;
  await eventually(
    'a newer tick in the log file',
    async () => lastTick(await readPodLogTail(tools.files, file, 1)) > lastTick(first) || undefined,
    10_000,
  );
  assert.equal(detail.manifest, undefined, 'ticker is not a static pod');
});

test("a static pod: the manifest of node-probe-localhost is found in the kubelet's staticPodPath", async () => {
  const identity = await detectNode(tools);
  assert.ok(identity);
  const runtime = await readRuntime(tools, identity);
  const probe = runtime.sandboxes.find((pod) => pod.name === 'node-probe-localhost');
  assert.ok(probe);
  const detail = await readPodDetail(tools, identity, probe, runtime.containers);
  assert.match(detail.manifest?.path ?? '', /\.cache\/kview\/cluster\/manifests\//);
  const directories = await listPodLogDirectories(tools.files, '/var/log/pods');
  assert.ok(directories.some((directory) => directory.pod === 'node-probe-localhost'));
});

test("journalctl -D reads a journal written by systemd-journal-remote from seed 000's export file", async () => {
  const directory = mkdtempSync(join(tmpdir(), 'kview-journal-'));
  const written = await createSpawnRunner().run('/lib/systemd/systemd-journal-remote', [
    `--output=${directory}/remote.journal`,
    '--',
    `${fixtureDirectory}/journal-seed000.export`,
  ]);
  assert.ok(written.ok, written.ok ? '' : written.failure.line);
  const kubelet = await readJournal(tools, {units: ['kubelet'], lines: 'all', directory});
  assert.ok('entries' in kubelet, 'problem' in kubelet ? kubelet.problem.line : '');
  assert.equal(kubelet.entries.length, 8);
  assert.ok(kubelet.entries.every((entry) => entry.unit === 'kubelet.service'));
  const errors = await readJournal(tools, {units: ['kubelet'], lines: 'all', directory, priority: 'err'});
  assert.ok('entries' in errors);
  assert.deepEqual(
    errors.entries.map((entry) => entry.message.match(/Housekeeping/)?.[0]),
    ['Housekeeping', 'Housekeeping'],
  );
  const since = await readJournal(tools, {units: ['kubelet'], lines: 'all', directory, since: '2024-09-13'});
  assert.ok('entries' in since && since.entries.length === 2, 'only the Sep 13 trace lines');
  const containerd = await readJournal(tools, {units: ['containerd'], lines: 1, directory});
  assert.ok('entries' in containerd);
  assert.match(containerd.entries[0]?.message ?? '', /Failed to pipe/);
});

test('df, ip, /proc/uptime on this host; iptables and syslog report why they are missing', async () => {
  const os = await readOsChecks(tools);
  assert.ok('value' in os.mounts && os.mounts.value.some((mount) => mount.mountPoint === '/'));
  assert.ok('value' in os.interfaces && os.interfaces.value.some((link) => link.name === 'lo' && link.mtu === 65536));
  assert.ok('value' in os.routes);
  assert.ok('value' in os.uptimeSeconds && os.uptimeSeconds.value > 0);
  assert.ok('value' in os.nodePorts || /iptables/.test(os.nodePorts.problem));
  assert.ok('value' in os.syslogTail || /\/var\/log\/syslog/.test(os.syslogTail.problem));
});
