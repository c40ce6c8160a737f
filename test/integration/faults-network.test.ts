import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ProxyMode} from '../faults/tcp-proxy.js';
import {eventually} from './local-cluster.js';
import {
  applyPods,
  assertMatchesKubectl,
  deletePods,
  ensureNamespace,
  FAST_TICKER_SCRIPT,
  followLog,
  kviewTerminal,
  NAMESPACE,
  podManifest,
  podsRunning,
  report,
  startRig,
  timeToRecover,
} from './fault-harness.js';

// The network faults besides the freeze, each under a pods view in tmux and a followed log (20 lines/s), both
// through the fault proxy: while the fault lasts a pod is deleted and one created; afterwards the rows equal
// kubectl's and the log has every line once, equal to kubectl logs. Times are measured and printed.
const NOT_LIVE = /● (?:stale since \d\d:\d\d:\d\d, reconnecting|disconnected: [^\n]*)/;

interface Drill {
  fault: ProxyMode;
  faultMs: number;
  // What the status line must say within 15 s of the fault; undefined: nothing is required.
  notice?: RegExp;
  // A slow link is no fault: the view must stay live all along.
  staysLive?: boolean;
}

async function drill(
  name: string,
  {fault, faultMs, notice, staysLive = false}: Drill,
): Promise<Record<string, number | string>> {
  ensureNamespace();
  const suffix = `${process.pid}-${name}`;
  const ticker = `ticker-${suffix}`;
  const victim = `victim-${suffix}`;
  const newcomer = `newcomer-${suffix}`;
  applyPods(podManifest(ticker, FAST_TICKER_SCRIPT), podManifest(victim, 'sleep 3600'));
  const rig = await startRig();
  const terminal = kviewTerminal(rig, ['-n', NAMESPACE]);
  const log = followLog(rig, ticker);
  try {
    await podsRunning(ticker, victim);
    await eventually('the live table', () => {
      const screen = terminal.screen();
      return /● live\s+\d+ pods/.test(screen) && screen.includes(victim) ? true : undefined;
    });
    await eventually('ticks followed', () => (log.ticks().length >= 20 ? true : undefined), 30_000);

    rig.proxy.setMode(fault);
    const faultAt = Date.now();
    deletePods(victim);
    applyPods(podManifest(newcomer, 'sleep 3600'));
    let noticeMs = -1;
    let goneMs = -1;
    let sawNotLive = '';
    await eventually(
      `${faultMs} ms of ${name}`,
      () => {
        const screen = terminal.screen();
        if (noticeMs < 0 && notice?.test(screen)) noticeMs = Date.now() - faultAt;
        if (!sawNotLive) sawNotLive = NOT_LIVE.exec(screen)?.[0] ?? '';
        if (goneMs < 0 && /● live/.test(screen) && !screen.includes(victim)) goneMs = Date.now() - faultAt;
        return Date.now() - faultAt >= faultMs ? true : undefined;
      },
      faultMs + 10_000,
    );
    rig.proxy.setMode({kind: 'pass'});
    const {recoverMs, logRecoverMs} = await timeToRecover(terminal, log, {
      gone: victim,
      come: newcomer,
      logTicks: 5,
      withinMs: 20_000,
    });
    const {ticks, missing, repeated} = assertMatchesKubectl(
      terminal,
      log,
      ticker,
      (entry) => entry.includes(`-${process.pid}`) || /^[a-z]+-\d+$/.test(entry),
    );
    const reconnecting = log.statuses.filter((status) => status.phase === 'reconnecting');
    const reconnects = reconnecting.length;
    const reasons = [...new Set(reconnecting.map((status) => status.message.replace(/\d+/g, 'N')))].join(' | ');
    const numbers = {
      faultMs,
      noticeMs,
      notLiveShown: JSON.stringify(sawNotLive.slice(0, 60)),
      deletedGoneMs: goneMs,
      recoverMs,
      logRecoverMs,
      ticks: ticks.length,
    };
    report(name, {...numbers, logReconnects: reconnects, lost: missing.length, repeated: repeated.length, reasons});
    if (notice) assert.ok(noticeMs >= 0 && noticeMs < 15_000, `noticed after ${noticeMs} ms`);
    if (staysLive) assert.equal(sawNotLive, '', 'a slow link is not shown as a dead one');
    assert.ok(recoverMs < 10_000, `live again ${recoverMs} ms after the path was restored`);
    assert.ok(logRecoverMs < 10_000, `the log moved on ${logRecoverMs} ms after the path was restored`);
    return {...numbers, logReconnects: reconnects};
  } finally {
    log.stop();
    terminal.close();
    deletePods(ticker, victim, newcomer);
    await rig.close();
  }
}

test('reset: every connection, open and new, gets RST for 5 s; the view says so and recovers', async () => {
  await drill('reset', {fault: {kind: 'reset'}, faultMs: 5000, notice: NOT_LIVE});
});

test('close after N bytes: every connection is cut after 8 KB for 30 s; the log resumes each time, whole', async () => {
  const numbers = await drill('close-after-8kb', {
    fault: {kind: 'closeAfter', bytes: 8192},
    faultMs: 30_000,
  });
  assert.ok(Number(numbers.logReconnects) >= 3, `the log stream was cut and resumed ${numbers.logReconnects} times`);
});

test('slow link (64 kbit/s, 300 ms RTT) for 40 s: live all along, changes shown, the log whole', async () => {
  const numbers = await drill('slow-64kbit-300ms', {fault: {kind: 'slow'}, faultMs: 40_000, staysLive: true});
  assert.ok(Number(numbers.deletedGoneMs) >= 0, 'the pod deleted on the slow link left the screen while still slow');
});
