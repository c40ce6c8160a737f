import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, rmSync} from 'node:fs';
import type {NodeTools} from '../../src/node-tools/node-tools.js';
import {scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';
import {UTC_ZONE} from '../../src/resources/time-zone.js';
import {seedScript} from '../fixtures/node-tools/seed-script.js';
import {waitForFrame} from './scripted-world.js';

process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {NodePane} = await import('../../src/ui/node-pane/NodePane.js');
const {StandaloneKeys} = await import('../../src/ui/StandaloneKeys.js');

const TAB = '\t';
const ENTER = '\r';
// Lines from a box's top border to its bottom border.
function boxHeight(frame: string): number {
  const lines = frame.split('\n');
  return lines.findIndex((text) => text.includes('╰')) - lines.findIndex((text) => text.includes('╭')) + 1;
}

function renderPane(
  context: TestContext,
  tools: NodeTools,
  props: {readonly?: boolean; onBack?: () => void; expectedNode?: string} = {},
) {
  // With the keyboard node-only mode gives it, so keys typed ahead reach a view the instant it appears.
  const app = render(
    <StandaloneKeys>
      <NodePane
        tools={tools}
        width={150}
        height={30}
        isActive
        readonly={props.readonly ?? false}
        onBack={props.onBack}
        expectedNode={props.expectedNode}
        timeZone={UTC_ZONE}
      />
    </StandaloneKeys>,
  );
  context.after(() => app.unmount());
  return app;
}

test('opens on findings for the detected node; a flapping kubelet is the first, critical finding', async (context) => {
  // The seed's host is a kubeadm node: kubeadm's flags file is what tells it apart from a hand-installed kubelet.
  const tools = scriptedNodeTools({
    script: seedScript({kubelet: 'systemctl-show-kubelet-flapping.txt'}),
    files: {
      '/var/lib/kubelet/kubeadm-flags.env':
        'KUBELET_KUBEADM_ARGS="--container-runtime-endpoint=unix:///run/containerd/containerd.sock"\n',
    },
  });
  const app = renderPane(context, tools);
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('CRITICAL'));
  assert.match(frame, /node k8s-master \(kubeadm\)\s+kubelet kubelet\.service pid 992/);
  const lines = frame.split('\n');
  const first = lines.findIndex((text) => /CRITICAL|WARNING|INFO/.test(text));
  assert.match(lines[first] ?? '', /CRITICAL.*kubelet\.service is not active/);
  assert.match(frame, /evidence: ActiveState=activating SubState=auto-restart Result=exit-code ExecMainStatus=1/);
  assert.match(frame, /see: systemctl status kubelet\.service/);
});

