import type {AccessQuestion} from '../cluster/access-review.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {ActionSpec} from './action-types.js';

// The containers view has no resource kind of its own: its rows are a pod's containers, and the actions that take
// a container (shell, attach, port-forward) name this pseudo kind so their keys answer there too.
export const CONTAINER_ROWS = 'containers';

const FORWARDED = [
  'pods',
  CONTAINER_ROWS,
  'services',
  'deployments.apps',
  'statefulsets.apps',
  'daemonsets.apps',
  'replicasets.apps',
  'jobs.batch',
];

const onPods =
  (subresource: string) =>
  (_kind: ResourceKind, namespace: string | undefined): AccessQuestion => ({
    verb: 'create',
    group: '',
    resource: 'pods',
    subresource,
    ...(namespace !== undefined ? {namespace} : {}),
  });

// Actions that take the terminal over (shell, attach, edit) or open a prompt of their own (port-forward). Their
// keys, kinds, reviews and --readonly handling are data like every action's; the UI runs them
// (src/ui/use-interactive-actions.ts), and their own runners ask the review when the key is pressed.
export const INTERACTIVE_ACTIONS: readonly ActionSpec[] = [
  {
    id: 'shell',
    command: 'action.shell',
    keys: [{label: 's', input: 's'}],
    description: 'shell in the pod or container (bash, else sh; exit returns; kept under --readonly)',
    kinds: ['pods', CONTAINER_ROWS],
    review: onPods('exec'),
    // An exec creates nothing in the cluster, so --readonly keeps it.
    mutating: false,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: () => 'shell',
    run: {type: 'interactive'},
  },
  {
    id: 'attach',
    command: 'action.attach',
    keys: [{label: 'a', input: 'a'}],
    description: "attach to the container's process (ctrl-p ctrl-q detaches; kept under --readonly)",
    kinds: ['pods', CONTAINER_ROWS],
    review: onPods('attach'),
    mutating: false,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: () => 'attach',
    run: {type: 'interactive'},
  },
  {
    id: 'edit',
    command: 'action.edit',
    keys: [{label: 'E', input: 'E'}],
    description: 'edit the object in $KUBE_EDITOR or $EDITOR (E: e is events; not under --readonly)',
    kinds: 'any',
    review: (kind, namespace) => ({
      verb: 'update',
      group: kind.group,
      resource: kind.plural,
      ...(kind.namespaced && namespace !== undefined ? {namespace} : {}),
    }),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: () => 'edit',
    run: {type: 'interactive'},
  },
  {
    id: 'portForward',
    command: 'action.portForward',
    // shift-f as in k9s.
    keys: [{label: 'F', input: 'F'}],
    description: 'port-forward a pod, service or workload to a local port (:pf lists them; works with --readonly)',
    kinds: FORWARDED,
    review: onPods('portforward'),
    // A local listener creates nothing in the cluster, so --readonly keeps it.
    mutating: false,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: () => 'port-forward',
    run: {type: 'interactive'},
  },
];
