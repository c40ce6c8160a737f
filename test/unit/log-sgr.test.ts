import {test} from 'node:test';
import assert from 'node:assert/strict';
import {formatLogLine} from '../../src/resources/log-row-format.js';
import {compileFilter} from '../../src/resources/log-filter.js';
import {matchableText} from '../../src/resources/log-display-text.js';
import {applySgr, styledText} from '../../src/resources/log-sgr.js';

const ESC = '\u001b';

test("a program's colours become styled ranges of plain text; every other escape sequence is removed", () => {
  const styled = styledText(
    `${ESC}[1;31mERROR${ESC}[0m ${ESC}]0;pwned${ESC}\\db ${ESC}[2Jdown ${ESC}[38;5;208mslow${ESC}[39m` +
      ` ${ESC}[48;2;10;20;30mrgb${ESC}[m\tend`,
  );
  // The tab after "rgb" (column 22) reaches the next stop at 24, counted across the coloured pieces.
  assert.equal(styled.text, 'ERROR db down slow rgb  end');
  assert.deepEqual(styled.ranges, [
    {start: 0, end: 5, style: {bold: true, color: 'red'}},
    {start: 14, end: 18, style: {color: 'ansi256(208)'}},
    {start: 19, end: 22, style: {backgroundColor: 'rgb(10,20,30)'}},
  ]);
});

test('SGR parameters set and clear styles as ECMA-48 says', () => {
  assert.deepEqual(applySgr({}, '92;44;3;4;7'), {
    color: 'greenBright',
    backgroundColor: 'blue',
    italic: true,
    underline: true,
    inverse: true,
  });
  assert.deepEqual(applySgr({bold: true, dim: true, color: 'red', italic: true}, '22;39;23'), {});
  assert.deepEqual(applySgr({color: 'red'}, ''), {}, 'ESC[m resets');
  assert.deepEqual(applySgr({}, '38;5;999'), {}, 'a 256-colour index out of range is ignored');
  assert.deepEqual(applySgr({}, '38:2:1:2:3'), {color: 'rgb(1,2,3)'}, 'colon-separated parameters');
});

test("a coloured log line draws as segments with its colours, the filter's matches cut across them", () => {
  const line = {
    streamId: 'demo/web/app',
    timestamp: '',
    kind: 'line' as const,
    text: `${ESC}[31mERROR${ESC}[0m: db down`,
  };
  const compiled = compileFilter('OR: db');
  assert.ok(compiled.ok && compiled.filter);
  const [row] = formatLogLine(line, {timestamps: 'off', json: 'raw', prefix: 'none', filter: compiled.filter});
  assert.deepEqual(row?.segments, [
    {text: 'ERR', style: 'plain', sgr: {color: 'red'}},
    {text: 'OR', style: 'match', sgr: {color: 'red'}},
    {text: ': db', style: 'match'},
    {text: ' down', style: 'plain'},
  ]);
  // The index matches what the screen shows, not the bytes with the colour codes in between.
  assert.equal(matchableText(line.text), 'ERROR: db down');
});
