import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import type {NodeIdentity} from '../../src/node-tools/node-flavour.js';
import {offlineIdentity} from '../../src/node-tools/node-report.js';
import type {NodeTools} from '../../src/node-tools/node-tools.js';
import {scriptedNodeTools} from '../fixtures/node-tools/scripted-node-tools.js';
import {NGINX_PROXY, seedScript} from '../fixtures/node-tools/seed-script.js';
import {waitForFrame} from './scripted-world.js';

// Each call behind the node pane's hooks is made to reject (a runner or file reader that throws, as a spawn
// failure or an I/O error does), one at a time. Each must end as one line in the pane, never an unhandled
// rejection, and the pane must keep taking keys.
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {NodePane} = await import('../../src/ui/node-pane/NodePane.js');
const {StandaloneKeys} = await import('../../src/ui/StandaloneKeys.js');

const TAB = '\t';
const ENTER = '\r';
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

type Rule = (command: string, args: readonly string[]) => string | undefined;

// The seed's node, with the runner rejecting whatever the rule names (and the pod log directory's listing too,
// when asked).
function failingTools(rule: Rule, options: {failListing?: string} = {}): NodeTools {
  const tools = scriptedNodeTools({script: seedScript()});
  return {
    ...tools,
    runner: {
      ...tools.runner,
      run: (command, args, runOptions) => {
        const message = rule(command, args);
        return message === undefined ? tools.runner.run(command, args, runOptions) : Promise.reject(new Error(message));
      },
    },
    files: {
      ...tools.files,
      list: (directory) =>
        options.failListing !== undefined && directory.startsWith(options.failListing)
          ? Promise.reject(new Error(`${directory}: EIO: i/o error, scandir`))
          : tools.files.list(directory),
    },
  };
}

function renderPane(context: TestContext, tools: NodeTools, identity?: NodeIdentity) {
  const app = render(
    <StandaloneKeys>
      <NodePane tools={tools} width={150} height={30} isActive readonly={false} identity={identity} />
    </StandaloneKeys>,
  );
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return {app, frame};
}

function linesWith(frame: string, text: string): string[] {
  return frame.split('\n').filter((line) => line.includes(text));
}

// The pane still answers: tab moves to the next section (its tab is drawn inverse).
async function assertStillWorking(app: ReturnType<typeof render>) {
  assert.deepEqual(unhandled, [], 'no rejection escaped');
  const before = app.lastFrame();
  app.stdin.write(TAB);
  await waitForFrame(app.lastFrame, (text) => text !== before);
}

test('detecting the node fails: one line, and the pane still takes keys', async (context) => {
  const tools = failingTools((command) => (command === 'ps' ? 'spawn ps EAGAIN' : undefined));
  const {app, frame} = renderPane(context, tools);
  const shown = await waitForFrame(frame, (text) => text.includes('cannot detect the node'));
  assert.deepEqual(linesWith(shown, 'cannot detect the node'), ['! cannot detect the node: spawn ps EAGAIN']);
  await assertStillWorking(app);
});

test('reading the node report fails: one line instead of the report', async (context) => {
  const tools = failingTools((command) => (command === 'df' ? 'spawn df EIO' : undefined));
  const {app, frame} = renderPane(context, tools);
  const shown = await waitForFrame(frame, (text) => text.includes('cannot read the node'));
  assert.deepEqual(linesWith(shown, 'cannot read the node'), ['! cannot read the node: spawn df EIO']);
  await assertStillWorking(app);
});

test('a runtime socket from kubelet flags that is not absolute is one problem line, not a rejection', async (context) => {
  const identity = {...offlineIdentity('k8s-master'), runtimeSocket: 'run/containerd/containerd.sock'};
  const tools = scriptedNodeTools({script: seedScript()});
  const {app, frame} = renderPane(context, tools, identity);
  await waitForFrame(frame, (text) => text.includes('Findings') && !text.includes('Reading the node'));
  app.stdin.write('lll');
  const shown = await waitForFrame(frame, (text) => text.includes('refusing path'));
  assert.deepEqual(linesWith(shown, 'refusing path'), [
    '! refusing path "run/containerd/containerd.sock": it could be read as an option or holds control characters',
  ]);
  assert.ok(!tools.runner.calls.some((call) => call.command === 'crictl' || call.command === 'ctr'), 'nothing ran');
  await assertStillWorking(app);
});

