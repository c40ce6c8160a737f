import type {CommandOutcome, CommandRunner} from './command-runner.js';
import type {FileRead, FileReader, GrowingFile} from './file-reader.js';
import {checkedPath} from './safe-argument.js';

const TIMEOUT_MS = 10_000;
// One read of appended text at most this large, as the local reader.
const APPEND_CHUNK_BYTES = 1024 * 1024;

// The node's files read through its own tools (cat, tail, ls, stat, readlink, dd) on a command runner: the node
// debug pod's, where the files are on another machine. Paths pass the same checks as every other argument.
export function createRunnerFileReader(runner: CommandRunner): FileReader {
  const run = async (
    command: string,
    args: (path: string) => string[],
    path: string,
    options: {okExitCodes?: number[]; maxOutputBytes?: number} = {},
  ): Promise<CommandOutcome | {ok: false; failure: {line: string}; stderr: string}> => {
    let checked: string;
    try {
      checked = checkedPath(path);
    } catch (error) {
      return {ok: false, failure: {line: error instanceof Error ? error.message : String(error)}, stderr: ''};
    }
    return runner.run(command, args(checked), {timeoutMs: TIMEOUT_MS, ...options});
  };
  const readText = async (path: string): Promise<FileRead> => {
    const read = await run('cat', (checked) => ['--', checked], path);
    return read.ok ? {ok: true, text: read.stdout} : {ok: false, problem: problemOf(path, read.stderr, read.failure)};
  };
  const readTail = async (path: string, maxBytes: number): Promise<FileRead> => {
    // One byte more than asked tells whether the file was cut, and so whether its first line is whole.
    const read = await run('tail', (checked) => ['-c', String(maxBytes + 1), '--', checked], path);
    if (!read.ok) return {ok: false, problem: problemOf(path, read.stderr, read.failure)};
    const cut = Buffer.byteLength(read.stdout) > maxBytes;
    return {ok: true, text: cut ? read.stdout.slice(read.stdout.indexOf('\n') + 1) : read.stdout};
  };
  const stat = async (path: string, format: string): Promise<string | undefined> => {
    const read = await run('stat', (checked) => ['-L', '-c', format, '--', checked], path);
    return read.ok ? read.stdout.trim() : undefined;
  };
  return {
    readText,
    readTail,
    async list(directory) {
      const read = await run('ls', (checked) => ['-1A', '--', checked], directory);
      if (!read.ok) return undefined;
      return read.stdout
        .split('\n')
        .filter((name) => name !== '')
        .sort();
    },
    async exists(path) {
      const read = await run('test', (checked) => ['-e', checked], path, {okExitCodes: [0, 1]});
      return read.ok && read.exitCode === 0;
    },
    async readLink(path) {
      const read = await run('readlink', (checked) => ['--', checked], path);
      return read.ok ? read.stdout.trim() : undefined;
    },
    fileIdentity: (path) => stat(path, '%d:%i'),
    async openGrowing(path, maxBytes) {
      const identity = await stat(path, '%s %i');
      const initial = await readTail(path, maxBytes);
      if (!identity || !initial.ok)
        return {problem: initial.ok ? `${path}: cannot read (stat failed)` : initial.problem};
      const [size = '0', inode = ''] = identity.split(' ');
      return growing(run, stat, path, initial.text, Number(size), inode);
    },
  };
}

function growing(
  run: (
    command: string,
    args: (path: string) => string[],
    path: string,
    options?: {maxOutputBytes?: number},
  ) => Promise<{ok: boolean; stdout?: string; stderr: string; failure?: {line: string}}>,
  stat: (path: string, format: string) => Promise<string | undefined>,
  path: string,
  initial: string,
  size: number,
  inode: string,
): GrowingFile {
  let offset = size;
  return {
    initial,
    async readAppended() {
      // GNU dd reads from a byte offset without a shell (the node's, as every command here).
      const read = await run(
        'dd',
        (checked) => [
          `if=${checked}`,
          'iflag=skip_bytes,count_bytes',
          `skip=${offset}`,
          `count=${APPEND_CHUNK_BYTES}`,
          'status=none',
        ],
        path,
        {maxOutputBytes: APPEND_CHUNK_BYTES + 1},
      );
      if (!read.ok) throw new Error(read.failure?.line ?? `${path}: cannot read`);
      const text = read.stdout ?? '';
      if (text === '') {
        const now = Number((await stat(path, '%s')) ?? offset);
        // A truncated file (copytruncate rotation) starts again from its beginning.
        if (now < offset) offset = 0;
      }
      offset += Buffer.byteLength(text);
      return text;
    },
    async isReplaced() {
      const now = await stat(path, '%i');
      return now === undefined || now !== inode;
    },
    close: () => Promise.resolve(),
  };
}

// The local reader's wording, from the tool's message.
function problemOf(path: string, stderr: string, failure: {line: string}): string {
  if (/No such file/i.test(stderr)) return `${path}: not present`;
  if (/Permission denied|Operation not permitted/i.test(stderr)) return `${path}: permission denied; try again as root`;
  return `${path}: cannot read (${failure.line})`;
}
