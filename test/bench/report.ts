import {readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import type {LogFigures} from './log-figures.js';
import type {ChurnFigures, IdleFigures, SessionFigures} from './measure-kview.js';
import {median, percentile} from './stats.js';

export interface SizeResult extends SessionFigures {
  pods: number;
  seeding?: {created: number; seconds: number};
  kviewMs: number;
  kubectlMs: number;
  floorMs: number;
  churn?: ChurnFigures;
  idle?: IdleFigures;
}

interface Row {
  measure: string;
  cell: (result: SizeResult) => string | undefined;
  target?: string;
  // Judged on the largest size measured.
  met?: (result: SizeResult) => boolean | undefined;
}

const ms = (value: number) =>
  Number.isFinite(value) ? `${value < 100 ? value.toFixed(1) : value.toFixed(0)} ms` : 'n/a';
const ratio = (value: number) => `${value.toFixed(2)}x`;
const thousands = (value: number) => value.toLocaleString('en-US');
const third = (values: readonly number[], which: 0 | 2) =>
  median(
    values.slice(
      which === 0 ? 0 : Math.floor((2 * values.length) / 3),
      which === 0 ? Math.ceil(values.length / 3) : undefined,
    ),
  );

const ROWS: Row[] = [
  {measure: 'pods listed', cell: (r) => thousands(r.pods)},
  {
    measure: 'seeding (once; later runs reuse the pods)',
    cell: (r) =>
      r.seeding
        ? `${thousands(r.seeding.created)} in ${r.seeding.seconds.toFixed(0)} s (${(r.seeding.created / r.seeding.seconds).toFixed(0)}/s)`
        : 'reused',
  },
  {measure: 'kview: start -> all rows listed (median of 3)', cell: (r) => ms(r.kviewMs)},
  {measure: '`kubectl get pods -A -o wide` to exit (median of 3)', cell: (r) => ms(r.kubectlMs)},
  {measure: 'floor: the same Table LIST, bare client (median of 3)', cell: (r) => ms(r.floorMs)},
  {
    measure: 'kview / kubectl',
    cell: (r) => ratio(r.kviewMs / r.kubectlMs),
    target: '<= 0.3x',
    met: (r) => r.kviewMs / r.kubectlMs <= 0.3,
  },
  {
    measure: 'kview / floor',
    cell: (r) => ratio(r.kviewMs / r.floorMs),
    target: '<= 1.5x',
    met: (r) => r.kviewMs / r.floorMs <= 1.5,
  },
  {
    measure: 'kview RSS after the keys / peak',
    cell: (r) => `${r.memory.rss.toFixed(0)} / ${r.memory.peak.toFixed(0)} MB`,
    target: 'peak <= 400 MB',
    met: (r) => r.memory.peak <= 400,
  },
  {
    measure: 'move (j) -> frame, p50 / p99 of 200',
    cell: (r) => `${ms(percentile(r.moves, 50))} / ${ms(percentile(r.moves, 99))}`,
    target: 'p99 < 16 ms',
    met: (r) => percentile(r.moves, 99) < 16,
  },
  {
    measure: 'bytes per move (200x50, scrolling included), median / p99 / max',
    cell: (r) => `${median(r.moveBytes)} / ${percentile(r.moveBytes, 99)} / ${Math.max(...r.moveBytes)} B`,
    target: 'p99 <= 1 KB',
    met: (r) => percentile(r.moveBytes, 99) <= 1024,
  },
  {
    measure: '`/` filter keystroke -> last frame, p50 / p99 of 10',
    cell: (r) => `${ms(percentile(r.filterKeys, 50))} / ${ms(percentile(r.filterKeys, 99))}`,
    target: 'p99 < 50 ms',
    met: (r) => percentile(r.filterKeys, 99) < 50,
  },
  {
    measure: 'sort (A, N, S, each twice) -> last frame, median / max',
    cell: (r) => `${ms(median(r.sorts))} / ${ms(Math.max(...r.sorts))}`,
    target: 'max < 100 ms',
    met: (r) => Math.max(...r.sorts) < 100,
  },
  {
    measure: 'nodes view: Enter on `:no` -> PODS counted',
    cell: (r) => ms(r.nodesPodsMs),
    target: '< 3 s',
    met: (r) => r.nodesPodsMs < 3000,
  },
  {
    measure: 'churn: pod updates/s applied to the server',
    cell: (r) => r.churn && `${r.churn.updatesPerSecond.toFixed(0)}/s for ${r.churn.seconds.toFixed(0)} s`,
  },
  {
    measure: 'churn: key -> frame p50 / p99',
    cell: (r) => r.churn && `${ms(percentile(r.churn.frames, 50))} / ${ms(percentile(r.churn.frames, 99))}`,
    target: 'p99 < 33 ms',
    met: (r) => r.churn && percentile(r.churn.frames, 99) < 33,
  },
  {
    measure: 'churn backlog: an update -> on screen, first / last third median, max',
    cell: (r) =>
      r.churn &&
      `${ms(third(r.churn.markers, 0))} / ${ms(third(r.churn.markers, 2))}, ${ms(Math.max(...r.churn.markers))}`,
    target: 'not growing (last <= first + 500 ms)',
    met: (r) => r.churn && third(r.churn.markers, 2) <= third(r.churn.markers, 0) + 500,
  },
  {
    measure: 'idle output, rows seeded earlier (AGE of the first)',
    cell: (r) => r.idle && `${r.idle.oldBytesPerSecond.toFixed(1)} B/s (${r.idle.oldRows} rows, ${r.idle.oldAge})`,
    target: '<= 100 B/s',
    met: (r) => r.idle && r.idle.oldBytesPerSecond <= 100,
  },
  {
    measure: 'idle output, 40 rows whose AGE ticks every second',
    cell: (r) => r.idle && `${r.idle.tickingBytesPerSecond.toFixed(0)} B/s (${r.idle.tickingRows} rows)`,
    target: '<= 600 B/s',
    met: (r) => r.idle && r.idle.tickingBytesPerSecond <= 600,
  },
];

const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? 'met' : 'NOT MET');

