import type {ApiClient} from './api-client.js';
import type {ResourceKind} from './resource-kind.js';

interface ApiResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
  shortNames?: string[];
}

interface ApiGroupList {
  groups: Array<{name: string; preferredVersion?: {version: string}; versions: Array<{version: string}>}>;
}

// Every listable kind the server serves, as `kubectl api-resources` lists them (client-go's
// ServerPreferredResources): each group's preferred version, plus what only its other versions serve, so a 1.20
// server's CronJobs (batch/v1beta1 only, while batch prefers v1) are found. Groups that fail to answer (an
// aggregated API that is down) are skipped rather than failing the whole list.
export async function discoverKinds(client: ApiClient): Promise<ResourceKind[]> {
  const groupVersions: Array<{group: string; version: string}> = [{group: '', version: 'v1'}];
  const groups = await client.getJson<ApiGroupList>('/apis');
  for (const group of groups.groups) {
    const preferred = group.preferredVersion?.version ?? group.versions[0]?.version;
    const versions = [preferred, ...group.versions.map((entry) => entry.version)].filter(
      (version, index, all): version is string => version !== undefined && all.indexOf(version) === index,
    );
    for (const version of versions) groupVersions.push({group: group.name, version});
  }
  const lists = await Promise.all(
    groupVersions.map(async ({group, version}) => {
      const path = group === '' ? '/api/v1' : `/apis/${group}/${version}`;
      try {
        const list = await client.getJson<{resources: ApiResource[]}>(path);
        return list.resources
          .filter((resource) => !resource.name.includes('/') && (resource.verbs ?? []).includes('list'))
          .map((resource): ResourceKind => ({
            plural: resource.name,
            singular: resource.singularName || resource.kind.toLowerCase(),
            kind: resource.kind,
            group,
            version,
            namespaced: resource.namespaced,
            shortNames: resource.shortNames ?? [],
            verbs: resource.verbs ?? [],
          }));
      } catch {
        return [];
      }
    }),
  );
  // The lists come preferred version first within each group: the first version of a resource wins.
  const seen = new Set<string>();
  return lists.flat().filter((kind) => {
    const key = `${kind.plural}.${kind.group}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
