import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readContainerDetail} from '../../src/node-tools/container-detail.js';
import {detectNode} from '../../src/node-tools/detect-node.js';
import {createSystemNodeTools} from '../../src/node-tools/node-tools.js';
import {readRuntime} from '../../src/node-tools/runtime-reader.js';
import {containerDetailLines} from '../../src/ui/node-pane/container-detail-lines.js';
import {pathWithout} from './controlled-path.js';
import {kubeconfigPath} from './local-cluster.js';

// Real binaries: the local cluster's containerd through the real `ctr -n k8s.io containers info` (crictl is not
// packaged here, so this is the fallback path), and the ticker's real log file under /var/log/pods.
// crictl is kept off PATH, so the ctr fallback is what runs whether or not this host has crictl.
const tools = createSystemNodeTools({...process.env, PATH: pathWithout(['crictl'])});
assert.ok(kubeconfigPath, 'the local cluster is up');

test('the demo/ticker container: inspect fields from ctr and its recent "tick N" lines', async () => {
  const identity = await detectNode(tools);
  assert.ok(identity);
  const runtime = await readRuntime(tools, identity);
  assert.equal(runtime.source, 'ctr');
  const ticker = runtime.containers.find(
    (container) => container.podNamespace === 'demo' && container.podName === 'ticker' && container.state === 'running',
  );
  assert.ok(ticker, 'a running ticker container');
  const detail = await readContainerDetail(tools, identity, runtime, ticker.id);
  assert.deepEqual(detail.problems, []);
  assert.match(detail.note ?? '', /crictl: not installed/);
  assert.equal(detail.inspect?.id, ticker.id);
  assert.equal(detail.inspect?.name, 'ticker');
  assert.equal(detail.inspect?.pod, 'demo/ticker');
  assert.equal(detail.inspect?.state, 'running');
  assert.ok(detail.inspect?.pid, 'the task pid');
  assert.match(detail.logSource, /^\/var\/log\/pods\/demo_ticker_[^/]+\/ticker\/\d+\.log$/);
  assert.ok(detail.logLines.length > 0 && detail.logLines.length <= 50);
  assert.ok(detail.logLines.every((entry) => /^tick \d+$/.test(entry.text)));
  const text = containerDetailLines(detail)
    .map((entry) => entry.text)
    .join('\n');
  assert.match(text, /state:\s+running/);
  assert.match(text, /pod:\s+demo\/ticker/);
  assert.match(text, /^ {2}tick \d+$/m);
});
