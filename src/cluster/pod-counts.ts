import type {ApiClient} from './api-client.js';
import {TABLE_ACCEPT} from './api-client.js';
import {POD_KIND, collectionPath} from './resource-kind.js';
import type {ServerTable} from './types.js';

// Pods per node from the API server's watch cache in one request: resourceVersion=0 is answered from memory
// (not etcd, not paged) and includeObject=None leaves only the cells, so 100,000 pods are about 13 MB and under a
// second where the paged metadata list takes 18 s and 330 MB. The answer may trail etcd by a moment, like any
// informer's first list; the nodes view replaces it with the exact watch's counts once that has read everything.
export async function quickPodCounts(client: ApiClient, signal?: AbortSignal): Promise<Map<string, number>> {
  const query = new URLSearchParams({resourceVersion: '0', includeObject: 'None'});
  const table = await client.getJson<ServerTable>(
    `${collectionPath(POD_KIND, undefined)}?${query.toString()}`,
    TABLE_ACCEPT,
    signal,
  );
  return countByNodeCell(table);
}

export function countByNodeCell(table: ServerTable): Map<string, number> {
  const column = (table.columnDefinitions ?? []).findIndex((definition) => definition.name === 'Node');
  const counts = new Map<string, number>();
  if (column < 0) return counts;
  for (const row of table.rows ?? []) {
    const node = row.cells[column];
    if (typeof node === 'string' && node !== '<none>' && node !== '') counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}
