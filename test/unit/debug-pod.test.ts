import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawn} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync, appendFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {debugPodManifest, debugPodName, parseOwner, ownerText} from '../../src/cluster/debug-pod-manifest.js';
import {debugPodProgress, leftoverDebugPods} from '../../src/cluster/debug-pod-status.js';
import type {PodObject} from '../../src/cluster/debug-pod-status.js';
import {parseExecStatus} from '../../src/cluster/exec-status.js';
import type {ExecEnd, ExecIo} from '../../src/cluster/pod-exec.js';
import {createExecRunner, podCommand} from '../../src/node-tools/exec-runner.js';
import {createFileReader} from '../../src/node-tools/file-reader.js';
import {createRunnerFileReader} from '../../src/node-tools/runner-file-reader.js';
import {createSpawnRunner} from '../../src/node-tools/spawn-runner.js';

const owner = {user: 'ops', host: 'bastion-1', pid: 4242};

test('the debug pod is the sysadmin profile pinned to the node, tolerating every taint, with a deadline', () => {
  const manifest = debugPodManifest({
    node: 'Worker_7.example',
    namespace: 'ops',
    image: 'busybox:1.36',
    deadlineSeconds: 120,
    owner,
    createdAt: new Date('2026-01-02T03:04:05Z'),
    suffix: 'ab1c2',
  }) as {
    metadata: {name: string; labels: Record<string, string>; annotations: Record<string, string>};
    spec: Record<string, unknown> & {containers: Array<Record<string, unknown>>; volumes: unknown[]};
  };
  assert.equal(manifest.metadata.name, 'kview-debug-worker-7-example-ab1c2');
  assert.deepEqual(manifest.metadata.labels, {
    'app.kubernetes.io/managed-by': 'kview',
    'kview.dev/node-debug': 'Worker_7.example',
  });
  assert.equal(manifest.metadata.annotations['kview.dev/owner'], 'ops@bastion-1 pid 4242');
  assert.equal(manifest.metadata.annotations['kview.dev/created'], '2026-01-02T03:04:05.000Z');
  const {spec} = manifest;
  assert.equal(spec['nodeName'], 'Worker_7.example');
  assert.equal(spec['hostPID'], true);
  assert.equal(spec['hostNetwork'], true);
  assert.equal(spec['hostIPC'], true);
  assert.equal(spec['restartPolicy'], 'Never');
  assert.equal(spec['activeDeadlineSeconds'], 120);
  assert.deepEqual(spec['tolerations'], [{operator: 'Exists'}]);
  assert.deepEqual(spec.volumes, [{name: 'host-root', hostPath: {path: '/'}}]);
  const container = spec.containers[0] ?? {};
  assert.deepEqual(container['securityContext'], {privileged: true});
  assert.equal(container['imagePullPolicy'], 'IfNotPresent');
  assert.deepEqual(container['command'], ['sleep', '120']);
  assert.deepEqual(container['volumeMounts'], [{name: 'host-root', mountPath: '/host'}]);
});

test('pod names stay DNS labels of at most 63 characters; owners read back', () => {
  const name = debugPodName(`${'n'.repeat(80)}.cluster`, 'zz9');
  assert.ok(name.length <= 63, name);
  assert.match(name, /^kview-debug-n+-zz9$/);
  assert.deepEqual(parseOwner(ownerText(owner)), owner);
  assert.equal(parseOwner('someone'), undefined);
});

test('a starting pod says where it is; a bad image fails at once; Running is running', () => {
  assert.deepEqual(debugPodProgress({spec: {nodeName: 'n1'}, status: {phase: 'Pending'}}), {
    state: 'waiting',
    line: 'scheduled on n1',
  });
  assert.deepEqual(debugPodProgress({status: {phase: 'Pending'}}, 'Pulling: Pulling image "busybox"'), {
    state: 'waiting',
    line: 'Pulling: Pulling image "busybox"',
  });
  const pulling: PodObject = {
    status: {
      phase: 'Pending',
      containerStatuses: [{state: {waiting: {reason: 'ErrImagePull', message: 'not found'}}}],
    },
  };
  assert.deepEqual(debugPodProgress(pulling), {state: 'failed', line: 'ErrImagePull: not found'});
  assert.deepEqual(
    debugPodProgress({status: {phase: 'Failed', reason: 'DeadlineExceeded', message: 'Pod was active too long'}}),
    {state: 'failed', line: 'the debug pod ended: DeadlineExceeded: Pod was active too long'},
  );
  assert.deepEqual(debugPodProgress({status: {phase: 'Running', containerStatuses: [{state: {running: {}}}]}}), {
    state: 'running',
  });
});

