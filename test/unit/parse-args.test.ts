import {test} from 'node:test';
import assert from 'node:assert/strict';
import {parseArgs, UsageError} from '../../src/cli/parse-args.js';

test('no flags: the context namespace, not readonly', () => {
  assert.deepEqual(parseArgs([]), {
    allNamespaces: false,
    readonly: false,
    wide: false,
    help: false,
    version: false,
    check: false,
    node: false,
  });
});

test('kubectl spellings of value flags', () => {
  assert.equal(parseArgs(['-n', 'kube-system']).namespace, 'kube-system');
  assert.equal(parseArgs(['-nkube-system']).namespace, 'kube-system');
  assert.equal(parseArgs(['--namespace=demo']).namespace, 'demo');
  assert.equal(parseArgs(['--kubeconfig', '/tmp/k']).kubeconfig, '/tmp/k');
  assert.equal(parseArgs(['--context=prod']).context, 'prod');
});

test('switches', () => {
  const options = parseArgs(['-A', '--readonly', '-w']);
  assert.equal(options.allNamespaces, true);
  assert.equal(options.readonly, true);
  assert.equal(options.wide, true);
  assert.equal(parseArgs(['--all-namespaces']).allNamespaces, true);
  assert.equal(parseArgs(['--help']).help, true);
  assert.equal(parseArgs(['--version']).version, true);
  assert.equal(parseArgs(['--check']).check, true);
  assert.equal(parseArgs(['--node']).node, true);
  assert.equal(parseArgs(['--journal-dir', '/tmp/j']).journalDir, '/tmp/j');
});

test('mistakes are usage errors with the argument named', () => {
  assert.throws(
    () => parseArgs(['--bogus']),
    (error: unknown) => error instanceof UsageError && error.message.includes('--bogus'),
  );
  assert.throws(() => parseArgs(['-n']), /needs a value/);
  assert.throws(() => parseArgs(['--context=']), /needs a value/);
  assert.throws(() => parseArgs(['-A', '-n', 'x']), /cannot be used together/);
});
