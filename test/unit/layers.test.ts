import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';

// The layers of src/ and which way imports may flow: cluster access -> pure renderers -> pure state -> Ink views,
// with the node's commands beside the cluster. Read from the source files themselves, so a stray import fails.
const root = new URL('../../src/', import.meta.url).pathname;
const MAY_IMPORT: Record<string, readonly string[]> = {
  cluster: [],
  // Files kview itself writes on this machine (the log view's save).
  io: [],
  'node-tools': ['cluster'],
  resources: ['cluster'],
  state: ['cluster', 'resources'],
  ui: ['cluster', 'io', 'node-tools', 'resources', 'state'],
  cli: ['cluster', 'io', 'node-tools', 'resources', 'state', 'ui'],
};
// Packages only one layer may import.
const OWNED_BY: Record<string, string> = {
  '@kubernetes/client-node': 'cluster',
  react: 'ui',
  ink: 'ui',
  'ink-select-input': 'ui',
  'ink-text-input': 'ui',
  'node:child_process': 'node-tools',
  child_process: 'node-tools',
};

// Modules a layer may not import at all: the views write no files themselves (see src/io/).
const KEPT_OUT_OF: Record<string, readonly string[]> = {
  ui: ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'],
};

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(directory, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(directory, entry.name)]
        : [],
  );
}

test('imports flow one way between the layers, and client-node, react/ink and child_process stay in theirs', () => {
  const problems: string[] = [];
  const files = sourceFiles(root);
  assert.ok(files.length > 100, 'the source tree was found');
  for (const file of files) {
    const path = relative(root, file);
    const layer = path.split('/')[0] ?? '';
    assert.ok(layer in MAY_IMPORT, `${path} is in a known layer`);
    for (const match of readFileSync(file, 'utf8').matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) {
        const resolved = relative(root, join(file, '..', specifier));
        // --version reads the package's own manifest.
        if (resolved === '../package.json') continue;
        const target = resolved.split('/')[0] ?? '';
        if (target !== layer && !MAY_IMPORT[layer]?.includes(target)) problems.push(`${path} imports ${specifier}`);
      } else {
        const owner = OWNED_BY[specifier];
        if (owner && owner !== layer) problems.push(`${path} imports ${specifier} (only ${owner}/ may)`);
        if (KEPT_OUT_OF[layer]?.includes(specifier)) problems.push(`${path} imports ${specifier} (not in ${layer}/)`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
