import {open, readdir, readFile, stat} from 'node:fs/promises';

export type FileRead = {ok: true; text: string} | {ok: false; problem: string};

// Files a node check reads (configs, /var/log, /proc), behind an interface so tests can hand in a directory tree.
export interface FileReader {
  readText(path: string): Promise<FileRead>;
  // The last maxBytes of a file, starting at a whole line: syslog and pod logs can be gigabytes.
  readTail(path: string, maxBytes: number): Promise<FileRead>;
  list(directory: string): Promise<string[] | undefined>;
  exists(path: string): Promise<boolean>;
}

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
  };
}

export function describeFileError(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${path}: not present`;
  if (code === 'EACCES' || code === 'EPERM') return `${path}: permission denied; try again as root`;
  return `${path}: cannot read (${code ?? String(error)})`;
}
