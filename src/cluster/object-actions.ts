import type {ApiClient} from './api-client.js';
import {objectPath, NODE_KIND} from './resource-kind.js';

export async function setUnschedulable(client: ApiClient, node: string, unschedulable: boolean): Promise<void> {
  await client.sendJson(
    'PATCH',
    objectPath(NODE_KIND, undefined, node),
    {spec: {unschedulable}},
    'application/strategic-merge-patch+json',
  );
}
