import type {BareClient} from './bare-client.js';
import {openKview, rssOf, settledKey, timedKey, untilListed} from './kview-session.js';
import type {PtySession} from './pty-session.js';
import {NODES, NAMESPACES, podName, writeStatus} from './seed-pods.js';
import {pause, percentile} from './stats.js';

const MOVES = 200;

export interface SessionFigures {
  startToFull: number[];
  memory: {rss: number; peak: number};
  moves: number[];
  moveBytes: number[];
  filterKeys: number[];
  sorts: number[];
  nodesPodsMs: number;
}

// kview started `runs` times on the whole list; the last session is also driven: moves, a filter typed key by
// key, sorts, then the nodes view until its PODS column is counted.
export async function measureSession(kubeconfig: string, total: number, runs: number): Promise<SessionFigures> {
  const startToFull: number[] = [];
  for (let run = 0; run < runs; run++) {
    const session = openKview(kubeconfig, ['-A']);
    try {
      startToFull.push((await untilListed(session, total)) - session.startedAt);
      if (run < runs - 1) continue;
      await pause(1000);
      const moves: number[] = [];
      const moveBytes: number[] = [];
      for (let move = 0; move < MOVES; move++) {
        const {latency, bytes} = await timedKey(session, 'j');
        moves.push(latency);
        moveBytes.push(bytes);
      }
      await settledKey(session, '/');
      const filterKeys: number[] = [];
      for (const character of 'load-00012') filterKeys.push(await settledKey(session, character));
      await settledKey(session, '\r');
      await settledKey(session, '\u001B');
      const sorts: number[] = [];
      for (const key of ['A', 'A', 'N', 'N', 'S', 'S']) sorts.push(await settledKey(session, key));
      const memory = rssOf(session);
      const nodesPodsMs = await nodesPodsFilled(session, Math.floor(total / NODES.length));
      return {
        startToFull,
        memory: {...memory, peak: rssOf(session).peak},
        moves,
        moveBytes,
        filterKeys,
        sorts,
        nodesPodsMs,
      };
    } finally {
      session.stop();
    }
  }
  throw new Error('no runs');
}

// From Enter on `:no` to the first frame in which a node's row shows its counted pods.
async function nodesPodsFilled(session: PtySession, perNode: number): Promise<number> {
  await settledKey(session, ':');
  session.write('no');
  await pause(300);
  const before = session.chunks.length;
  const sentAt = performance.now();
  session.write('\r');
  const counted = new RegExp(`bench-node-\\d\\d[^\\n]*\\b${perNode}\\b`);
  return (await session.waitFor(counted, before, 60_000)) - sentAt;
}

export interface ChurnFigures {
  updatesPerSecond: number;
  seconds: number;
  frames: number[];
  markers: number[];
}

// 200 pod status updates a second (RESTARTS changes) on random pods for 60 s while keys move the cursor every
// 250 ms (each key's frame timed); every 5 s the first row's pod gets a marker restart count, timed until it is
// on screen: a backlog kview cannot work off shows as marker times that grow.
export async function measureChurn(kubeconfig: string, client: BareClient, total: number): Promise<ChurnFigures> {
  const seconds = Number(process.env.KVIEW_BENCH_CHURN_SECONDS ?? 60);
  const session = openKview(kubeconfig, ['-A']);
  console.log(`churn: 200 updates/s for ${seconds} s`);
  try {
    await untilListed(session, total);
    await pause(1000);
    let sent = 0;
    let failed = 0;
    let running = true;
    const started = performance.now();
    const updates = (async () => {
      for (let tick = 0; running; tick++) {
        for (let update = 0; update < 20; update++) {
          const index = 1 + Math.floor(Math.random() * (total - 1));
          sent++;
          writeStatus(client, index, 1 + (tick % 7)).catch(() => failed++);
        }
        await pause(Math.max(0, started + (tick + 1) * 100 - performance.now()));
      }
    })();
    const frames: number[] = [];
    // A key kview does not answer within 30 s is counted as 30 s (the bench goes on).
    const keys = (async () => {
      for (let key = 0; running; key++) {
        frames.push(
          await timedKey(session, key % 2 === 0 ? 'j' : 'k', 30_000).then(
            (timed) => timed.latency,
            () => 30_000,
          ),
        );
        await pause(210);
      }
    })();
    const markers: number[] = [];
    try {
      for (let marker = 1; performance.now() - started < seconds * 1000; marker++) {
        await pause(5000);
        const restarts = 500 + marker;
        const before = session.chunks.length;
        const sentAt = performance.now();
        await writeStatus(client, 0, restarts);
        // Two containers: RESTARTS is the sum of both.
        const shown = new RegExp(`${podName(0)}[^\\n]*\\b${2 * restarts}\\b`);
        markers.push(
          await session.waitFor(shown, before, 60_000).then(
            (at) => at - sentAt,
            () => 60_000,
          ),
        );
      }
    } finally {
      running = false;
      await Promise.all([updates, keys]);
    }
    const elapsed = (performance.now() - started) / 1000;
    if (failed > 0) console.log(`churn: ${failed} of ${sent} updates failed`);
    return {updatesPerSecond: (sent - failed) / elapsed, seconds: elapsed, frames, markers};
  } finally {
    session.stop();
  }
}

