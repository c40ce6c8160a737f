import {test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {constants} from 'node:os';
import {eventually, kubeconfigPath} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// kview in a real terminal, ended by a signal sent from outside (kill, a supervisor, a dropped SSH session): the
// terminal must be back on the normal screen, with the cursor shown and the line discipline cooked again, and
// kview must end with 128 + the signal's number. A shell runs kview and then reports what it found, so the pane
// stays alive to be read. The cluster is only read.
const kview = new URL('../../bin/kview', import.meta.url).pathname;
const SHELL_AFTER =
  'echo "kview exited $?"; stty -a | tr " " "\\n" | grep -x -e -icanon -e icanon -e -echo -e echo; exec sleep 600';

for (const signal of ['SIGINT', 'SIGQUIT', 'SIGTERM', 'SIGHUP'] as const) {
  test(`kill -${signal.slice(3)} from outside restores the terminal and exits ${128 + constants.signals[signal]}`, async (context) => {
    const terminal = new TmuxTerminal(
      ['sh', '-c', `"$0" --kubeconfig "$1" -n demo; ${SHELL_AFTER}`, kview, kubeconfigPath],
      {columns: 120, rows: 30},
    );
    context.after(() => terminal.close());
    await eventually('kview live on the alternate screen', () =>
      terminal.screen().includes('● live') && terminal.format('#{alternate_on}') === '1' ? true : undefined,
    );
    assert.equal(terminal.format('#{cursor_flag}'), '0', 'kview hides the cursor while it runs');
    const shell = terminal.format('#{pane_pid}');
    const child = execFileSync('ps', ['-o', 'pid=', '--ppid', shell], {encoding: 'utf8'}).trim();
    assert.match(child, /^\d+$/, "kview runs as the shell's one child");
    process.kill(Number(child), signal);
    const screen = await eventually('the shell to report how kview ended', () => {
      const text = terminal.screen();
      return /kview exited \d+/.test(text) && /^-?echo$/m.test(text) ? text : undefined;
    });
    assert.match(screen, new RegExp(`kview exited ${128 + constants.signals[signal]}\\b`));
    assert.equal(terminal.format('#{alternate_on}'), '0', 'back on the normal screen');
    assert.equal(terminal.format('#{cursor_flag}'), '1', 'the cursor is shown');
    assert.match(screen, /^icanon$/m, 'canonical (line) mode is back');
    assert.match(screen, /^echo$/m, 'echo is back');
    assert.doesNotMatch(screen, /NAMESPACE\s+NAME|● live/, 'no frame is left on the normal screen');
  });
}
