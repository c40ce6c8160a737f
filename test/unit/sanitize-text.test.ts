import {test} from 'node:test';
import assert from 'node:assert/strict';
import {sanitizeCell, sanitizeText} from '../../src/resources/sanitize-text.js';

test('plain text, including non-ASCII, passes unchanged', () => {
  assert.equal(sanitizeText('파드 재시작: ok ✓'), '파드 재시작: ok ✓');
});

test('cursor movement, screen clearing and colours are removed whole', () => {
  assert.equal(sanitizeText('a\u001b[2J\u001b[Hb\u001b[31mc\u001b[0m'), 'abc');
  assert.equal(sanitizeText('x\u001b[10;20Hy'), 'xy');
  assert.equal(sanitizeText('\u009b2Jz'), 'z');
});

test('OSC title and clipboard writes are removed up to their terminator', () => {
  assert.equal(sanitizeText('before\u001b]0;pwned title\u0007after'), 'beforeafter');
  assert.equal(sanitizeText('a\u001b]52;c;aGVsbG8=\u001b\\b'), 'ab');
  assert.equal(sanitizeText('dcs\u001bPq#0;2;0;0;0\u001b\\end'), 'dcsend');
});

test('an unterminated OSC string cannot swallow the terminal: it is dropped to the end', () => {
  assert.equal(sanitizeText('ok\u001b]0;never ends'), 'ok');
});

test('other control characters become visible replacements, keeping the length', () => {
  assert.equal(sanitizeText('a\rb\u0008c\u0000d'), 'a\ufffdb\ufffdc\ufffdd');
  assert.equal(sanitizeText('tab\tand\nnewline'), 'tab\tand\nnewline');
});

test('a table cell also loses tabs and newlines', () => {
  assert.equal(sanitizeCell('line one\nline\ttwo'), 'line one line two');
});
