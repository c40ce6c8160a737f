import {open} from 'node:fs/promises';
import {extname} from 'node:path';

// Names tried beside the asked-for one before giving up: kview-x.log, kview-x-1.log ... kview-x-99.log.
const MAX_ATTEMPTS = 100;

// Writes text to a file that did not exist: created with O_CREAT|O_EXCL (flag 'wx'), which fails on anything
// already at the path, a symlink included, so a link planted in /tmp cannot make kview (often root on a node)
// write through it. Private (0600): logs often hold tokens and customer data. When the name is taken, the next
// free one beside it is used; resolves to the path written.
export async function writeExclusiveFile(path: string, text: string): Promise<string> {
  const extension = extname(path);
  const stem = path.slice(0, path.length - extension.length);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const candidate = attempt === 0 ? path : `${stem}-${attempt}${extension}`;
    let handle;
    try {
      handle = await open(candidate, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    try {
      await handle.writeFile(text, 'utf8');
    } finally {
      await handle.close();
    }
    return candidate;
  }
  throw new Error(`${path} and ${MAX_ATTEMPTS - 1} names beside it already exist`);
}
