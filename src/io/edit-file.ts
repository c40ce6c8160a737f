import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {writeExclusiveFile} from './exclusive-file.js';

// The file an edit lives in while the editor has it, and after a failure: objects hold secrets, so it is created
// with O_EXCL and mode 0600 in a directory of its own (mkdtemp: 0700, a fresh random name), where no other user
// can plant a link or read it.
export interface EditFile {
  path: string;
  read(): Promise<string>;
  write(text: string): Promise<void>;
  // Gone once the edit is applied or there was nothing to apply; kept (and named) otherwise.
  remove(): Promise<void>;
}

export async function createEditFile(name: string, text: string, directory = tmpdir()): Promise<EditFile> {
  const folder = await mkdtemp(join(directory, 'kview-edit-'));
  // Only what a file name may hold: the kind and object names come from the server.
  const safe = name.replace(/[^\w.-]+/g, '-').slice(0, 100);
  const path = await writeExclusiveFile(join(folder, `${safe}.yaml`), text);
  return {
    path,
    read: () => readFile(path, 'utf8'),
    // The directory is private, so rewriting the file in place cannot be redirected.
    write: (next) => writeFile(path, next, {encoding: 'utf8', mode: 0o600}),
    remove: () => rm(folder, {recursive: true, force: true}),
  };
}
