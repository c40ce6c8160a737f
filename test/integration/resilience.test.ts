import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {createApiClient} from '../../src/cluster/api-client.js';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {collectionPath, POD_KIND} from '../../src/cluster/resource-kind.js';
import {startTableWatch} from '../../src/cluster/table-watch.js';
import {liveSink} from './table-oracle.js';
import {createSleeperPod, eventually, kubeconfigPath, kubectl, session} from './local-cluster.js';
import {pathWithout} from './controlled-path.js';
import {TmuxTerminal} from './tmux-terminal.js';

// These drills stop the shared local API server; they run in this one file so nothing else overlaps them.
const harness = new URL('../cluster/cluster.sh', import.meta.url).pathname;
const kview = new URL('../../bin/kview', import.meta.url).pathname;

function drill(command: 'stop-apiserver' | 'start-apiserver' | 'compact-etcd'): string {
  return execFileSync('bash', [harness, command], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}).trim();
}

test('the API server stopped and started again: the status line says so and the table recovers within 10 s', async (context) => {
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-A'], {columns: 160, rows: 30});
  context.after(() => {
    terminal.close();
    drill('start-apiserver');
  });
  await eventually('the live table', () => /● live\s+\d+ pods/.test(terminal.screen()));
  drill('stop-apiserver');
  const down = await eventually('the status line to say the server is away', () =>
    /disconnected: .*was refused/.test(terminal.screen()) ? terminal.screen() : undefined,
  );
  assert.match(down, /retrying in \d+s/);
  assert.match(down, /ticker/, 'the last rows stay on screen while the server is away');
  drill('start-apiserver');
  const readyAt = Date.now();
  await eventually('the live table again', () => /● live\s+\d+ pods/.test(terminal.screen()), 15_000);
  const recovery = Date.now() - readyAt;
  assert.ok(recovery < 10_000, `recovered ${recovery} ms after the API server was ready`);
});

// A client whose watch stream can be held and then ended as if the server had closed it normally: the way a
// long watch ends in production, leaving kview to re-watch from the last resourceVersion it saw.
function holdableClient(real: ApiClient) {
  let holding = false;
  let release: (() => void) | undefined;
  const client: ApiClient = {
    ...real,
    async stream(path, accept, onChunk, signal) {
      if (!holding) return real.stream(path, accept, onChunk, signal);
      // Swallow whatever this stream delivers or how it fails until released: the events are lost.
      await real.stream(path, accept, () => undefined, signal).catch(() => undefined);
      await new Promise<void>((resolve) => {
        release = resolve;
      });
    },
  };
  return {
    client,
    hold: () => {
      holding = true;
    },
    endNormally: () => {
      holding = false;
      release?.();
    },
  };
}

test('a watch resumed from a compacted resourceVersion gets 410 Gone and re-syncs without stale rows', async (context) => {
  const name = `gone-${process.pid}`;
  createSleeperPod(name);
  const real = createApiClient(session().connection.kubeConfig);
  const holdable = holdableClient(real);
  const live = liveSink();
  const {states} = live;
  const watch = startTableWatch(holdable.client, collectionPath(POD_KIND, 'demo'), live.sink, {
    retryDelaysMs: [200, 500],
  });
  context.after(() => {
    watch.stop();
    drill('start-apiserver');
    kubectl('-n', 'demo', 'delete', 'pod', name, '--ignore-not-found', '--wait=false');
  });
  const names = () => [...live.data().rows.values()].map((row) => row.object?.metadata?.name);
  await eventually('the new pod in the table', () => names().includes(name));

  // The watch is stalled; the pod is deleted and etcd compacted past what the client saw.
  holdable.hold();
  kubectl('-n', 'demo', 'delete', 'pod', name, '--grace-period=0', '--force', '--wait=true');
  drill('compact-etcd');
  // A restarted API server's watch cache starts after the compaction, so the old resourceVersion is gone there too.
  drill('stop-apiserver');
  drill('start-apiserver');
  holdable.endNormally();

  await eventually('a re-sync after 410 Gone', () => states.some((state) => state.phase === 'resyncing'));
  const resync = states.find((state) => state.phase === 'resyncing');
  assert.match(resync?.phase === 'resyncing' ? resync.reason : '', /too old|compacted|expired/i);
  await eventually('the deleted pod gone from the table', () => !names().includes(name));
  const expected = kubectl('get', 'pods', '-n', 'demo', '-o', 'jsonpath={.items[*].metadata.name}').split(' ').sort();
  assert.deepEqual(names().sort(), expected);
});

test("with the API server stopped, kview on a node opens node-only mode: runtime containers and a pod's log lines", async (context) => {
  drill('stop-apiserver');
  // crictl is kept off PATH, so the ctr fallback is what runs whether or not this host has crictl.
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-A'], {
    columns: 180,
    rows: 40,
    environment: {PATH: pathWithout(['crictl'])},
  });
  context.after(() => {
    terminal.close();
    drill('start-apiserver');
  });
  await eventually(
    'node-only mode',
    () => /node-only mode: the connection to the server .* was refused/.test(terminal.screen()),
    20_000,
  );
  terminal.sendKeys('l', 'l', 'l');
  await eventually(
    "the runtime's pods, read with ctr",
    () => /ctr/.test(terminal.screen()) && terminal.screen().includes('ticker'),
    20_000,
  );
  terminal.sendKeys('v');
  await eventually("the runtime's containers", () => terminal.screen().includes('containers'));
  terminal.sendKeys('v', 'v');
  await eventually('the pods again', () => terminal.screen().includes('ctr -n k8s.io pods'));
  // Walk down to the end, then up, until the ticker pod is selected; rows are told apart by their POD ID, since
  // their CREATED column ticks.
  const selectedId = () => terminal.selectedLine().trim().split(/\s+/)[0] ?? '';
  let direction: 'j' | 'k' = 'j';
  for (let step = 0; step < 80 && !terminal.selectedLine().includes('ticker'); step++) {
    const before = selectedId();
    terminal.sendKeys(direction);
    const moved = await eventually('the cursor to move', () => selectedId() !== before, 2000).then(
      () => true,
      () => false,
    );
    if (!moved && direction === 'k') break;
    if (!moved) direction = 'k';
  }
  assert.match(terminal.selectedLine(), /ticker/, terminal.screen());
  terminal.sendKeys('Enter');
  await eventually("the ticker pod's log lines from /var/log/pods", () => /tick \d+/.test(terminal.screen()), 20_000);
  // Its log file in the log reader, followed from the file while the API server is away.
  terminal.sendKeys('G');
  await eventually('a log line selected', () => /tick \d+/.test(terminal.selectedLine()));
  terminal.sendKeys('Enter');
  const newest = () => Math.max(-1, ...[...terminal.screen().matchAll(/tick (\d+)/g)].map((match) => Number(match[1])));
  await eventually(
    "the reader on the ticker's file",
    () => /Logs demo\/ticker \(ticker\)/.test(terminal.screen()) && newest() >= 0,
    10_000,
  );
  const first = newest();
  await eventually('newer ticks followed from the file', () => newest() > first, 10_000);
  assert.match(terminal.screen(), /tail -F \/var\/log\/pods\/demo_ticker_[^/]+\/ticker\/<latest restart>\.log/);
});
