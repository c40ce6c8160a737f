import {mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join} from 'node:path';

// A PATH that has every command of this machine's PATH except the ones named, so a test states which tools the
// node has instead of depending on what this host happens to have installed (crictl, for one, is on some hosts).
export function pathWithout(excluded: readonly string[], environmentPath = process.env.PATH ?? ''): string {
  const directory = mkdtempSync(join(tmpdir(), 'kview-path-'));
  const seen = new Set(excluded);
  for (const entry of environmentPath.split(delimiter).filter((part) => part !== '')) {
    let names: string[];
    try {
      names = readdirSync(entry);
    } catch {
      continue;
    }
    for (const name of names) {
      if (seen.has(name)) continue;
      seen.add(name);
      const target = join(entry, name);
      try {
        if (statSync(target).isFile()) symlinkSync(target, join(directory, name));
      } catch {
        // a dangling link or an unreadable entry is not a command
      }
    }
  }
  return directory;
}

// A directory holding one stand-in script, for the one command a test must answer in a known way.
export function standInDirectory(name: string, script: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'kview-stand-in-'));
  mkdirSync(directory, {recursive: true});
  writeFileSync(join(directory, name), script, {mode: 0o755});
  return directory;
}
