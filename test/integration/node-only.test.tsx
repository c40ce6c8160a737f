import {test} from 'node:test';
import assert from 'node:assert/strict';
import {nodeOnlyModeLine} from '../../src/cli/node-only.js';
import {createSystemNodeTools} from '../../src/node-tools/node-tools.js';
import {waitForFrame} from '../component/scripted-world.js';
import {pathWithout} from './controlled-path.js';

const {render} = await import('ink-testing-library');
const {NodePane} = await import('../../src/ui/node-pane/NodePane.js');

// Node-only mode as runNodeOnly shows it, rendered in a test terminal with the real tools against the running
// local cluster. The API server is NOT stopped here (it is shared); the unreachable reason is given, as the CLI
// will give it, and nothing in the pane asks the API.
// crictl is kept off PATH, so the ctr fallback is what runs whether or not this host has crictl.
const tools = createSystemNodeTools({...process.env, PATH: pathWithout(['crictl'])});

test("node-only mode lists the runtime's containers and a pod's log lines from /var/log/pods", async (context) => {
  const modeLine = nodeOnlyModeLine({reason: 'the connection to the server 127.0.0.1:6443 was refused'});
  const app = render(<NodePane tools={tools} width={160} height={40} isActive readonly modeLine={modeLine} />);
  context.after(() => app.unmount());
  await waitForFrame(app.lastFrame, (text) => text.includes('Findings') && !text.includes('Reading the node'), 15_000);
  assert.match(
    app.lastFrame() ?? '',
    /node-only mode: the connection to the server 127\.0\.0\.1:6443 was refused; pods/,
  );
  app.stdin.write('lll');
  const pods = await waitForFrame(app.lastFrame, (text) => /Ready\s+ticker\s+demo/.test(text), 10_000);
  assert.match(pods, /crictl: not installed.*ctr -n k8s\.io/);
  app.stdin.write('v');
  const containers = await waitForFrame(app.lastFrame, (text) => text.includes('CONTAINER'));
  assert.match(containers, /Running\s+ticker\s+\d+\s+-\s+\S+\s+demo\/ticker/);
  assert.match(containers, /Exited\s+app\s+\d+\s+1\s+\S+\s+demo\/crashloop/);
  app.stdin.write('vv');
  await waitForFrame(app.lastFrame, (text) => text.includes('ctr -n k8s.io pods'));
  const row = (app.lastFrame() ?? '')
    .split('\n')
    .filter((line) => /^[0-9a-f]{13}\s/.test(line))
    .findIndex((line) => /\bticker\s+demo\b/.test(line));
  assert.ok(row >= 0);
  app.stdin.write('j'.repeat(row));
  app.stdin.write('\r');
  const detail = await waitForFrame(app.lastFrame, (text) => /^\s+tick \d+$/m.test(text), 10_000);
  assert.match(detail, /demo\/ticker\s+sandbox [0-9a-f]{64}/);
  assert.match(detail, /containerd-shim pid \d+/);
  assert.match(detail, /\/var\/log\/pods\/demo_ticker_/);
});
