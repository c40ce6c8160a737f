import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import type {KubeletProxyReading} from '../../src/cluster/kubelet-proxy.js';
import {scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';
import {seedScript} from '../fixtures/node-tools/seed-script.js';
import {capturedReading, kubeletFixture} from '../fixtures/kubelet-reading.js';
import {UTC_ZONE} from '../../src/resources/time-zone.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';
import type {FailingCall} from './scripted-world.js';

process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {NodePane} = await import('../../src/ui/node-pane/NodePane.js');
const {StandaloneKeys} = await import('../../src/ui/StandaloneKeys.js');

const TAB = '\t';
const ENTER = '\r';
const ESC = '\u001b';
const plain = (frame: string) => frame.replace(/\u001b\[[0-9;]*m/g, '');
// The list row under the cursor is drawn inverse from its start (the section tab is inverse too, inside its line).
const selectedRow = (frame: string) => /^(?:\u001b\[[0-9;]*m)*\u001b\[7m(.*)$/m.exec(frame)?.[1] ?? '';

// kview runs on the seed's host (k8s-master); the pane is asked for systemd-node, which the scripted proxy answers
// with what the real cluster's kubelet answered.
function renderRemote(
  context: TestContext,
  options: {
    reading?: KubeletProxyReading;
    logs?: Record<string, string>;
    failing?: Partial<Record<FailingCall, string>>;
  } = {},
) {
  const tools = scriptedNodeTools({script: seedScript()});
  const world = scriptedWorld({
    kubelet: {reading: options.reading ?? capturedReading(), logs: options.logs},
    failing: options.failing,
  });
  let left = 0;
  const app = render(
    <StandaloneKeys>
      <NodePane
        tools={tools}
        width={150}
        height={40}
        isActive
        readonly={false}
        expectedNode="systemd-node"
        remote={world.cluster}
        onBack={() => {
          left += 1;
        }}
        timeZone={UTC_ZONE}
      />
    </StandaloneKeys>,
  );
  context.after(() => app.unmount());
  return {app, tools, world, left: () => left};
}

async function moveTo(app: ReturnType<typeof render>, text: string, key: 'j' | 'k' = 'j'): Promise<void> {
  for (let step = 0; step < 40; step += 1) {
    const frame = app.lastFrame() ?? '';
    if (plain(selectedRow(frame)).includes(text)) return;
    app.stdin.write(key);
    await waitForFrame(app.lastFrame, (next) => next !== frame);
  }
  throw new Error(`never selected ${text}`);
}

test('another node opens remotely via the kubelet API: header, and every section says what this path cannot show', async (context) => {
  const {app, tools, world} = renderRemote(context);
  let frame = await waitForFrame(
    app.lastFrame,
    (text) => text.includes('via kubelet API') && text.includes('Rebooted'),
  );
  assert.match(
    plain(frame),
    /node systemd-node via kubelet API {2}kubelet v1\.20\.2 {2}runtime containerd:\/\/1\.6\.20/,
  );
  assert.match(plain(frame), /kview runs on node k8s-master; read-only: kview creates nothing on the node/);
  assert.match(plain(frame), /findings: from the kubelet API and the API server only/);
  assert.match(plain(frame), /WARNING {2}\d+ Rebooted warning events? on the node/);
  assert.deepEqual(world.calls, ['kubelet systemd-node']);
  assert.ok(!tools.runner.calls.some((call) => call.command === 'systemctl'), 'no unit of this host was read');

  app.stdin.write(TAB);
  frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('static pod path')));
  assert.match(frame, /units: needs a shell on the node \(systemctl\); not available through the kubelet API/);
  assert.match(frame, /units, journal, runtime: need a node debug pod \(not available here\)/);
  assert.match(frame, /kubelet \/healthz: ok/);
  assert.match(frame, /static pod path {5}\/etc\/kubernetes\/manifests/);
  assert.match(frame, /cgroup driver {7}cgroupfs/);
  assert.match(frame, /runtime endpoint {4}not in \/configz/);
  assert.match(frame, /eviction hard {7}memory\.available<1Mi nodefs\.available<1% imagefs\.available<1%/);

  app.stdin.write('R');
  frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('restart, the runtime views')));
  assert.match(frame, /need a node debug pod \(not available here\): restart/);

  app.stdin.write(TAB);
  frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('does not offer node log query')));
  assert.match(frame, /journal: this kubelet does not offer node log query/);
  assert.match(frame, /^dpkg\.log\s*$/m);
  assert.match(frame, /^containers\/\s*$/m);

  app.stdin.write(TAB);
  frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('node-demo/node-ticker')));
  assert.match(frame, /runtime: needs a shell on the node \(crictl\)/);
  assert.match(frame, /node-demo\/node-ticker\s+api\s+Running\s+1\/1\s+0\s+\d+m/);

  app.stdin.write(TAB);
  frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('nodefs (kubelet root)')));
  assert.match(frame, /OS: processes, network and mounts need a shell on the node/);
  assert.match(frame, /nodefs \(kubelet root\)\s+size 252GiB\s+used 31GiB\s+avail 71GiB\s+72% used\s+evicts under 1%/);
  assert.match(frame, /Ready\s+True\s+KubeletReady/);
});