test('units read from systemctl show; R asks first with Cancel focused, and Cancel restarts nothing', async (context) => {
  const tools = scriptedNodeTools({script: seedScript()});
  const app = renderPane(context, tools);
  await waitForFrame(app.lastFrame, (text) => text.includes('Findings'));
  app.stdin.write(TAB);
  const units = await waitForFrame(app.lastFrame, (text) => /kubelet\.service\s+active\s+running/.test(text));
  assert.match(units, /containerd\.service\s+active\s+running\s+\S+\s+698\s+0\s+670MiB/);
  app.stdin.write('R');
  const dialog = await waitForFrame(app.lastFrame, (text) => text.includes('Restart kubelet.service?'));
  assert.match(
    dialog.split('\n').find((text) => text.includes('Cancel')) ?? '',
    /\u001b\[7m Cancel /,
    'Cancel is the focused (inverse) button',
  );
  assert.equal(boxHeight(dialog), 6, 'the box is its four lines and two borders, not the height of the pane');
  app.stdin.write(ENTER);
  await waitForFrame(app.lastFrame, (text) => text.includes('restart cancelled'));
  assert.ok(!tools.runner.calls.some((call) => call.args[0] === 'restart'));
  app.stdin.write('R');
  await waitForFrame(app.lastFrame, (text) => text.includes('Restart kubelet.service?'));
  app.stdin.write(TAB);
  app.stdin.write(ENTER);
  await waitForFrame(app.lastFrame, (text) => text.includes('restarted kubelet.service'));
  assert.deepEqual(tools.runner.calls.find((call) => call.args[0] === 'restart')?.args, [
    'restart',
    '--',
    'kubelet.service',
  ]);
});

test("opened for another node, the pane says in one line that kview runs elsewhere and shows none of this host's units", async (context) => {
  const tools = scriptedNodeTools({script: seedScript()});
  const app = renderPane(context, tools, {expectedNode: 'systemd-node'});
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('not on systemd-node'));
  assert.match(
    frame.replace(/\u001b\[[0-9;]*m/g, '').trim(),
    /^kview runs on node k8s-master, not on systemd-node: run kview on systemd-node to see it$/,
  );
  assert.equal(frame.trim().split('\n').length, 1);
  assert.ok(!tools.runner.calls.some((call) => call.command === 'systemctl'), 'no unit of this host was read');
});

test('Tab and Enter typed in one burst in the restart dialog are two keys: the restart runs', async (context) => {
  const tools = scriptedNodeTools({script: seedScript()});
  const app = renderPane(context, tools);
  await waitForFrame(app.lastFrame, (text) => text.includes('Findings'));
  app.stdin.write(TAB);
  await waitForFrame(app.lastFrame, (text) => /kubelet\.service\s+active\s+running/.test(text));
  app.stdin.write('R');
  await waitForFrame(app.lastFrame, (text) => text.includes('Restart kubelet.service?'));
  app.stdin.write(`${TAB}${ENTER}`);
  await waitForFrame(app.lastFrame, (text) => text.includes('restarted kubelet.service'));
  assert.ok(tools.runner.calls.some((call) => call.args[0] === 'restart'));
});

test('restart is not offered with --readonly or without root, and says why', async (context) => {
  const readonlyApp = renderPane(context, scriptedNodeTools({script: seedScript()}), {readonly: true});
  await waitForFrame(readonlyApp.lastFrame, (text) => text.includes('Findings'));
  readonlyApp.stdin.write(TAB);
  await waitForFrame(readonlyApp.lastFrame, (text) => /kubelet\.service\s+active/.test(text));
  readonlyApp.stdin.write('R');
  await waitForFrame(readonlyApp.lastFrame, (text) =>
    text.includes('restart is not offered: kview runs with --readonly'),
  );
  const userApp = renderPane(context, scriptedNodeTools({script: seedScript(), isRoot: false}));
  await waitForFrame(userApp.lastFrame, (text) => text.includes('Findings'));
  userApp.stdin.write(TAB);
  await waitForFrame(userApp.lastFrame, (text) => /kubelet\.service\s+active/.test(text));
  userApp.stdin.write('R');
  const frame = await waitForFrame(userApp.lastFrame, (text) => text.includes('not running as root'));
  assert.ok(!frame.includes('Restart kubelet.service?'));
});

test('Enter on a finding opens the journal that shows it, filtered to its lines', async (context) => {
  const messages = [
    'PLEG is not healthy: pleg was last seen active 3m ago',
    'Started kubelet',
    'skipping pod synchronization: PLEG is not healthy',
  ];
  // Ten minutes after the seed journal's entries, so its PLEG lines are within the last hour.
  const tools = scriptedNodeTools({script: seedScript({journalMessages: messages}), nowMs: 1725960313000 + 600_000});
  const app = renderPane(context, tools);
  const plain = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  const findings = await waitForFrame(plain, (text) => text.includes('PLEG is not healthy (2 times in the last hour)'));
  assert.match(findings, /see: journalctl -u kubelet\.service --since -1h \| grep PLEG {3}\(enter: read the journal\)/);
  app.stdin.write(ENTER);
  const reader = await waitForFrame(
    plain,
    (text) =>
      text.includes('Journal node/k8s-master (kubelet.service)') && text.includes('skipping pod synchronization'),
  );
  assert.match(reader, /filter \/PLEG is not healthy\//);
  assert.match(reader, /filtered to \/PLEG is not healthy\/ \(Esc clears it, H only highlights\)/);
  assert.ok(!reader.includes('Started kubelet'), "only the finding's lines");
  app.stdin.write('\u001b');
  await waitForFrame(plain, (text) => text.includes('Started kubelet'));
  app.stdin.write('\u001b');
  await waitForFrame(plain, (text) => text.includes('PLEG is not healthy (2 times in the last hour)'));
});

test('journal section: each unit with its errors and latest entry; hostile text is inert there and in the reader', async (context) => {
  const hostile = 'evil \u001b]0;pwned\u0007title \u001b[2J cleared';
  const app = renderPane(context, scriptedNodeTools({script: seedScript({journalMessage: hostile})}));
  await waitForFrame(app.lastFrame, (text) => text.includes('Findings'));
  app.stdin.write('ll');
  const section = await waitForFrame(app.lastFrame, (text) => text.includes('latest warnings and errors'));
  const plain = section.replace(/\u001b\[[0-9;]*m/g, '');
  assert.match(plain, /UNIT\s+ERR\s+WARN\s+LAST WARNING OR ERROR/);
  assert.match(plain, /kubelet\.service\s+1\s+0\s+Sep 10 \d\d:\d\d:13 evil title\s+cleared/);
  assert.match(plain, /all units, interleaved by time \(kubelet\.service \+ containerd\.service\)/);
  assert.match(plain, /kubelet\[992\]: evil title\s+cleared/);
  app.stdin.write(ENTER);
  const reader = await waitForFrame(
    app.lastFrame,
    (text) =>
      text.replace(/\u001b\[[0-9;]*m/g, '').includes('Journal node/k8s-master') && text.includes('kubelet[992]: evil'),
  );
  for (const frame of [section, reader]) {
    assert.ok(!frame.includes('\u001b]0;'), 'no title-setting sequence');
    assert.ok(!frame.includes('\u001b[2J'), 'no clear-screen sequence');
  }
  const shown = reader.replace(/\u001b\[[0-9;]*m/g, '');
  // The reader starts as journalctl prints: local times, the last 200 entries, following.
  assert.match(shown, /\[tail 200\][^\n]*● follow[^\n]*time local/);
  assert.match(shown, /2024-09-1\d \d\d:\d\d:13\.000 kubelet\[992\]: evil title\s+cleared/);
});

test("journal reader: the log view's filter, matches and save work on journal entries; Esc steps back out", async (context) => {
  const messages = [
    'PLEG is not healthy: pleg was last seen active 3m ago',
    'Started kubelet',
    'Housekeeping took longer than expected',
    'skipping pod synchronization: PLEG is not healthy',
  ];
  let left = 0;
  const app = renderPane(context, scriptedNodeTools({script: seedScript({journalMessages: messages})}), {
    onBack: () => left++,
  });
  const plain = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  await waitForFrame(app.lastFrame, (text) => text.includes('Findings'));
  app.stdin.write('ll');
  await waitForFrame(plain, (text) => text.includes('latest warnings and errors'));
  // Typed at once, as over a slow link: the filter keys reach the reader even before it is drawn.
  app.stdin.write(ENTER);
  app.stdin.write('/PLEG');
  await waitForFrame(
    plain,
    (text) => text.includes('filter (regex, !inverts): /PLEG') && text.includes('Journal node/k8s-master'),
  );
  app.stdin.write(ENTER);
  const filtered = await waitForFrame(
    plain,
    (text) => text.includes('filter /PLEG/') && text.includes('skipping pod synchronization'),
  );
  assert.ok(!filtered.includes('Started kubelet') && !filtered.includes('Housekeeping'));
  assert.match(filtered, /is not healthy: pleg was last seen/);
  app.stdin.write('x');
  await waitForFrame(plain, (text) => text.includes('±1') && text.includes('Started kubelet'));
  app.stdin.write('n');
  await waitForFrame(plain, (text) => text.includes('match 1 of 2'));
  app.stdin.write('\u001b');
  await waitForFrame(plain, (text) => text.includes('filter cleared'));
  // S saves the whole buffer (not only what the filter shows) with journald's own timestamps.
  app.stdin.write('S');
  const prompt = await waitForFrame(plain, (text) => text.includes('save buffer to: '));
  const path = /save buffer to: (\S+)/.exec(prompt)?.[1] ?? '';
  context.after(() => rmSync(path, {force: true}));
  app.stdin.write(ENTER);
  await waitForFrame(plain, (text) => text.includes(`saved 4 lines to ${path}`));
  assert.equal(readFileSync(path, 'utf8').split('\n')[1], '2024-09-10T09:25:14.000000Z kubelet[992]: Started kubelet');
  app.stdin.write('\u001b');
  await waitForFrame(plain, (text) => text.includes('latest warnings and errors'));
  assert.equal(left, 0, 'Esc in the reader goes back to the pane, not out of it');
  app.stdin.write('\u001b');
  await waitForFrame(
    () => String(left),
    (text) => text === '1',
  );
});

test('runtime lists crictl pods; Enter opens the static pod with its containers; Esc goes back, then leaves', async (context) => {
  let left = 0;
  const tools = scriptedNodeTools({script: seedScript()});
  const app = renderPane(context, tools, {onBack: () => left++});
  await waitForFrame(app.lastFrame, (text) => text.includes('Findings'));
  app.stdin.write('lll');
  const pods = await waitForFrame(app.lastFrame, (text) => text.includes('nginx-proxy-playcekube-worker01'));
  assert.match(pods, /POD ID\s+CREATED\s+STATE\s+NAME\s+NAMESPACE\s+ATTEMPT/);
  assert.match(pods, /b86eb16363b44\s+\S+\s+Ready\s+nginx-proxy-playcekube-worker01 \(static\)/);
  app.stdin.write('G');
  await waitForFrame(app.lastFrame, (text) => /\u001b\[7m[^\n]*nginx-proxy-playcekube-worker01/.test(text));
  app.stdin.write(ENTER);
  const detail = await waitForFrame(app.lastFrame, (text) => text.includes('Containers'));
  assert.match(detail, /kube-system\/nginx-proxy-playcekube-worker01\s+sandbox b86eb16363b44/);
  assert.match(detail, /nginx-proxy\s+Running\s+attempt 0/);
  app.stdin.write('\u001b');
  await waitForFrame(app.lastFrame, (text) => text.includes('POD ID'));
  assert.equal(left, 0, 'the first Esc closes the pod');
  app.stdin.write('\u001b');
  await waitForFrame(app.lastFrame, () => left === 1);
});

// Replayed: crictl cannot run here, so `crictl inspect -o json` and `crictl logs --tail 50` answer from the
// fixtures (crictl's documented JSON shape; see test/fixtures/node-tools/README.md).
test("containers view: Enter opens the container's inspect fields and log tail from crictl; Esc goes back", async (context) => {
  const tools = scriptedNodeTools({script: seedScript()});
  const app = renderPane(context, tools);
  await waitForFrame(app.lastFrame, (text) => text.includes('Findings'));
  app.stdin.write('lll');
  await waitForFrame(app.lastFrame, (text) => text.includes('crictl pods'));
  app.stdin.write('v');
  await waitForFrame(app.lastFrame, (text) => text.includes('crictl containers'));
  app.stdin.write('G');
  await waitForFrame(app.lastFrame, (text) => /\u001b\[7m[^\n]*033b5209eb3e8/.test(text));
  app.stdin.write(ENTER);
  const detail = (await waitForFrame(app.lastFrame, (text) => text.includes('Last log lines'))).replace(
    /\u001b\[[0-9;]*m/g,
    '',
  );
  assert.match(detail, /id:\s+033b5209eb3e8a168d1d4c41976cf39f6216b52e78ee7e29be0815bb56b6e3ee/);
  assert.match(detail, /name:\s+nginx-proxy/);
  assert.match(detail, /pod:\s+kube-system\/nginx-proxy-playcekube-worker01/);
  assert.match(detail, /image:\s+docker\.io\/library\/nginx:1\.25\.2-alpine/);
  assert.match(detail, /state:\s+running/);
  assert.match(detail, /started:\s+2023-10-01 09:16:00 \+0000/);
  assert.match(detail, /pid:\s+4127/);
  assert.match(detail, /log path:\s+\/var\/log\/pods\/kube-system_nginx-proxy-playcekube-worker01_/);
  assert.match(detail, /\/etc\/nginx -> \/etc\/nginx \(ro\)/);
  assert.match(detail, /connect\(\) failed \(111: Connection refused\)/);
  const id = '033b5209eb3e8a168d1d4c41976cf39f6216b52e78ee7e29be0815bb56b6e3ee';
  const calls = tools.runner.calls.filter((call) => call.command === 'crictl' && call.args.at(-1) === id);
  assert.deepEqual(
    calls.map((call) => call.args.slice(-5)),
    [
      ['inspect', '-o', 'json', '--', id],
      ['logs', '--tail', '50', '--', id],
    ],
  );
  app.stdin.write('\u001b');
  await waitForFrame(app.lastFrame, (text) => text.includes('crictl containers'));
});

test("a container's log file from its inspect opens in the log reader, with the previous instance on p", async (context) => {
  // The file as the kubelet writes it, held in memory; the reader reads it through the FileReader.
  const directory = '/var/log/pods/kube-system_nginx-proxy-playcekube-worker01_291ecb529cae2272abdc54750a1d68f2';
  const tools = scriptedNodeTools({
    script: seedScript(),
    files: {
      [`${directory}/nginx-proxy/0.log`]: '2023-10-01T09:16:00.1Z stderr F first instance died\n',
      [`${directory}/nginx-proxy/1.log`]:
        '2023-10-01T09:16:01.2Z stdout F ready for start up\n' +
        '2023-10-01T09:16:02.3Z stderr F connect() failed (111: Connection refused)\n',
    },
  });
  const app = renderPane(context, tools);
  const plain = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  await waitForFrame(plain, (text) => text.includes('Findings'));
  app.stdin.write('lll');
  await waitForFrame(plain, (text) => text.includes('crictl pods'));
  // In one read, as over a slow link: G waits for the containers list that v asked for.
  app.stdin.write('vG');
  await waitForFrame(app.lastFrame, (text) => /\u001b\[7m[^\n]*033b5209eb3e8/.test(text));
  app.stdin.write(ENTER);
  await waitForFrame(plain, (text) => text.includes('Last log lines') && text.includes('enter: read and follow'));
  app.stdin.write('G');
  app.stdin.write(ENTER);
  const reader = await waitForFrame(
    plain,
    (text) =>
      text.includes('Logs kube-system/nginx-proxy-playcekube-worker01' + ' (nginx-proxy)') &&
      text.includes('connect() failed'),
  );
  assert.match(reader, /ready for start up/);
  assert.ok(!reader.includes('first instance died'), 'the newest instance only');
  app.stdin.write('p');
  await waitForFrame(plain, (text) => text.includes('[previous]') && text.includes('first instance died'));
  app.stdin.write('\u001b');
  await waitForFrame(plain, (text) => text.includes('Last log lines'));
});

test("on its own (node-only mode) the hints leave out the App's command line and history; in the App they stay", async (context) => {
  const alone = renderPane(context, scriptedNodeTools({script: seedScript()}));
  const plain = (app: typeof alone) => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  await waitForFrame(
    () => plain(alone),
    (text) => text.includes('<tab/l/→> section'),
  );
  assert.ok(!plain(alone).includes('<:> cmd'));
  alone.stdin.write('?');
  const help = await waitForFrame(
    () => plain(alone),
    (text) => text.includes('Keys (node view'),
  );
  assert.ok(!help.includes('history: back') && help.includes('restart the selected unit'));
  const inApp = renderPane(context, scriptedNodeTools({script: seedScript()}), {onBack: () => undefined});
  await waitForFrame(
    () => plain(inApp),
    (text) => text.includes('<:> cmd'),
  );
});

test('lookupApiNode is asked about the detected node; a NotReady answer becomes the critical API finding', async (context) => {
  const asked: string[] = [];
  const lookupApiNode = (name: string) => {
    asked.push(name);
    return Promise.resolve({
      ready: false,
      reason: 'KubeletNotReady',
      message: 'PLEG is not healthy: pleg was last seen active 3m0s ago',
    });
  };
  const app = render(
    <NodePane
      tools={scriptedNodeTools({script: seedScript()})}
      width={150}
      height={30}
      isActive
      readonly={false}
      lookupApiNode={lookupApiNode}
    />,
  );
  context.after(() => app.unmount());
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('node is NotReady in the API'));
  assert.match(frame, /CRITICAL.*node is NotReady in the API/);
  assert.match(frame, /Ready=False KubeletNotReady: PLEG is not healthy/);
  assert.deepEqual(asked, ['k8s-master'], 'asked once, for the name detection found');
});

test('a lookup that fails or finds a Ready node adds no API finding', async (context) => {
  for (const lookupApiNode of [
    () => Promise.reject(new Error('connection refused')),
    () => Promise.resolve({ready: true, reason: 'KubeletReady', message: 'kubelet is posting ready status'}),
  ]) {
    const app = render(
      <NodePane
        tools={scriptedNodeTools({script: seedScript()})}
        width={150}
        height={30}
        isActive
        readonly={false}
        lookupApiNode={lookupApiNode}
      />,
    );
    context.after(() => app.unmount());
    const frame = await waitForFrame(app.lastFrame, (text) => text.includes('Findings'));
    assert.ok(!frame.includes('NotReady in the API'));
  }
});

test('r during a slow read neither cancels nor restarts it: the header says refreshing, and one more read follows', async (context) => {
  const scripted = scriptedNodeTools({script: seedScript({kubelet: 'systemctl-show-kubelet-flapping.txt'})});
  let blocked: Array<() => void> | undefined;
  let shows = 0;
  let detections = 0;
  const tools: NodeTools = {
    ...scripted,
    runner: {
      async run(command, args, options) {
        if (command === 'ps') detections += 1;
        if (command === 'systemctl' && args[0] === 'show') {
          shows += 1;
          if (blocked) await new Promise<void>((resolve) => blocked?.push(resolve));
        }
        return scripted.runner.run(command, args, options);
      },
      follow: (command, args, onLine, options) => scripted.runner.follow(command, args, onLine, options),
    },
  };
  const app = renderPane(context, tools);
  await waitForFrame(app.lastFrame, (text) => /read \d\d:\d\d:\d\d/.test(text) && !text.includes('refreshing'));
  const perRead = shows;
  assert.ok(perRead > 0);
  blocked = [];
  app.stdin.write('r');
  await waitForFrame(app.lastFrame, (text) => /read \d\d:\d\d:\d\d, refreshing…/.test(text));
  await waitForFrame(app.lastFrame, () => shows === 2 * perRead);
  // Each r also detects the node again (ps): a detection more proves the key was handled.
  for (let press = 0; press < 2; press++) {
    const detected = detections;
    app.stdin.write('r');
    await waitForFrame(app.lastFrame, () => detections > detected);
  }
  assert.match(app.lastFrame() ?? '', /refreshing…/);
  assert.equal(shows, 2 * perRead, 'the read in flight was not started again');
  const waiting = blocked;
  blocked = undefined;
  for (const release of waiting) release();
  await waitForFrame(app.lastFrame, (text) => /read \d\d:\d\d:\d\d/.test(text) && !text.includes('refreshing'));
  assert.equal(shows, 3 * perRead, 'the two r pressed meanwhile made one read after it');
});
