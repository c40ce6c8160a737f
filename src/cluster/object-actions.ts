import type {ApiClient} from './api-client.js';
import {objectPath, NODE_KIND} from './resource-kind.js';
import type {ResourceKind} from './resource-kind.js';
import type {RowObject} from './types.js';

export async function setUnschedulable(client: ApiClient, node: string, unschedulable: boolean): Promise<void> {
  await client.sendJson(
    'PATCH',
    objectPath(NODE_KIND, undefined, node),
    {spec: {unschedulable}},
    'application/strategic-merge-patch+json',
  );
}

// PUT of the whole object: its metadata.resourceVersion makes the server refuse it (409) when the object changed
// since it was read, so an edit never overwrites someone else's change unseen (kubectl edit does the same).
export async function replaceObject(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  object: unknown,
): Promise<RowObject> {
  return client.sendJson<RowObject>('PUT', objectPath(kind, namespace, name), object);
}
