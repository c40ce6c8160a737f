import {test} from 'node:test';
import assert from 'node:assert/strict';
import {journalctlArgs} from '../../src/node-tools/journal-entries.js';
import {UnsafeArgumentError} from '../../src/node-tools/safe-argument.js';

test('field matches follow the options as journalctl match arguments, ANDed with the unit', () => {
  assert.deepEqual(
    journalctlArgs({
      units: ['kubelet.service'],
      lines: 500,
      since: '-1h',
      matches: ['MESSAGE_ID=5eb03494b6584870a536b337290809b3'],
    }),
    [
      '--no-pager',
      '--output=json',
      '--unit=kubelet.service',
      '--lines=500',
      '--since=-1h',
      'MESSAGE_ID=5eb03494b6584870a536b337290809b3',
    ],
  );
});

test('a match that is not FIELD=plain-value is refused before anything runs', () => {
  for (const match of ['--since=yesterday', 'MESSAGE=a b', 'message_id=x', 'MESSAGE_ID=$(id)', '+', 'A=']) {
    assert.throws(() => journalctlArgs({units: ['kubelet.service'], matches: [match]}), UnsafeArgumentError, match);
  }
});
