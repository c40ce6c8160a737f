import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseLastReboot, parseUptimeSeconds} from '../../src/node-tools/boot-history.js';
import {
  parseCrictlContainers,
  parseCrictlImages,
  parseCrictlPods,
  mergeCrictlInspect,
} from '../../src/node-tools/crictl-output.js';
import {parseCtrContainerInfo, parseCtrImages, parseCtrTasks, parseHumanSize} from '../../src/node-tools/ctr-output.js';
import {diskLevel, hostMounts, parseDiskUsage} from '../../src/node-tools/disk-usage.js';
import {parseJournal, parseJournalLine} from '../../src/node-tools/journal-entries.js';
import {parseJsonObject} from '../../src/node-tools/json-fields.js';
import {parseInterfaces, parseRoutes} from '../../src/node-tools/network-config.js';
import {parseNodePortRules} from '../../src/node-tools/nodeport-rules.js';
import {parseCriLogLines, parsePodLogDirectoryName} from '../../src/node-tools/pod-log-files.js';
import {findShim, parseProcessTable, processTree} from '../../src/node-tools/process-table.js';
import {manifestPodName} from '../../src/node-tools/static-pods.js';
import {parseSystemctlShow} from '../../src/node-tools/systemctl-show.js';
import {fixture} from '../fixtures/node-tools/scripted-node-tools.js';

const json = (name: string) => parseJsonObject(fixture(name)) ?? {};

test('systemctl show: seed 000 kubelet, active since its start with the 10-kubeadm.conf drop-in', () => {
  const unit = parseSystemctlShow(fixture('systemctl-show-kubelet-active.txt'), 'kubelet.service');
  assert.equal(unit.activeState, 'active');
  assert.equal(unit.subState, 'running');
  assert.equal(unit.mainPid, 992);
  assert.equal(unit.restarts, 0);
  assert.equal(unit.memoryBytes, 191468748);
  assert.equal(unit.activeSinceMs, new Date(2024, 8, 10, 8, 34, 5).getTime());
  assert.deepEqual(unit.dropInPaths, ['/usr/lib/systemd/system/kubelet.service.d/10-kubeadm.conf']);
});

test('systemctl show: a flapping kubelet has no main PID, no memory and 17 restarts', () => {
  const unit = parseSystemctlShow(fixture('systemctl-show-kubelet-flapping.txt'), 'kubelet.service');
  assert.equal(unit.activeState, 'activating');
  assert.equal(unit.subState, 'auto-restart');
  assert.equal(unit.mainPid, undefined);
  assert.equal(unit.memoryBytes, undefined, '[not set] is unknown, not zero');
  assert.equal(unit.restarts, 17);
  assert.equal(unit.exitStatus, 1);
});

test('journalctl -o json (real output of journalctl -D on the seed 000 journal)', () => {
  const entries = parseJournal(fixture('journalctl-json-kubelet.txt'));
  assert.equal(entries.length, 8);
  const first = entries[0];
  assert.equal(first?.identifier, 'kubelet');
  assert.equal(first?.pid, '992');
  assert.equal(first?.unit, 'kubelet.service');
  assert.equal(first?.timeMs, Date.parse('2024-09-10T18:25:13+09:00'));
  assert.match(first?.message ?? '', /MountVolume.MountDevice succeeded/);
  assert.equal(entries.filter((entry) => entry.priority === 3).length, 2, 'the two Housekeeping errors');
  assert.ok(entries.every((entry) => entry.cursor.startsWith('s=')));
});

test('journalctl -o json: a non-UTF-8 MESSAGE comes as bytes; junk lines are skipped', () => {
  const entry = parseJournalLine('{"MESSAGE":[104,105,255],"PRIORITY":"4","__REALTIME_TIMESTAMP":"1000000"}');
  assert.equal(entry?.message, 'hi\ufffd');
  assert.equal(entry?.priority, 4);
  assert.equal(entry?.timeMs, 1000);
  assert.equal(parseJournalLine('-- No entries --'), undefined);
});

