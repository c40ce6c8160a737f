import {test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {journalctlArgs} from '../../src/node-tools/journal-entries.js';
import {readRuntime} from '../../src/node-tools/runtime-reader.js';
import {UnsafeArgumentError} from '../../src/node-tools/safe-argument.js';
import {createSpawnRunner} from '../../src/node-tools/spawn-runner.js';
import {readUnits, restartUnit} from '../../src/node-tools/unit-reader.js';
import {createSystemNodeTools} from '../../src/node-tools/node-tools.js';
import type {NodeIdentity} from '../../src/node-tools/node-flavour.js';
import {offlineIdentity} from '../../src/node-tools/node-report.js';
import {fixtureDirectory} from '../fixtures/node-tools/scripted-node-tools.js';
import {standInDirectory} from './controlled-path.js';

// The real spawn runner against real executables: how each way a command can fail reads as one line.
const runner = createSpawnRunner();

test('a missing binary is one line, not a crash', async () => {
  const outcome = await runner.run('kview-no-such-binary', ['--version']);
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.failure.kind, 'missing');
  assert.equal(outcome.failure.line, 'kview-no-such-binary: not installed (not found on PATH)');
});

test('a file that is not executable is "permission denied"', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'kview-runner-'));
  writeFileSync(join(directory, 'tool'), '#!/bin/sh\necho hi\n');
  chmodSync(join(directory, 'tool'), 0o644);
  const outcome = await runner.run(join(directory, 'tool'), []);
  assert.equal(outcome.ok, false);
  if (!outcome.ok) assert.equal(outcome.failure.kind, 'permission');
});

// A host where systemd is not PID 1, whatever this machine is: a stand-in prints what the real systemctl printed on
// such a host (captured on this project's machines) and exits as it did. The real systemctl under a real systemd
// is tested on the systemd node.
const NO_SYSTEMD_STDERR =
  "System has not been booted with systemd as init system (PID 1). Can't operate.\nFailed to connect to bus: Host is down\n";

test('systemctl on a host without systemd as PID 1 is one line that says so', async () => {
  const directory = standInDirectory('systemctl', `#!/bin/sh\nprintf '%s' "${NO_SYSTEMD_STDERR}" >&2\nexit 1\n`);
  const stubbed = createSpawnRunner({...process.env, PATH: `${directory}:${process.env.PATH ?? ''}`});
  const outcome = await stubbed.run('systemctl', ['show', '--property=ActiveState', '--', 'kubelet.service']);
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.failure.kind, 'no-systemd');
  assert.equal(outcome.failure.exitCode, 1);
  assert.doesNotMatch(outcome.failure.line, /\n/);
});

test('a non-zero exit names the code and the first stderr line', async () => {
  const outcome = await runner.run('ls', ['--', '/kview/no/such/path']);
  assert.equal(outcome.ok, false);
  if (outcome.ok) return;
  assert.equal(outcome.failure.kind, 'exit');
  assert.match(outcome.failure.line, /^ls: exit 2: .*No such file or directory/);
});

test('a command that does not answer in time is stopped', async () => {
  const started = Date.now();
  const outcome = await runner.run('sleep', ['30'], {timeoutMs: 300});
  assert.equal(outcome.ok, false);
  if (!outcome.ok) assert.equal(outcome.failure.kind, 'timeout');
  assert.ok(Date.now() - started < 5000, 'killed well before it would have finished');
});

test('an abort signal stops a command, and output beyond the cap is refused', async () => {
  const controller = new AbortController();
  const running = runner.run('sleep', ['30'], {signal: controller.signal});
  controller.abort();
  const outcome = await running;
  assert.equal(outcome.ok ? 'ok' : outcome.failure.kind, 'aborted');
  const big = await runner.run('head', ['-c', '100000', '/dev/zero'], {maxOutputBytes: 1000});
  assert.equal(big.ok ? 'ok' : big.failure.kind, 'too-large');
});

const HOSTILE = ['-rf', '--help', 'a;touch /tmp/kview-pwned', '$(touch /tmp/kview-pwned)', 'line\nbreak', '`id`'];

function recordedCalls(log: string): string[][] {
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((record) => record !== '')
    .map((record) => record.split('\0').filter((word, index, words) => index < words.length - 1 || word !== ''));
}

test('hostile names never reach a command as an option or through a shell (argv recorded by stand-ins on PATH)', async () => {
  const log = join(mkdtempSync(join(tmpdir(), 'kview-argv-')), 'argv');
  writeFileSync(log, '');
  // The stand-ins in test/fixtures/node-tools/bin record their exact argv; PATH puts them first for this test only.
  const environment = {...process.env, PATH: `${fixtureDirectory}/bin:${process.env.PATH ?? ''}`, KVIEW_ARGV_LOG: log};
  const tools = {...createSystemNodeTools(environment), isRoot: true};
  for (const name of HOSTILE) {
    assert.throws(() => journalctlArgs({units: [name], lines: 10}), UnsafeArgumentError, JSON.stringify(name));
    assert.throws(() => journalctlArgs({units: ['kubelet'], lines: 10, since: name}), UnsafeArgumentError);
    // A refused name is one problem line and no command runs (the argv log below proves none did).
    const restart = await restartUnit(tools, name);
    assert.equal(restart.ok, false, JSON.stringify(name));
    if (!restart.ok) assert.match(restart.line, /^refusing unit name /);
    const [reading] = await readUnits(tools, [name]);
    assert.ok(reading && 'problem' in reading, JSON.stringify(name));
    assert.equal(reading.problem.kind, 'unsafe-argument');
  }
  // A unit name that is valid but starts like an option is impossible by the rules; a valid one goes after "--".
  await restartUnit(tools, 'kubelet');
  // The runtime's listing and inspect calls go through the same runner with the endpoint joined to its option.
  const identity: NodeIdentity = {
    ...offlineIdentity('test'),
    crictlConfig: undefined,
    runtimeSocket: '/run/containerd/containerd.sock',
  };
  await readRuntime(tools, identity);
  const calls = recordedCalls(log);
  // The restart reads the unit's InvocationID first (a new one proves the restart happened), then restarts it.
  assert.deepEqual(
    calls.filter((call) => call[0] === 'systemctl'),
    [
      ['systemctl', 'show', '--property=InvocationID', '--value', '--', 'kubelet.service'],
      ['systemctl', 'restart', '--', 'kubelet.service'],
    ],
  );
  const crictl = calls.filter((call) => call[0] === 'crictl');
  assert.ok(crictl.length >= 4, `crictl was called: ${JSON.stringify(crictl)}`);
  for (const call of crictl) assert.equal(call[1], '--runtime-endpoint=unix:///run/containerd/containerd.sock');
  for (const call of calls) {
    for (const word of call.slice(1)) {
      assert.ok(!HOSTILE.includes(word), `hostile ${JSON.stringify(word)} reached ${call[0]}`);
    }
  }
  assert.throws(() => readFileSync('/tmp/kview-pwned'), /ENOENT/, 'no shell ever ran the payload');
});