test('/var/log through /logs/: Enter lists a directory and opens a file in the log reader, inert; Esc goes up, then leaves', async (context) => {
  const logs: Record<string, string> = {
    'pods/': kubeletFixture('logs-pods-listing.html'),
    'dpkg.log': 'first line\n2026-12-01 status installed kubelet\u001b[2J\u001b]0;owned\u0007 end\n',
  };
  const {app, left} = renderRemote(context, {logs});
  await waitForFrame(app.lastFrame, (text) => text.includes('via kubelet API') && text.includes('Findings'));
  app.stdin.write(TAB);
  app.stdin.write(TAB);
  await waitForFrame(app.lastFrame, (text) => text.includes('dpkg.log'));
  await moveTo(app, 'pods/');
  app.stdin.write(ENTER);
  const frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('node-demo_node-ticker')));
  assert.match(frame, /\/var\/log\/pods\/ through the kubelet's \/logs\//);
  assert.ok(!frame.includes('dpkg.log'));
  app.stdin.write(ESC);
  await waitForFrame(app.lastFrame, (text) => text.includes('dpkg.log'));
  // Back in /var/log the cursor starts at the top again.
  assert.match(plain(selectedRow(app.lastFrame() ?? '')), /^README/);
  await moveTo(app, 'dpkg.log');
  app.stdin.write(ENTER);
  const raw = await waitForFrame(app.lastFrame, (text) => text.includes('status installed kubelet'));
  assert.ok(!raw.includes('\u001b[2J') && !raw.includes('\u001b]0;'), 'file text cannot move the cursor or retitle');
  assert.match(plain(raw), /node\/systemd-node \/var\/log\/dpkg\.log/);
  // The reader follows the file as it grows, and says so when it was truncated.
  logs['dpkg.log'] += '2026-12-02 status installed kview\n';
  // Read every 2 s, as the reader polls the kubelet.
  await waitForFrame(app.lastFrame, (text) => text.includes('status installed kview'), 10_000);
  logs['dpkg.log'] = 'rotated\n';
  const rotated = plain(
    await waitForFrame(
      app.lastFrame,
      (text) => text.includes('truncated or replaced') && text.includes('rotated'),
      10_000,
    ),
  );
  assert.match(rotated, /first line[\s\S]*status installed kview[\s\S]*truncated or replaced[\s\S]*rotated/);
  app.stdin.write(ESC);
  await waitForFrame(app.lastFrame, (text) => text.includes('alternatives.log'));
  assert.equal(left(), 0);
  app.stdin.write(ESC);
  await waitForFrame(app.lastFrame, () => left() === 1);
});

test('a refused nodes/proxy is one forbidden line naming the verb and resource; the API parts still show', async (context) => {
  const refused = {ok: false as const, problem: 'forbidden: you may not get nodes/proxy', forbidden: true};
  const reading = capturedReading({
    proxyAllowed: false,
    healthz: refused,
    configz: refused,
    summary: refused,
    pods: refused,
    logs: refused,
    logQuery: refused,
  });
  const {app} = renderRemote(context, {reading});
  const frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('forbidden: get nodes/proxy')));
  assert.match(frame, /forbidden: get nodes\/proxy on node systemd-node is not allowed for you/);
  assert.match(frame, /Rebooted warning event/);
});

test('a node proxy that cannot be reached is one line, not a stack trace', async (context) => {
  const {app} = renderRemote(context, {
    failing: {readNodeProxy: 'error trying to reach service: dial tcp: no such host'},
  });
  const frame = plain(await waitForFrame(app.lastFrame, (text) => text.includes('cannot read node')));
  assert.match(frame, /! cannot read node systemd-node: error trying to reach service: dial tcp: no such host/);
  assert.ok(!/at .*\.tsx?:\d+/.test(frame));
});
