import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {lstatSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {writeExclusiveFile} from '../../src/io/exclusive-file.js';

// The log view's save file on real files: kview often runs as root on a node and saves into /tmp, where anyone
// can plant a symlink at the name it will use.
function directory(context: TestContext): string {
  const made = mkdtempSync(join(tmpdir(), 'kview-save-'));
  context.after(() => rmSync(made, {recursive: true, force: true}));
  return made;
}

test('a symlink planted at the would-be path is not followed: its target is untouched, a new file is written', async (context) => {
  const root = directory(context);
  const victim = join(root, 'victim.conf');
  writeFileSync(victim, 'precious\n');
  const path = join(root, 'kview-demo_web-1-1764579600000.log');
  symlinkSync(victim, path);
  const written = await writeExclusiveFile(path, 'line 1\nline 2\n');
  assert.equal(readFileSync(victim, 'utf8'), 'precious\n', 'the link target is unchanged');
  assert.ok(lstatSync(path).isSymbolicLink(), 'the link is left as it was');
  assert.equal(written, join(root, 'kview-demo_web-1-1764579600000-1.log'));
  assert.equal(readFileSync(written, 'utf8'), 'line 1\nline 2\n');
  assert.ok(!lstatSync(written).isSymbolicLink());
  assert.equal(statSync(written).mode & 0o777, 0o600, 'private to the user');
});

test('a dangling symlink (to a file that does not exist yet) is not followed either', async (context) => {
  const root = directory(context);
  const target = join(root, 'would-be-created');
  const path = join(root, 'save.log');
  symlinkSync(target, path);
  const written = await writeExclusiveFile(path, 'x\n');
  assert.throws(() => lstatSync(target), /ENOENT/, 'nothing was created through the link');
  assert.equal(written, join(root, 'save-1.log'));
});

test('a free name is written as asked; an existing file is never overwritten', async (context) => {
  const root = directory(context);
  const path = join(root, 'save.log');
  assert.equal(await writeExclusiveFile(path, 'first\n'), path);
  assert.equal(await writeExclusiveFile(path, 'second\n'), join(root, 'save-1.log'));
  assert.equal(readFileSync(path, 'utf8'), 'first\n');
  assert.equal(readFileSync(join(root, 'save-1.log'), 'utf8'), 'second\n');
});

test('a directory that cannot be written to rejects (the view shows "not saved: ...")', async (context) => {
  const root = directory(context);
  await assert.rejects(writeExclusiveFile(join(root, 'missing-dir', 'save.log'), 'x'), /ENOENT/);
});
