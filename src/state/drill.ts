import {NODE_KIND} from '../cluster/resource-kind.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {kindId, profileOf} from './kind-profile.js';
import type {SelectedObject} from './kind-profile.js';
import type {ViewTarget} from './navigation.js';

export type {SelectedObject} from './kind-profile.js';
export {eventsFor, selectorOf} from './kind-profile.js';

// Enter, as k9s users expect it: a node opens its pods, a namespace its pods, a pod its containers, a workload
// the pods its selector picks, an event the object it is about; anything else its YAML (kind-profile.ts).
export function drillTarget(selected: SelectedObject): ViewTarget | {needsObject: true} {
  return profileOf(selected.kind).drill(selected);
}

export function isNode(kind: ResourceKind): boolean {
  return kindId(kind) === kindId(NODE_KIND);
}

// l: the logs of what is selected, one stream per pod for anything that has pods (stern's model).
export function logsTarget(selected: SelectedObject): ViewTarget | undefined {
  return profileOf(selected.kind).logs(selected);
}
