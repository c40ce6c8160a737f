import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {kubeletConfigSummary, parseThreshold} from '../../src/resources/kubelet-config.js';
import {logListing, logQueryLines} from '../../src/resources/kubelet-logs.js';
import {kubeletPods} from '../../src/resources/kubelet-pods.js';
import {nodeStats} from '../../src/resources/kubelet-stats.js';
import {remoteNodeFindings, signalFigures} from '../../src/resources/remote-node-findings.js';
import {remoteNodeReport} from '../../src/resources/remote-node-report.js';
import {capturedReading} from '../fixtures/kubelet-reading.js';

// Real answers of the local cluster's kubelets (see test/fixtures/kubelet/README.md).
const raw = (name: string) => readFileSync(new URL(`../fixtures/kubelet/${name}`, import.meta.url), 'utf8');
const json = (name: string): unknown => JSON.parse(raw(name));

test('configz gives the static pod path, cgroup driver and eviction thresholds; 1.20 has no runtime endpoint', () => {
  const config = kubeletConfigSummary(json('configz.json'));
  assert.equal(config.staticPodPath, '/etc/kubernetes/manifests');
  assert.equal(config.cgroupDriver, 'cgroupfs');
  assert.equal(config.containerRuntimeEndpoint, undefined);
  assert.equal(config.maxPods, 110);
  assert.equal(config.systemLogQuery, false);
  assert.deepEqual(config.evictionHard['memory.available'], {kind: 'amount', value: 1024 * 1024, text: '1Mi'});
  assert.deepEqual(config.evictionHard['nodefs.available'], {kind: 'percent', value: 1, text: '1%'});
  assert.equal(config.evictionHard['nodefs.inodesFree'], undefined);
  assert.ok(config.raw.some(([name, value]) => name === 'evictionHard' && value.includes('imagefs.available')));
  assert.equal(parseThreshold('10%')?.value, 10);
  assert.equal(parseThreshold(''), undefined);
});

test('stats/summary gives the node filesystem, image filesystem, memory and per-pod figures', () => {
  const stats = nodeStats(json('stats-summary.json'));
  assert.equal(stats.nodeFs?.capacityBytes, 270553174016);
  assert.equal(stats.nodeFs?.availableBytes, 76081827840);
  assert.equal(stats.nodeFs?.inodes, 16777216);
  assert.equal(stats.imageFs?.usedBytes, 2904064);
  assert.ok((stats.memoryAvailableBytes ?? 0) > 0);
  assert.deepEqual(stats.pods.map((pod) => `${pod.namespace}/${pod.name}`).sort(), [
    'node-demo/node-agent-5975c98ddd-ddwph',
    'node-demo/node-ticker',
  ]);
  const nodefs = signalFigures(stats, 'nodefs.available');
  assert.deepEqual(nodefs, {available: 76081827840, capacity: 270553174016, unit: 'bytes'});
});

test('the eviction judgement uses the kubelet own thresholds: none near on the real node, critical and warning when set near', () => {
  const stats = nodeStats(json('stats-summary.json'));
  const config = kubeletConfigSummary(json('configz.json'));
  assert.deepEqual(remoteNodeFindings({node: 'systemd-node', config, stats}), []);
  // nodefs is 28.1% free on the captured node: a 30% threshold is crossed, 20% is within the warning margin.
  const crossed = remoteNodeFindings({
    node: 'systemd-node',
    stats,
    config: {...config, evictionHard: {'nodefs.available': {kind: 'percent', value: 30, text: '30%'}}},
  });
  assert.equal(crossed.length, 1);
  assert.equal(crossed[0]?.severity, 'critical');
  assert.match(crossed[0]?.evidence ?? '', /nodefs\.available 71GiB \(28\.1% of 252GiB\) vs evictionHard 30%/);
  assert.match(crossed[0]?.command ?? '', /kubectl get --raw \/api\/v1\/nodes\/systemd-node\/proxy\/stats\/summary/);
  const near = remoteNodeFindings({
    node: 'systemd-node',
    stats,
    config: {...config, evictionHard: {'nodefs.available': {kind: 'percent', value: 20, text: '20%'}}},
  });
  assert.deepEqual(
    near.map((finding) => finding.severity),
    ['warning'],
  );
});