test('walking a pod fails: one line in the pod view', async (context) => {
  const tools = failingTools(() => undefined, {failListing: '/var/log/pods'});
  const {app, frame} = renderPane(context, tools);
  await waitForFrame(frame, (text) => text.includes('Findings') && !text.includes('Reading the node'));
  app.stdin.write('lll');
  await waitForFrame(frame, (text) => text.includes('nginx-proxy-playcekube-worker01'));
  app.stdin.write('G');
  await waitForFrame(app.lastFrame, (text) => /\u001b\[7m[^\n]*nginx-proxy-playcekube-worker01/.test(text));
  app.stdin.write(ENTER);
  const shown = await waitForFrame(frame, (text) => text.includes('cannot walk the pod'));
  assert.deepEqual(linesWith(shown, 'cannot walk the pod'), [
    '! cannot walk the pod: /var/log/pods: EIO: i/o error, scandir',
  ]);
  assert.deepEqual(unhandled, []);
  app.stdin.write('\u001b');
  await waitForFrame(frame, (text) => text.includes('POD ID'));
});

test("reading a container's inspect fails: one line in the container view", async (context) => {
  const tools = failingTools((command, args) =>
    command === 'crictl' && args.includes('inspect') && args.at(-1) === NGINX_PROXY ? 'spawn crictl ENOMEM' : undefined,
  );
  const {app, frame} = renderPane(context, tools);
  await waitForFrame(frame, (text) => text.includes('Findings') && !text.includes('Reading the node'));
  app.stdin.write('lll');
  await waitForFrame(frame, (text) => text.includes('crictl pods'));
  app.stdin.write('v');
  await waitForFrame(frame, (text) => text.includes('crictl containers'));
  app.stdin.write('G');
  await waitForFrame(app.lastFrame, (text) => /\u001b\[7m[^\n]*033b5209eb3e8/.test(text));
  app.stdin.write(ENTER);
  const shown = await waitForFrame(frame, (text) => text.includes('cannot read the container'));
  assert.deepEqual(linesWith(shown, 'cannot read the container'), ['! cannot read the container: spawn crictl ENOMEM']);
  assert.deepEqual(unhandled, []);
  app.stdin.write('\u001b');
  await waitForFrame(frame, (text) => text.includes('CONTAINER'));
});

test("the journal section's preview fails: one line above the section", async (context) => {
  const tools = failingTools((command, args) =>
    // The preview's read: its last 2,000 entries of the hour (severity is taken from each line afterwards).
    command === 'journalctl' && args.includes('--lines=2000') ? 'spawn journalctl EMFILE' : undefined,
  );
  const {app, frame} = renderPane(context, tools);
  await waitForFrame(frame, (text) => text.includes('Findings') && !text.includes('Reading the node'));
  app.stdin.write('ll');
  const shown = await waitForFrame(frame, (text) => text.includes('spawn journalctl EMFILE'));
  assert.deepEqual(linesWith(shown, 'EMFILE'), ['! spawn journalctl EMFILE']);
  await assertStillWorking(app);
});

test('a unit restart that rejects is one message line', async (context) => {
  const tools = failingTools((command, args) =>
    command === 'systemctl' && args[0] === 'restart' ? 'spawn systemctl ETIMEDOUT' : undefined,
  );
  const {app, frame} = renderPane(context, tools);
  await waitForFrame(frame, (text) => text.includes('Findings') && !text.includes('Reading the node'));
  app.stdin.write(TAB);
  await waitForFrame(frame, (text) => /kubelet\.service\s+active\s+running/.test(text));
  app.stdin.write('R');
  await waitForFrame(frame, (text) => text.includes('Restart kubelet.service?'));
  app.stdin.write(TAB);
  app.stdin.write(ENTER);
  const shown = await waitForFrame(frame, (text) => text.includes('restart of kubelet.service failed'));
  assert.deepEqual(linesWith(shown, 'restart of'), ['restart of kubelet.service failed: spawn systemctl ETIMEDOUT']);
  await assertStillWorking(app);
});