test('crictl pods/ps/images -o json: seed 004 worker01, with the static nginx-proxy pod', () => {
  const pods = parseCrictlPods(json('crictl-pods-worker01.json'));
  assert.equal(pods.length, 8);
  const proxy = pods.find((pod) => pod.name === 'nginx-proxy-playcekube-worker01');
  assert.equal(proxy?.staticPod, true);
  assert.equal(proxy?.namespace, 'kube-system');
  assert.equal(pods.filter((pod) => pod.staticPod).length, 1);
  assert.ok(pods.every((pod) => pod.ready));
  const containers = parseCrictlContainers(json('crictl-ps-worker01.json'));
  assert.equal(containers.length, 10);
  const calico = containers.find((container) => container.name === 'calico-kube-controllers');
  assert.equal(calico?.attempt, 1);
  assert.equal(calico?.podName, 'calico-kube-controllers-b8d4d8984-8htc7');
  assert.equal(calico?.state, 'running');
  assert.ok(calico?.sandboxId.startsWith('ec6e557854405'));
  assert.equal(calico?.createdAtMs, Date.parse('2023-10-01T09:25:00.123Z'));
  const images = parseCrictlImages(json('crictl-images-worker01.json'));
  assert.equal(images.length, 17);
  assert.equal(images[0]?.sizeBytes, 70_500_000);
  assert.deepEqual(images[0]?.tags, ['docker.io/library/nginx:latest']);
});

test('crictl inspect adds the exit code, finish time and log path of an exited container', () => {
  const [listed] = parseCrictlContainers(json('crictl-ps-worker01.json'));
  assert.ok(listed);
  const merged = mergeCrictlInspect(listed, json('crictl-inspect-exited.json'));
  assert.equal(merged.state, 'exited');
  assert.equal(merged.exitCode, 2);
  assert.equal(merged.reason, 'Error');
  assert.equal(merged.finishedAtMs, Date.parse('2023-10-01T09:24:58.523Z'));
  assert.match(merged.logPath ?? '', /calico-kube-controllers\/0\.log$/);
  assert.equal(merged.pid, undefined, 'pid 0 means no process');
});

test('ctr (captured from the local cluster): tasks, images folded by digest, sandbox and container info', () => {
  const tasks = parseCtrTasks(fixture('ctr-tasks.txt'));
  assert.ok(tasks.size >= 15);
  assert.ok([...tasks.values()].every((task) => task.pid > 0 && task.status === 'RUNNING'));
  const images = parseCtrImages(fixture('ctr-images.txt'));
  assert.deepEqual(images.map((image) => image.tags).sort(), [['kview.local/busybox:1'], ['kview.local/pause:3.2']]);
  assert.equal(images.find((image) => image.tags[0] === 'kview.local/busybox:1')?.sizeBytes, 2 * 1024 * 1024);
  const sandbox = parseCtrContainerInfo(
    json('ctr-info-sandbox-multi-container.json'),
    {pid: 5947, status: 'RUNNING'},
    undefined,
  );
  assert.equal(sandbox?.kind, 'sandbox');
  if (sandbox?.kind !== 'sandbox') return;
  assert.equal(sandbox.sandbox.name, 'multi-container');
  assert.equal(sandbox.sandbox.namespace, 'demo');
  assert.equal(sandbox.sandbox.ready, true);
  assert.match(sandbox.logDirectory, /^\/var\/log\/pods\/demo_multi-container_/);
  const shipper = parseCtrContainerInfo(
    json('ctr-info-container-log-shipper.json'),
    {pid: 6552, status: 'RUNNING'},
    undefined,
  );
  assert.equal(shipper?.kind, 'container');
  if (shipper?.kind !== 'container') return;
  assert.equal(shipper.container.name, 'log-shipper');
  assert.equal(shipper.container.sandboxId, sandbox.sandbox.id);
  assert.equal(shipper.container.state, 'running');
  assert.equal(shipper.logFile, 'log-shipper/0.log');
});

test('ctr: a crash-looping container has no task; the CRI status file keeps its exit code', () => {
  const record = parseCtrContainerInfo(
    json('ctr-info-container-crashloop.json'),
    undefined,
    json('cri-status-crashloop.json'),
  );
  assert.equal(record?.kind, 'container');
  if (record?.kind !== 'container') return;
  assert.equal(record.container.state, 'exited');
  assert.equal(record.container.exitCode, 1);
  assert.ok(record.container.attempt >= 1, `attempt ${record.container.attempt}`);
  assert.equal(record.container.podName, 'crashloop');
  assert.equal(parseHumanSize('760.6 KiB'), Math.round(760.6 * 1024));
});