test('leftovers: ended pods and pods of a dead kview on this host are orphans; ours and live ones are not', () => {
  const pod = (name: string, ownerAnnotation: string | undefined, phase: string, reason?: string): PodObject => ({
    metadata: {
      name,
      namespace: 'ops',
      labels: {'kview.dev/node-debug': 'n1'},
      annotations: {
        ...(ownerAnnotation ? {'kview.dev/owner': ownerAnnotation} : {}),
        'kview.dev/created': `2026-01-01T00:00:0${name.length % 10}Z`,
      },
    },
    spec: {nodeName: 'n1'},
    status: {phase, reason},
  });
  const pods = [
    pod('mine', 'ops@bastion-1 pid 4242', 'Running'),
    pod('dead', 'ops@bastion-1 pid 100', 'Running'),
    pod('alive', 'ops@bastion-1 pid 200', 'Running'),
    pod('elsewhere', 'ops@bastion-2 pid 100', 'Running'),
    pod('deadline', 'ops@bastion-2 pid 7', 'Failed', 'DeadlineExceeded'),
    pod('nobody', undefined, 'Running'),
  ];
  const found = leftoverDebugPods(pods, owner, new Set(['ops/mine']), (pid) => pid === 200);
  const byName = Object.fromEntries(found.map((entry) => [entry.name, entry.orphaned]));
  assert.deepEqual(byName, {
    dead: 'kview pid 100 on bastion-1 is gone',
    alive: undefined,
    elsewhere: undefined,
    deadline: 'ended (Failed DeadlineExceeded)',
    nobody: 'no owner recorded',
  });
});

test('the exec status channel: Success is 0, NonZeroExitCode carries the code, anything else is a problem', () => {
  assert.deepEqual(parseExecStatus({status: 'Success'}), {exitCode: 0});
  assert.deepEqual(
    parseExecStatus({
      status: 'Failure',
      reason: 'NonZeroExitCode',
      message: 'command terminated with non-zero exit code: error executing command [false], exit code 3',
      details: {causes: [{reason: 'ExitCode', message: '3'}]},
    }),
    {exitCode: 3},
  );
  assert.deepEqual(parseExecStatus({status: 'Failure', message: 'container not found ("debug")\nmore'}), {
    problem: 'container not found ("debug")',
  });
});

// A pod exec that runs the argument array here, as the kubelet would in the pod: what the runner sends is exactly
// what runs. The nsenter into PID 1's mount namespace is dropped (this process is not root in a pod); the timeout
// wrapper and the node's env are kept.
function localExec(seen: string[][]) {
  return (command: readonly string[], io: ExecIo): Promise<ExecEnd> => {
    seen.push([...command]);
    const entry = command.indexOf('nsenter');
    const argv = [...command.slice(0, entry), ...command.slice(command.indexOf('/usr/bin/env'))];
    return new Promise((resolve) => {
      const child = spawn(argv[0] ?? '', argv.slice(1), {stdio: ['ignore', 'pipe', 'pipe']});
      child.stdout.on('data', io.onStdout);
      child.stderr.on('data', io.onStderr);
      // As a closed exec connection: the answer is "closed" at once, whatever the process still holds open.
      io.signal.addEventListener(
        'abort',
        () => {
          child.kill('SIGKILL');
          resolve({closed: true});
        },
        {once: true},
      );
      child.on('error', () => resolve({exitCode: 127}));
      child.on('close', (code) => resolve({exitCode: code ?? -1}));
    });
  };
}

