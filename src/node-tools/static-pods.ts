import type {FileReader} from './file-reader.js';

export interface StaticPodManifest {
  path: string;
  // metadata.name; the API shows the mirror pod as "<name>-<node name>".
  name: string;
}

// Only metadata.name is needed: the first indented "name:" after a top-level "metadata:" line; no YAML library.
export function manifestPodName(text: string): string | undefined {
  let inMetadata = false;
  for (const line of text.split('\n')) {
    if (/^metadata:\s*$/.test(line)) inMetadata = true;
    else if (/^\S/.test(line)) inMetadata = false;
    else if (inMetadata) {
      const name = /^\s+name:\s*["']?([A-Za-z0-9.-]+)/.exec(line)?.[1];
      if (name) return name;
    }
  }
  return undefined;
}

export async function readStaticPodManifests(files: FileReader, directory: string): Promise<StaticPodManifest[]> {
  const manifests: StaticPodManifest[] = [];
  for (const file of (await files.list(directory)) ?? []) {
    if (!/\.(ya?ml|json)$/.test(file)) continue;
    const path = `${directory}/${file}`;
    const read = await files.readText(path);
    const name = read.ok ? manifestPodName(read.text) : undefined;
    if (name) manifests.push({path, name});
  }
  return manifests;
}

export function manifestForPod(
  manifests: readonly StaticPodManifest[],
  podName: string,
  nodeName: string,
): StaticPodManifest | undefined {
  return manifests.find((manifest) => manifest.name === podName || `${manifest.name}-${nodeName}` === podName);
}