export interface IdleFigures {
  oldRows: number;
  oldAge: string;
  oldBytesPerSecond: number;
  tickingRows: number;
  tickingBytesPerSecond: number;
}

// Bytes a quiet view writes: 50 rows whose pods were seeded long ago (their AGE changes once a minute or less),
// and 40 pods under two minutes old (AGE in seconds, every row changes every second).
export async function measureIdle(kubeconfig: string, client: BareClient): Promise<IdleFigures> {
  const seconds = Number(process.env.KVIEW_BENCH_IDLE_SECONDS ?? 60);
  console.log(`idle: ${seconds} s of old rows, then ${seconds} s of 40 young ones`);
  const old = await idleBytes(kubeconfig, ['-n', NAMESPACES[0] ?? 'bench-00'], 1, seconds, {columns: 200, rows: 60});
  const young = 'bench-young';
  await client
    .request('POST', '/api/v1/namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: young}})
    .catch(() => undefined);
  await client
    .request('POST', `/api/v1/namespaces/${young}/serviceaccounts`, {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: {name: 'default'},
    })
    .catch(() => undefined);
  await client.request('DELETE', `/api/v1/namespaces/${young}/pods?gracePeriodSeconds=0`);
  try {
    for (let index = 0; index < 40; index++) {
      await client.request('POST', `/api/v1/namespaces/${young}/pods`, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {name: `young-${String(index).padStart(2, '0')}`},
        spec: {
          nodeName: NODES[0],
          automountServiceAccountToken: false,
          containers: [{name: 'app', image: 'registry.example.com/shop/app:1.24.3'}],
        },
      });
    }
    const ticking = await idleBytes(kubeconfig, ['-n', young], 40, seconds, {columns: 200, rows: 50});
    return {
      oldRows: old.rows,
      oldAge: old.age,
      oldBytesPerSecond: old.bytesPerSecond,
      tickingRows: ticking.rows,
      tickingBytesPerSecond: ticking.bytesPerSecond,
    };
  } finally {
    await client.request('DELETE', `/api/v1/namespaces/${young}/pods?gracePeriodSeconds=0`).catch(() => undefined);
  }
}

async function idleBytes(
  kubeconfig: string,
  args: string[],
  total: number,
  seconds: number,
  size: {columns: number; rows: number},
): Promise<{rows: number; age: string; bytesPerSecond: number}> {
  const session = openKview(kubeconfig, args, size);
  try {
    await untilListed(session, total);
    await pause(3000);
    const from = session.chunks.length;
    await pause(seconds * 1000);
    const bytesPerSecond = session.bytesSince(from) / seconds;
    // The screen itself: how many pod rows it shows, and how old they are.
    const podRows = session.screen().filter((line) => /\b(load|young)-\d+/.test(line));
    const age = /(\S+)\s*$/.exec(podRows[0] ?? '')?.[1] ?? '?';
    return {rows: podRows.length, age, bytesPerSecond};
  } finally {
    session.stop();
  }
}

export {percentile};
