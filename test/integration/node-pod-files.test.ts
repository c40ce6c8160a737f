import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {LogLine, StreamStatus} from '../../src/cluster/log-types.js';
import {createSystemNodeTools} from '../../src/node-tools/node-tools.js';
import {createPodFileLogSource} from '../../src/node-tools/pod-file-log-source.js';
import {listPodLogDirectories} from '../../src/node-tools/pod-log-files.js';
import {eventually, kubectl} from './local-cluster.js';

// The node pane's pod log reader on the real files the local cluster's kubelet writes under /var/log/pods, with
// kubectl logs (the kubelet serving the same file through the API) as the oracle.
const tools = createSystemNodeTools();

test("the ticker's log file read from /var/log/pods equals kubectl logs --timestamps, then follows new lines", async (context) => {
  const directory = (await listPodLogDirectories(tools.files, '/var/log/pods')).find(
    (entry) => entry.namespace === 'demo' && entry.pod === 'ticker',
  );
  assert.ok(directory, 'the ticker pod has a log directory');
  const source = createPodFileLogSource(tools.files, tools.now);
  const target = {
    kind: 'podFiles',
    node: 'localhost',
    namespace: 'demo',
    pod: 'ticker',
    directory: directory.path,
    containers: directory.containers.map((container) => container.name),
  } as const;
  const whole: LogLine[] = [];
  await new Promise<void>((resolve) => {
    source.open(
      target,
      {window: {kind: 'all'}, follow: false, previous: false, allContainers: false},
      {
        lines: (batch) => whole.push(...batch),
        status: (status: StreamStatus) => status.phase === 'ended' && resolve(),
      },
    );
  });
  assert.ok(whole.length > 0);
  // The ticker keeps writing: kubectl, asked afterwards, has these lines first and maybe a few more.
  const oracle = kubectl('logs', '-n', 'demo', 'ticker', '--timestamps')
    .split('\n')
    .filter(Boolean)
    .slice(0, whole.length);
  assert.deepEqual(
    whole.map((line) => `${line.timestamp} ${line.text}`),
    oracle,
  );

  const followed: LogLine[] = [];
  const stream = source.open(
    target,
    {window: {kind: 'tail', lines: 1}, follow: true, previous: false, allContainers: false},
    {lines: (batch) => followed.push(...batch), status: () => undefined},
  );
  context.after(() => stream.stop());
  const tick = (line: LogLine | undefined) => Number(/tick (\d+)/.exec(line?.text ?? '')?.[1] ?? -1);
  await eventually('the last line', () => followed.length === 1 || undefined);
  const first = tick(followed[0]);
  await eventually('two newer ticks followed from the file', () => followed.length >= 3 || undefined, 10_000);
  assert.deepEqual(followed.slice(0, 3).map(tick), [first, first + 1, first + 2], 'consecutive, none lost');
});
