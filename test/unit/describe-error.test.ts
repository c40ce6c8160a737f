import {test} from 'node:test';
import assert from 'node:assert/strict';
import {describeHttpFailure, describeNetworkError} from '../../src/cluster/describe-error.js';

test('connection refused names the server and points at the API server and kubelet', () => {
  const error = describeNetworkError(
    Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'}),
    'https://127.0.0.1:6443',
  );
  assert.equal(error.kind, 'connection-refused');
  assert.match(error.message, /127\.0\.0\.1:6443 was refused/);
  assert.match(error.hint, /kubelet/);
});

test("forbidden keeps the server's message naming verb and resource", () => {
  const body = JSON.stringify({
    kind: 'Status',
    reason: 'Forbidden',
    code: 403,
    message: 'pods is forbidden: User "kview-viewer" cannot list resource "pods" in API group "" at the cluster scope',
  });
  const error = describeHttpFailure(403, body, 'GET', '/api/v1/pods?limit=1');
  assert.equal(error.kind, 'forbidden');
  assert.match(error.message, /cannot list resource "pods"/);
  assert.match(error.hint, /list\/get pods/);
});

test('401, 410 and other statuses map to their kinds', () => {
  assert.equal(describeHttpFailure(401, '{}', 'GET', '/x').kind, 'unauthorized');
  assert.equal(describeHttpFailure(410, '{"message":"too old resource version"}', 'GET', '/x').kind, 'gone');
  assert.match(describeHttpFailure(500, 'plain text', 'GET', '/api/v1/pods?x=1').message, /GET \/api\/v1\/pods failed/);
});