test('ps: seed 004 walk from the kube-apiserver sandbox 4b942abe81e38 to its shim and process', () => {
  const processes = parseProcessTable(fixture('ps-controlplane01.txt'));
  const shim = findShim(processes, '4b942abe81e38');
  assert.equal(shim?.pid, 527179);
  const tree = processTree(processes, 527179);
  assert.deepEqual(
    tree.map((row) => [row.depth, row.process.pid]),
    [
      [0, 527179],
      [1, 527345],
    ],
  );
  assert.match(tree[1]?.process.commandLine ?? '', /^kube-apiserver /);
  const csi = processTree(processes, findShim(processes, '8507eb8d3474f')?.pid ?? -1);
  assert.deepEqual(
    csi.map((row) => row.process.pid),
    [48297, 48393, 48472],
    'one pod, two containers',
  );
  assert.equal(findShim(processes, 'ffffffffffff'), undefined);
});

test('df -P -k (captured): container overlays and secret tmpfs are not "the disk"', () => {
  const mounts = parseDiskUsage(fixture('df-this-host.txt'));
  assert.ok(mounts.length > 20);
  assert.deepEqual(
    hostMounts(mounts).map((mount) => mount.mountPoint),
    ['/', '/mnt/sandboxing/model_tools_env/v1/python'],
  );
  assert.equal(mounts.find((mount) => mount.mountPoint === '/')?.usedPercent, 27);
  assert.deepEqual([84, 85, 94, 95].map(diskLevel), ['ok', 'warning', 'warning', 'critical']);
});

test('ip -j addr / route (captured)', () => {
  const interfaces = parseInterfaces(fixture('ip-addr.json'));
  const loopback = interfaces.find((link) => link.name === 'lo');
  assert.equal(loopback?.mtu, 65536);
  assert.ok(loopback?.addresses.includes('127.0.0.1/8'));
  const routes = parseRoutes(fixture('ip-route.json'));
  assert.deepEqual(routes[0], {destination: 'default', gateway: '192.0.2.1', device: 'eth0'});
});

test('iptables KUBE-NODEPORTS (seed 000): one rule per service port', () => {
  const rules = parseNodePortRules(fixture('iptables-nodeports.txt'));
  assert.equal(rules.length, 4);
  assert.deepEqual(rules[1], {
    target: 'KUBE-EXT-AWA2CQSXVI7X2GE5',
    protocol: 'tcp',
    service: 'monitoring/grafana:http',
    port: 30001,
  });
});

test('last -x -F reboot (real output on a written wtmp) and /proc/uptime', () => {
  const boots = parseLastReboot(fixture('last-reboot.txt'));
  assert.equal(boots.length, 2);
  assert.equal(boots[0]?.endedAtMs, undefined, 'still running');
  assert.equal(boots[1]?.kernel, '5.15.0-72-generi');
  assert.ok(boots[1]?.endedAtMs !== undefined);
  assert.equal(parseUptimeSeconds('1652.84 2085.80\n'), 1652.84);
  assert.equal(parseUptimeSeconds('garbage'), undefined);
});

test('CRI log lines: partial lines join, stderr is marked, timestamps parse', () => {
  const lines = parseCriLogLines(
    '2026-11-22T09:15:51.1Z stdout F tick 1\n' +
      '2026-11-22T09:15:52.1Z stderr P half \n2026-11-22T09:15:52.2Z stderr F and half\nnot cri\n',
  );
  assert.deepEqual(
    lines.map((line) => [line.stream, line.text]),
    [
      ['stdout', 'tick 1'],
      ['stderr', 'half and half'],
      ['', 'not cri'],
    ],
  );
  assert.equal(lines[0]?.timeMs, Date.parse('2026-11-22T09:15:51.1Z'));
  assert.deepEqual(parsePodLogDirectoryName('kube-system_calico-node-zdvr6_dc05646b-058d-48e9-94c3-b4e19ebc2262'), {
    namespace: 'kube-system',
    pod: 'calico-node-zdvr6',
    uid: 'dc05646b-058d-48e9-94c3-b4e19ebc2262',
  });
});

test('a static pod manifest is found by metadata.name, not by a container name', () => {
  const manifest =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  labels:\n    app: x\n  name: nginx-proxy\n' +
    '  namespace: kube-system\nspec:\n  containers:\n  - name: nginx-proxy-container\n';
  assert.equal(manifestPodName(manifest), 'nginx-proxy');
  assert.equal(manifestPodName('spec:\n  containers:\n  - name: x\n'), undefined);
});
