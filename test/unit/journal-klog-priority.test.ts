import {test} from 'node:test';
import assert from 'node:assert/strict';
import {effectivePriority, parseJournalLine} from '../../src/node-tools/journal-entries.js';

// Lines as the real kubelet on systemd-node wrote them to its journal: stderr, so journald's PRIORITY is 6 (info).
const PLEG =
  'E1201 21:07:50.404044      65 kubelet.go:1826] skipping pod synchronization - [container runtime status check ' +
  'may not have completed yet, PLEG is not healthy: pleg has yet to be successful]';
const PERF = 'W1201 21:09:56.555537      65 manager.go:949] Error getting perf_event cgroup path';
const START = 'I1201 21:32:24.159606    6487 server.go:1176] Started kubelet';
const FATAL = 'F1201 21:29:25.157386    5392 server.go:156] unknown flag: --kview-no-such-flag';

test("klog's header gives a kubelet line its severity when journald stored it at info", () => {
  assert.equal(effectivePriority(6, PLEG), 3);
  assert.equal(effectivePriority(6, PERF), 4);
  assert.equal(effectivePriority(6, START), 6);
  assert.equal(effectivePriority(6, FATAL), 2);
});

test('a priority journald already knows is never lowered, and text that only looks like klog is left alone', () => {
  assert.equal(effectivePriority(3, START), 3, 'logged at err with an I header stays err');
  assert.equal(effectivePriority(6, 'E is for error: not a klog header'), 6);
  assert.equal(effectivePriority(6, 'E1201 no time here'), 6);
});

test('parseJournalLine applies it to the real JSON entry', () => {
  const entry = parseJournalLine(
    JSON.stringify({
      __CURSOR: 's=1',
      __REALTIME_TIMESTAMP: '1796159270404044',
      PRIORITY: '6',
      _SYSTEMD_UNIT: 'kubelet.service',
      SYSLOG_IDENTIFIER: 'kubelet',
      MESSAGE: PLEG,
    }),
  );
  assert.equal(entry?.priority, 3);
});
