import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readlinkSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import type {LogTarget, StreamStatus} from '../../src/cluster/log-types.js';
import {createFileReader} from '../../src/node-tools/file-reader.js';
import type {FileReader, GrowingFile} from '../../src/node-tools/file-reader.js';
import {createPodFileLogSource} from '../../src/node-tools/pod-file-log-source.js';

// A growing file that cannot be read must be one line (a problem, or a failed stream status), never a rejection
// nobody handles, and must not keep its descriptor open.
const unhandled: unknown[] = [];
process.on('unhandledRejection', (reason) => unhandled.push(reason));

// Only descriptors on the path under test count: the runner and its reporters open and close their own meanwhile.
function descriptorsOn(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false;
    }
  }).length;
}

function temporaryDirectory(context: TestContext): string {
  const directory = mkdtempSync(join(tmpdir(), 'kview-file-failures-'));
  context.after(() => rmSync(directory, {recursive: true, force: true}));
  return directory;
}

test('openGrowing on something that opens but cannot be read (a directory) is a problem, and closes it', async (context) => {
  const directory = temporaryDirectory(context);
  const files = createFileReader();
  for (let attempt = 0; attempt < 20; attempt++) {
    const opened = await files.openGrowing(directory, 1024);
    assert.ok('problem' in opened, 'a problem, not a file');
    assert.equal(opened.problem, `${directory}: cannot read (EISDIR)`);
  }
  assert.equal(descriptorsOn(directory), 0, 'no descriptor left open by the failed opens');
});

function podFilesTarget(directory: string): LogTarget {
  return {kind: 'podFiles', node: 'n1', namespace: 'demo', pod: 'web-1', directory, containers: ['app']};
}

// A reader with one instance file whose reads fail as the test says.
function failingFiles(failure: {openGrowing?: Error; readAppended?: Error}, closes: string[]): FileReader {
  const file: GrowingFile = {
    initial: '2026-11-22T09:59:00.000000000Z stdout F first line\n',
    readAppended: () => (failure.readAppended ? Promise.reject(failure.readAppended) : Promise.resolve('')),
    isReplaced: () => Promise.resolve(false),
    close: () => {
      closes.push('closed');
      return Promise.resolve();
    },
  };
  return {
    readText: () => Promise.resolve({ok: false, problem: 'unused'}),
    readTail: () => Promise.resolve({ok: false, problem: 'unused'}),
    list: (directory) => Promise.resolve(directory.endsWith('/app') ? ['0.log'] : ['app']),
    exists: () => Promise.resolve(true),
    readLink: () => Promise.resolve(undefined),
    fileIdentity: () => Promise.resolve(undefined),
    openGrowing: () => (failure.openGrowing ? Promise.reject(failure.openGrowing) : Promise.resolve(file)),
  };
}

async function followUntilFailed(files: FileReader): Promise<StreamStatus> {
  const source = createPodFileLogSource(files, () => Date.parse('2026-11-22T10:00:00Z'), {
    pollMs: 1,
    sleep: () => Promise.resolve(),
  });
  return new Promise<StreamStatus>((resolve) => {
    const stream = source.open(
      podFilesTarget('/var/log/pods/demo_web-1_u1'),
      {window: {kind: 'tail', lines: 10}, follow: true, previous: false, allContainers: false},
      {
        lines: () => undefined,
        status: (status) => {
          if (status.phase !== 'failed') return;
          stream.stop();
          resolve(status);
        },
      },
    );
  });
}

test('a followed pod log file whose read fails ends its stream with one failed line, and is closed', async () => {
  const closes: string[] = [];
  const failed = await followUntilFailed(
    failingFiles({readAppended: new Error('/var/log/pods/demo_web-1_u1/app/0.log: cannot read (EIO)')}, closes),
  );
  assert.equal(failed.message, '/var/log/pods/demo_web-1_u1/app/0.log: cannot read (EIO)');
  assert.equal(failed.container, 'app');
  // The close runs right after the status; poll for it rather than assume its timing.
  for (let turn = 0; closes.length === 0 && turn < 100; turn++) await new Promise((resolve) => setImmediate(resolve));
  assert.deepEqual(closes, ['closed'], 'the descriptor is closed once');
  assert.deepEqual(unhandled, []);
});

test('a file reader that rejects on open is one failed line too', async () => {
  const closes: string[] = [];
  const failed = await followUntilFailed(failingFiles({openGrowing: new Error('EMFILE: too many open files')}, closes));
  assert.equal(failed.message, 'EMFILE: too many open files');
  assert.deepEqual(closes, []);
  assert.deepEqual(unhandled, []);
});
