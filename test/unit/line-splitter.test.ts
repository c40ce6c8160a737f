import {test} from 'node:test';
import assert from 'node:assert/strict';
import {splitLines} from '../../src/cluster/line-splitter.js';

test('lines cut across chunks are joined, and the partial tail waits', () => {
  const splitter = splitLines();
  assert.deepEqual(splitter.push(Buffer.from('{"a":1}\n{"b"')), ['{"a":1}']);
  assert.deepEqual(splitter.push(Buffer.from(':2}\n')), ['{"b":2}']);
  assert.deepEqual(splitter.flush(), []);
});

test('a multi-byte character split between chunks is not garbled', () => {
  const bytes = Buffer.from('한글\n');
  const splitter = splitLines();
  assert.deepEqual(splitter.push(bytes.subarray(0, 2)), []);
  assert.deepEqual(splitter.push(bytes.subarray(2)), ['한글']);
});

test('flush returns an unterminated last line', () => {
  const splitter = splitLines();
  splitter.push(Buffer.from('tail without newline'));
  assert.deepEqual(splitter.flush(), ['tail without newline']);
});