test('the exec runner sends timeout + nsenter into the node + the argument array, and reports exits, caps and timeouts', async () => {
  const seen: string[][] = [];
  const runner = createExecRunner(localExec(seen));
  const echoed = await runner.run('echo', ['a b', '$HOME;`x`'], {timeoutMs: 3000});
  assert.deepEqual(seen[0], [
    'timeout',
    '-s',
    'KILL',
    '5',
    'nsenter',
    '-t',
    '1',
    '-m',
    '--',
    '/usr/bin/env',
    '--',
    'echo',
    'a b',
    '$HOME;`x`',
  ]);
  assert.ok(echoed.ok);
  assert.equal(echoed.stdout, 'a b $HOME;`x`\n', 'no shell read the words');
  const failed = await runner.run('sh', ['-c', 'echo nope >&2; exit 3']);
  assert.ok(!failed.ok);
  assert.equal(failed.failure.line, 'sh: exit 3: nope');
  const inactive = await runner.run('sh', ['-c', 'exit 3'], {okExitCodes: [0, 3]});
  assert.ok(inactive.ok && inactive.exitCode === 3);
  const big = await runner.run('head', ['-c', '100000', '/dev/zero'], {maxOutputBytes: 1000});
  assert.ok(!big.ok && big.failure.kind === 'too-large');
  const started = Date.now();
  const slow = await runner.run('sleep', ['5'], {timeoutMs: 300});
  assert.ok(!slow.ok && slow.failure.kind === 'timeout', JSON.stringify(slow));
  assert.ok(Date.now() - started < 3000);
  assert.deepEqual(podCommand('journalctl', ['-f']), [
    'nsenter',
    '-t',
    '1',
    '-m',
    '--',
    '/usr/bin/env',
    '--',
    'journalctl',
    '-f',
  ]);
});

test('a program the node env cannot find is "not installed", as the local runner says', async () => {
  const runner = createExecRunner((_command, io) => {
    io.onStderr(Buffer.from("/usr/bin/env: 'crictl': No such file or directory\n"));
    return Promise.resolve({exitCode: 127});
  });
  const outcome = await runner.run('crictl', ['ps']);
  assert.ok(!outcome.ok);
  assert.equal(outcome.failure.kind, 'missing');
  assert.equal(outcome.failure.line, 'crictl: not installed (not found on PATH)');
});

test('follow streams lines through the exec runner until aborted', async () => {
  const runner = createExecRunner(localExec([]));
  const lines: string[] = [];
  const controller = new AbortController();
  const done = runner.follow(
    'sh',
    ['-c', 'echo one; echo two; sleep 10'],
    (line) => {
      lines.push(line);
      if (lines.length === 2) controller.abort();
    },
    {signal: controller.signal},
  );
  const outcome = await done;
  assert.ok(outcome.ok);
  assert.deepEqual(lines, ['one', 'two']);
});

test('files read through a runner (cat, tail, ls, stat, readlink) say what the local reader says', async (context) => {
  const root = mkdtempSync(join(tmpdir(), 'kview-runner-files-'));
  context.after(() => rmSync(root, {recursive: true, force: true}));
  mkdirSync(join(root, 'logs'));
  writeFileSync(join(root, 'logs', 'b.log'), 'first line\nsecond line\nthird line\n');
  writeFileSync(join(root, 'logs', '.hidden'), 'x');
  symlinkSync('b.log', join(root, 'logs', 'link'));
  const local = createFileReader();
  const remote = createRunnerFileReader(createSpawnRunner());
  const file = join(root, 'logs', 'b.log');
  assert.deepEqual(await remote.readText(file), await local.readText(file));
  assert.deepEqual(await remote.readTail(file, 15), await local.readTail(file, 15));
  assert.deepEqual(await remote.readTail(file, 1000), await local.readTail(file, 1000));
  assert.deepEqual(await remote.list(join(root, 'logs')), await local.list(join(root, 'logs')));
  assert.equal(await remote.list(join(root, 'absent')), await local.list(join(root, 'absent')));
  assert.equal(await remote.exists(file), true);
  assert.equal(await remote.exists(join(root, 'absent')), false);
  assert.equal(await remote.readLink(join(root, 'logs', 'link')), await local.readLink(join(root, 'logs', 'link')));
  assert.equal(await remote.fileIdentity(join(root, 'logs', 'link')), await local.fileIdentity(file));
  assert.deepEqual(await remote.readText(join(root, 'absent')), await local.readText(join(root, 'absent')));
  assert.deepEqual(await remote.readText('relative/path'), {
    ok: false,
    problem:
      'relative/path: cannot read (refusing path "relative/path": it could be read as an option or holds control characters)',
  });
  const grown = await remote.openGrowing(file, 1000);
  assert.ok('initial' in grown);
  assert.equal(grown.initial, 'first line\nsecond line\nthird line\n');
  appendFileSync(file, 'fourth\n');
  assert.equal(await grown.readAppended(), 'fourth\n');
  assert.equal(await grown.readAppended(), '');
  assert.equal(await grown.isReplaced(), false);
});
