import {test} from 'node:test';
import assert from 'node:assert/strict';
import {apiNodeReadiness} from '../../src/node-tools/api-node-status.js';

test('the Ready condition of a Node object: True, False and Unknown; none without conditions', () => {
  const node = (status: string, reason?: string) => ({
    kind: 'Node',
    status: {
      conditions: [
        {type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory'},
        {type: 'Ready', status, reason, message: `kubelet says ${status}`},
      ],
    },
  });
  assert.deepEqual(apiNodeReadiness(node('True', 'KubeletReady')), {
    ready: true,
    reason: 'KubeletReady',
    message: 'kubelet says True',
  });
  assert.deepEqual(apiNodeReadiness(node('False', 'KubeletNotReady')), {
    ready: false,
    reason: 'KubeletNotReady',
    message: 'kubelet says False',
  });
  assert.deepEqual(apiNodeReadiness(node('Unknown', 'NodeStatusUnknown')), {
    ready: false,
    reason: 'NodeStatusUnknown',
    message: 'kubelet says Unknown',
  });
  assert.equal(apiNodeReadiness({status: {}}), undefined);
  assert.equal(apiNodeReadiness('not an object'), undefined);
});
