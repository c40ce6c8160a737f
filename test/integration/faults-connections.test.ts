import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {eventually} from './local-cluster.js';
import {
  applyPods,
  deletePods,
  ensureNamespace,
  kviewTerminal,
  NAMESPACE,
  podManifest,
  podsRunning,
  report,
  startRig,
  TICKER_SCRIPT,
} from './fault-harness.js';

// One keep-alive agent per context: a minute of real use (pods, describe, YAML, logs, events, nodes, round and
// round) through the fault proxy, which counts every TCP connection and so every TLS handshake. A connection is
// new only when a long-lived stream (a view's watch, a followed log) is closed by leaving its view, which HTTP/1.1
// can only do by closing its connection; one-shot requests ride on the idle ones.
const SESSION_MS = Number(process.env.KVIEW_SESSION_MS ?? 60_000);
const ROUNDS = 3;

interface Traced {
  connection: string;
  method: string;
  path: string;
  kind: string;
}

test('a 60 s session across pods, describe, YAML, logs and events needs a handful of connections, not one per request', async (context) => {
  ensureNamespace();
  const ticker = `ticker-${process.pid}`;
  applyPods(podManifest(ticker, TICKER_SCRIPT));
  await podsRunning(ticker);
  const rig = await startRig();
  const traceFile = join(mkdtempSync(join(tmpdir(), 'kview-trace-')), 'requests.log');
  const terminal = kviewTerminal(rig, ['-n', NAMESPACE], {columns: 160, rows: 30}, {KVIEW_TRACE_REQUESTS: traceFile});
  context.after(async () => {
    terminal.close();
    deletePods(ticker);
    rmSync(dirname(traceFile), {recursive: true, force: true});
    await rig.close();
  });
  const live = () => /● live\s+\d+ pods/.test(terminal.screen()) && terminal.screen().includes(ticker);
  await eventually('the live pods view', () => (live() ? true : undefined));
  const started = Date.now();
  const back = async () => {
    terminal.sendKeys('Escape');
    await eventually('the pods view again', () => (live() ? true : undefined));
  };
  for (let round = 0; round < ROUNDS; round++) {
    terminal.sendKeys('d');
    await eventually('describe', () => (/Containers:/.test(terminal.screen()) ? true : undefined));
    await back();
    terminal.sendKeys('y');
    await eventually('YAML', () => (/apiVersion: v1/.test(terminal.screen()) ? true : undefined));
    await back();
    terminal.sendKeys('l');
    await eventually('log lines', () => (/tick \d+/.test(terminal.screen()) ? true : undefined));
    await back();
    terminal.sendKeys(':events', 'Enter');
    await eventually('events', () => (/LAST SEEN/.test(terminal.screen()) ? true : undefined));
    terminal.sendKeys(':nodes', 'Enter');
    await eventually('nodes', () => (/● live\s+\d+ nodes/.test(terminal.screen()) ? true : undefined));
    terminal.sendKeys(`:pods ${NAMESPACE}`, 'Enter');
    await eventually('pods', () => (live() ? true : undefined));
  }
  // The rest of the minute in a followed log, as an operator would sit in one.
  terminal.sendKeys('l');
  await eventually('log lines', () => (/tick \d+/.test(terminal.screen()) ? true : undefined));
  await eventually(
    'the end of the session',
    () => (Date.now() - started >= SESSION_MS ? true : undefined),
    SESSION_MS + 5000,
  );

  const traced: Traced[] = readFileSync(traceFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [, connection = '', method = '', path = '', kind = ''] = line.split(' ');
      return {connection, method, path, kind};
    });
  const connections = rig.proxy.connectionsAccepted;
  const opened = traced.filter((entry) => entry.connection === 'new').length;
  const streams = traced.filter((entry) => entry.kind === 'stream').length;
  const requests = traced.length;
  report('connections', {
    sessionMs: Date.now() - started,
    views: ROUNDS * 7 + 1,
    requests,
    streams,
    probes: traced.filter((entry) => entry.kind === 'probe').length,
    connections,
  });
  assert.equal(opened, connections, 'every connection the proxy saw is one kview opened (the trace agrees)');
  // A stream left behind (its view closed) costs its connection, HTTP/1.1 has no other way to stop it; every
  // other request rides on an idle connection, at most ONE_SHOT_CONCURRENCY of them at once.
  assert.ok(connections <= streams + 8, `${connections} connections for ${streams} streams`);
  assert.ok(requests >= 4 * connections, `${requests} requests over ${connections} connections`);
});
