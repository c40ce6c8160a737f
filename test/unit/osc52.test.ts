import {test} from 'node:test';
import assert from 'node:assert/strict';
import {clipboardTerminalFromEnvironment, copyStatusLine, osc52Copy} from '../../src/resources/osc52.js';
import type {ClipboardTerminal} from '../../src/resources/osc52.js';

const xterm: ClipboardTerminal = {term: 'xterm-256color', inTmux: false, inScreen: false};

test('OSC 52 is ESC ] 52 ; c ; base64 BEL with the UTF-8 bytes of the text', () => {
  const copy = osc52Copy('web-1 ✓', xterm);
  assert.equal(copy.sequence, `\u001b]52;c;${Buffer.from('web-1 ✓').toString('base64')}\u0007`);
  assert.equal(copy.sequence, '\u001b]52;c;d2ViLTEg4pyT\u0007');
  assert.deepEqual(
    {bytes: copy.copiedBytes, total: copy.totalBytes, truncated: copy.truncated},
    {bytes: 9, total: 9, truncated: false},
  );
  assert.equal(
    copyStatusLine('pod name web-1', copy),
    "copied pod name web-1 (9 bytes) to the terminal's clipboard (OSC 52)",
  );
});

test('a text over the cap is cut on a character boundary and the status line says so', () => {
  // 8 base64 characters carry 6 bytes; "ab✓✓" is 8 bytes, and the second ✓ (bytes 5-7) cannot be cut in two.
  const copy = osc52Copy('ab✓✓', xterm, 8);
  assert.equal(copy.truncated, true);
  assert.equal(copy.copiedBytes, 5);
  assert.equal(Buffer.from(copy.sequence.slice(7, -1), 'base64').toString('utf8'), 'ab✓');
  assert.match(
    copyStatusLine('12 lines', copy),
    /\(5 of 8 bytes: truncated at the OSC 52 limit of 100000 base64 characters\)/,
  );
  // The real cap: 100,000 base64 characters at most, whatever the size of the text.
  const big = osc52Copy('x'.repeat(200_000), xterm);
  assert.ok(big.sequence.length - '\u001b]52;c;\u0007'.length <= 100_000);
  assert.equal(big.copiedBytes, 75_000);
});

test('inside tmux: plain with set-clipboard on, DCS passthrough with ESC doubled only when needed, a note otherwise', () => {
  const plain = '\u001b]52;c;eA==\u0007';
  const on = osc52Copy('x', {
    term: 'screen',
    inTmux: true,
    inScreen: false,
    tmuxSetClipboard: 'on',
    tmuxPassthrough: 'on',
  });
  assert.equal(on.sequence, plain);
  assert.equal(on.note, undefined);
  const passthrough = osc52Copy('x', {
    term: 'screen',
    inTmux: true,
    inScreen: false,
    tmuxSetClipboard: 'external',
    tmuxPassthrough: 'on',
  });
  assert.equal(passthrough.sequence, '\u001bPtmux;\u001b\u001b]52;c;eA==\u0007\u001b\\');
  const external = osc52Copy('x', {
    term: 'screen',
    inTmux: true,
    inScreen: false,
    tmuxSetClipboard: 'external',
    tmuxPassthrough: 'off',
  });
  assert.equal(external.sequence, plain);
  assert.match(
    copyStatusLine('pod name x', external),
    /tmux \(set-clipboard is external\) may drop it: tmux set -g set-clipboard on$/,
  );
  const unknown = osc52Copy('x', {term: 'screen', inTmux: true, inScreen: false});
  assert.match(unknown.note ?? '', /set-clipboard unknown/);
});

test('GNU screen gets a DCS string with a note; the Linux console and TERM=dumb get nothing written', () => {
  const screen = osc52Copy('x', {term: 'screen', inTmux: false, inScreen: true});
  assert.equal(screen.sequence, '\u001bP\u001b]52;c;eA==\u0007\u001b\\');
  assert.match(screen.note ?? '', /GNU screen/);
  for (const term of ['linux', 'dumb']) {
    const refused = osc52Copy('x', {term, inTmux: false, inScreen: false});
    assert.equal(refused.sequence, '');
    assert.equal(refused.written, false);
    assert.match(copyStatusLine('pod name x', refused), new RegExp(`^pod name x not copied: .*TERM=${term}`));
  }
});

test('the terminal is read from TERM, TMUX and STY', () => {
  assert.deepEqual(clipboardTerminalFromEnvironment({TERM: 'xterm', TMUX: '/tmp/tmux-0/default,1,0', STY: '1.pts'}), {
    term: 'xterm',
    inTmux: true,
    inScreen: false,
  });
  assert.deepEqual(clipboardTerminalFromEnvironment({TERM: 'screen', STY: '1.pts'}), {
    term: 'screen',
    inTmux: false,
    inScreen: true,
  });
});
