import type {ResourceKind} from '../cluster/resource-kind.js';

export type ActionVerb = 'delete' | 'cordon' | 'uncordon' | 'drain';

// An action the user asked for; it runs only after the confirmation dialog says so.
export interface ActionRequest {
  verb: ActionVerb;
  kind: ResourceKind;
  namespace: string | undefined;
  name: string;
}
