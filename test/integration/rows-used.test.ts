import {test} from 'node:test';
import assert from 'node:assert/strict';
import {eventually, kubeconfigPath} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// Every view fills the terminal: its hint bar is the last row kview draws, whatever the size (a log view at 160x20
// drew it on row 16 and left rows 17-20 empty). kview's frame is one row shorter than the terminal (Ink redraws
// the whole screen for a frame as tall as the terminal), so that row is the terminal's second to last.
const kview = new URL('../../bin/kview', import.meta.url).pathname;
const SIZES = [
  {columns: 80, rows: 24},
  {columns: 160, rows: 20},
  {columns: 40, rows: 10},
];
const HINT_BAR = /<q> quit|<\?> help/;

// The view, how to open it from the pods of demo with the ticker pod selected, and a line it shows when drawn.
const VIEWS: Array<{name: string; keys: string[][]; shown: RegExp}> = [
  {name: 'pods', keys: [], shown: /ticker/},
  {name: 'nodes', keys: [[':no', 'Enter']], shown: /localhost/},
  {name: 'events', keys: [[':ev', 'Enter']], shown: /LAST SEEN|No events|events/},
  {name: 'describe', keys: [['d']], shown: /Name:\s+ticker/},
  {name: 'logs', keys: [['l']], shown: /follow|tail/},
  {name: 'node pane', keys: [['n']], shown: /kubelet|Kubelet/},
  {name: 'help', keys: [['?']], shown: /quit/},
];

for (const size of SIZES) {
  test(`at ${size.columns}x${size.rows} the hint bar is the last row of every view`, async (context) => {
    const problems: string[] = [];
    for (const view of VIEWS) {
      const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-n', 'demo'], {
        columns: size.columns,
        rows: size.rows,
      });
      // Closed at the end: closing tmux's last session ends its server under the next one being made.
      context.after(() => terminal.close());
      // At 40x10 the ticker pod may be below the window: the list is waited for, then filtered to it.
      await eventually('the pods of demo', () => /● live/.test(terminal.screen()), 30_000);
      // The ticker pod selected: a filter keeps it alone.
      terminal.sendKeys('/', 'ticker', 'Enter');
      await eventually('the filter', () => /1\/\d+ pods/.test(terminal.screen().replace(/\n/g, ' ')), 15_000);
      for (const keys of view.keys) terminal.sendKeys(...keys);
      let rows: string[] = [];
      await eventually(
        `${view.name} drawn`,
        () => {
          rows = terminal.screen().split('\n').slice(0, size.rows);
          return view.shown.test(rows.join('\n')) && HINT_BAR.test(rows.join('\n'));
        },
        20_000,
      );
      const last = rows[size.rows - 2] ?? '';
      if (!HINT_BAR.test(last)) {
        const hintRow = rows.findIndex((row) => HINT_BAR.test(row));
        problems.push(
          `${view.name}: hint bar on row ${hintRow + 1} of ${size.rows} (row ${size.rows - 1}: '${last.trim()}')`,
        );
      }
    }
    assert.deepEqual(problems, []);
  });
}