test('/pods marks the static pod by its config source and names the crash loop and the pending pods', () => {
  const pods = kubeletPods(json('pods-localhost.json'));
  const staticPods = pods.filter((pod) => pod.static).map((pod) => `${pod.namespace}/${pod.name} ${pod.source}`);
  assert.deepEqual(staticPods, ['kube-system/node-probe-localhost file']);
  const crash = pods.find((pod) => pod.name === 'crashloop');
  assert.equal(crash?.problem, 'CrashLoopBackOff');
  assert.ok((crash?.restarts ?? 0) > 0);
  const findings = remoteNodeFindings({node: 'localhost', pods});
  assert.ok(findings.some((finding) => finding.title === 'pod demo/crashloop is CrashLoopBackOff'));
  assert.ok(findings.some((finding) => finding.title === 'pod demo/stuck-init is Pending'));
  assert.ok(!findings.some((finding) => finding.title.includes('migrate-once')), 'a Succeeded job pod is fine');
  assert.deepEqual(
    kubeletPods(json('pods.json'))
      .map((pod) => `${pod.name} ${pod.phase} ${pod.static}`)
      .sort(),
    ['node-agent-5975c98ddd-ddwph Running false', 'node-ticker Running false'],
  );
});

test('/logs/ lists /var/log with directories marked, and a query answered with the listing means no log query', () => {
  const entries = logListing(raw('logs-listing.html'));
  assert.ok(entries.some((entry) => entry.name === 'pods' && entry.directory));
  assert.ok(entries.some((entry) => entry.name === 'containers' && entry.directory));
  assert.ok(entries.some((entry) => entry.name === 'dpkg.log' && !entry.directory));
  assert.equal(logQueryLines(raw('logs-query-unsupported.html')), undefined);
  assert.deepEqual(logQueryLines('Dec 01 kubelet[1]: started\nDec 01 kubelet[1]: ready\n'), [
    'Dec 01 kubelet[1]: started',
    'Dec 01 kubelet[1]: ready',
  ]);
  assert.equal(logListing('<pre><a href="../etc/">../etc/</a><a href="/x">x</a></pre>').length, 0);
  const pods = logListing(raw('logs-pods-listing.html'));
  assert.equal(pods.length, 2);
  assert.ok(pods.every((entry) => entry.directory && entry.name.startsWith('node-demo_')));
});

const reading = capturedReading;

test('the report says why the journal is missing on 1.20 and folds the node warning events by reason', () => {
  const report = remoteNodeReport(reading());
  assert.ok('problem' in report.journal);
  assert.match('problem' in report.journal ? report.journal.problem : '', /does not offer node log query/);
  const events = report.findings.filter((finding) => finding.title.includes('warning event'));
  const reasons = events.map((finding) => finding.title.replace(/^\d+ /, '').split(' ')[0]).sort();
  assert.deepEqual(reasons, [...new Set(reasons)], 'one finding per reason');
  assert.ok(reasons.includes('Rebooted'));
  assert.ok(!report.findings.some((finding) => finding.severity === 'critical'), 'the captured node is Ready');
});

test('an unhealthy kubelet, a NotReady node and a refused proxy are said, each in one line', () => {
  const report = remoteNodeReport(
    reading({
      healthz: {ok: true, value: '[-]syncloop failed'},
      nodeObject: {ok: true, value: json('node-not-ready.json') as never},
    }),
  );
  const critical = report.findings.filter((finding) => finding.severity === 'critical');
  assert.deepEqual(critical.map((finding) => finding.title).sort(), [
    'the API says the node is not Ready (False)',
    'the kubelet reports itself unhealthy',
  ]);
  assert.ok(
    critical.some((finding) => finding.evidence.startsWith('Ready=False KubeletNotReady: container runtime status')),
  );
  const refused = {ok: false as const, problem: 'forbidden: you may not get nodes/proxy', forbidden: true};
  const denied = remoteNodeReport(reading({proxyAllowed: false, configz: refused, summary: refused}));
  assert.deepEqual(denied.config, {problem: 'forbidden: you may not get nodes/proxy'});
  assert.deepEqual(denied.stats, {problem: 'forbidden: you may not get nodes/proxy'});
});

test('a kubelet the proxy cannot reach is a critical finding with the error; a refused proxy is not', () => {
  const unreachable = {
    ok: false as const,
    problem: 'GET /api/v1/nodes/worker-notready/proxy/healthz failed: error trying to reach service: dial tcp',
    forbidden: false,
  };
  const report = remoteNodeReport(capturedReading({node: 'worker-notready', healthz: unreachable}));
  const [first] = report.findings;
  assert.equal(first?.title, 'the kubelet does not answer through the API server');
  assert.equal(first?.evidence, unreachable.problem);
  assert.equal(first?.command, 'kubectl get --raw /api/v1/nodes/worker-notready/proxy/healthz');
  const refused = remoteNodeReport(
    capturedReading({healthz: {ok: false, problem: 'forbidden: you may not get nodes/proxy', forbidden: true}}),
  );
  assert.ok(!refused.findings.some((finding) => finding.title.includes('does not answer')));
});
