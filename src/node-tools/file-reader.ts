import {open, readdir, readFile, readlink, stat} from 'node:fs/promises';

export type FileRead = {ok: true; text: string} | {ok: false; problem: string};

// Files a node check reads (configs, /var/log, /proc), behind an interface so tests can hand in a directory tree.
export interface FileReader {
  readText(path: string): Promise<FileRead>;
  // The last maxBytes of a file, starting at a whole line: syslog and pod logs can be gigabytes.
  readTail(path: string, maxBytes: number): Promise<FileRead>;
  list(directory: string): Promise<string[] | undefined>;
  exists(path: string): Promise<boolean>;
  // The target of a symbolic link (/proc/PID/ns/mnt reads "mnt:[4026531841]"); undefined when unreadable.
  readLink(path: string): Promise<string | undefined>;
  // "device:inode" of what the path names, links followed (/proc/PID/root is the process's root directory).
  fileIdentity(path: string): Promise<string | undefined>;
  // A file that grows (a container's log): its last maxBytes now, then what is appended, read through one open
  // descriptor so a rotation (rename, then a new file at the path) loses nothing written to the old file.
  openGrowing(path: string, maxBytes: number): Promise<GrowingFile | {problem: string}>;
}

export interface GrowingFile {
  // The last maxBytes when opened, starting at a whole line (the whole file when smaller).
  initial: string;
  // Everything written since the last call (bounded per call; call again while it returns text). Rejects with a
  // one-line message when the descriptor cannot be read (EIO, a vanished network filesystem).
  readAppended(): Promise<string>;
  // True once the path names another file (rotated) or is gone; what the old one still holds stays readable.
  isReplaced(): Promise<boolean>;
  close(): Promise<void>;
}

// One read of appended text at most this large, so a burst does not stall the screen.
const APPEND_CHUNK_BYTES = 1024 * 1024;

export function createFileReader(): FileReader {
  return {
    async readText(path) {
      try {
        return {ok: true, text: await readFile(path, 'utf8')};
      } catch (error) {
        return {ok: false, problem: describeFileError(path, error)};
      }
    },
    async readTail(path, maxBytes) {
      try {
        const handle = await open(path, 'r');
        try {
          const {size} = await handle.stat();
          const start = Math.max(0, size - maxBytes);
          const buffer = Buffer.alloc(size - start);
          await handle.read(buffer, 0, buffer.length, start);
          const text = buffer.toString('utf8');
          return {ok: true, text: start > 0 ? text.slice(text.indexOf('\n') + 1) : text};
        } finally {
          await handle.close();
        }
      } catch (error) {
        return {ok: false, problem: describeFileError(path, error)};
      }
    },
    async list(directory) {
      try {
        return (await readdir(directory)).sort();
      } catch {
        return undefined;
      }
    },
    async exists(path) {
      try {
        await stat(path);
        return true;
      } catch {
        return false;
      }
    },
    async readLink(path) {
      try {
        return await readlink(path);
      } catch {
        return undefined;
      }
    },
    async fileIdentity(path) {
      try {
        const found = await stat(path);
        return `${found.dev}:${found.ino}`;
      } catch {
        return undefined;
      }
    },
    openGrowing,
  };
}

async function openGrowing(path: string, maxBytes: number): Promise<GrowingFile | {problem: string}> {
  let opened;
  try {
    opened = await open(path, 'r');
  } catch (error) {
    return {problem: describeFileError(path, error)};
  }
  const handle = opened;
  let size: number;
  let ino: number;
  let text: string;
  let start: number;
  try {
    ({size, ino} = await handle.stat());
    start = Math.max(0, size - maxBytes);
    const head = Buffer.alloc(size - start);
    await handle.read(head, 0, head.length, start);
    text = head.toString('utf8');
  } catch (error) {
    // The descriptor is ours until the caller gets the file: a failed first read must not leak it.
    await handle.close().catch(() => undefined);
    return {problem: describeFileError(path, error)};
  }
  let offset = size;
  // A multi-byte character cut by a read's end waits for the next read.
  let carry = Buffer.alloc(0);
  return {
    initial: start > 0 ? text.slice(text.indexOf('\n') + 1) : text,
    async readAppended() {
      const chunk = Buffer.alloc(APPEND_CHUNK_BYTES);
      let bytesRead: number;
      try {
        ({bytesRead} = await handle.read(chunk, 0, chunk.length, offset));
        // A truncated file (copytruncate rotation) starts again from its beginning.
        if (bytesRead === 0 && (await handle.stat()).size < offset) offset = 0;
      } catch (error) {
        throw new Error(describeFileError(path, error));
      }
      offset += bytesRead;
      const bytes = Buffer.concat([carry, chunk.subarray(0, bytesRead)]);
      const complete = completeUtf8Length(bytes);
      carry = bytes.subarray(complete);
      return bytes.subarray(0, complete).toString('utf8');
    },
    async isReplaced() {
      try {
        return (await stat(path)).ino !== ino;
      } catch {
        return true;
      }
    },
    // Closing twice (a reader stopped while it was failing) is harmless.
    close: () => handle.close().catch(() => undefined),
  };
}

// The length of the bytes that end on a whole UTF-8 character.
function completeUtf8Length(bytes: Buffer): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue;
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return needed > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

export function describeFileError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${path}: not present`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied; try again as root`;
  return `${path}: cannot read (${code ?? String(error)})`;
}