export function printReport(results: SizeResult[], logs: LogFigures | undefined): string {
  const largest = results.at(-1);
  const header = [
    'measure',
    ...results.map((r) => `${thousands(r.pods)} pods`),
    'target',
    `at ${largest ? thousands(largest.pods) : '?'}`,
  ];
  const lines = [header, header.map(() => '---')];
  for (const row of ROWS) {
    const cells = results.map((r) => row.cell(r) ?? '');
    if (cells.every((cell) => cell === '')) continue;
    lines.push([row.measure, ...cells, row.target ?? '', largest && row.met ? verdict(row.met(largest)) : '']);
  }
  const blank = results.map(() => '');
  if (logs) {
    const logRows: Array<[string, string, string, boolean]> = [
      [
        `log: ${thousands(logs.total)} lines followed (\`seq\`), lost / duplicated`,
        `${logs.lost} / ${logs.duplicates} (${thousands(Math.round(logs.linesPerSecond))} lines/s)`,
        '0 lost',
        logs.lost === 0,
      ],
      [
        'log: peak RSS with the default buffer',
        `${logs.peakRssMiB.toFixed(0)} MiB (${thousands(logs.kept)} lines kept)`,
        '<= 200 MB',
        logs.peakRssMiB * 1.048576 <= 200,
      ],
    ];
    if (logs.workload) {
      logRows.push([
        `log: ${logs.workload.pods} pods x ${thousands(logs.workload.linesPerSecond)} lines/s, key -> frame p50 / p99`,
        `${ms(logs.workload.p50)} / ${ms(logs.workload.p99)}`,
        'p99 < 33 ms',
        logs.workload.p99 < 33,
      ]);
    }
    for (const [measure, value, target, met] of logRows) {
      lines.push([measure, ...blank.slice(0, -1), value, target, verdict(met)]);
    }
  }
  const table = lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  console.log(`\n${table}\n`);
  return table;
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

export function writeReadme(table: string): void {
  const readme = new URL('../../README.md', import.meta.url);
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw new Error(`README.md has no ${START} ... ${END} section`);
  const cpu = os.cpus();
  const machine =
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` on a ` +
    `${cpu.length}-core VM (${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `Linux ${os.release()}, Node ${process.version}), the bench's API server and other work sharing the same cores.`;
  writeFileSync(readme, `${text.slice(0, start + START.length)}\n${machine}\n\n${table}\n${text.slice(end)}`);
  console.log('README.md: the performance table rewritten');
}
