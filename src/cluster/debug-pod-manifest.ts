// The node debug pod kview creates on request: kubectl debug node's sysadmin profile (privileged, the host's PID,
// network and IPC namespaces, the host's root at /host), pinned to the node and tolerating every taint, so it
// runs on a node that is cordoned, NotReady or under pressure, which is when it is needed.
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
export const MANAGED_BY = 'kview';
export const NODE_DEBUG_LABEL = 'kview.dev/node-debug';
export const OWNER_ANNOTATION = 'kview.dev/owner';
export const CREATED_ANNOTATION = 'kview.dev/created';
export const DEBUG_POD_SELECTOR = `${MANAGED_BY_LABEL}=${MANAGED_BY},${NODE_DEBUG_LABEL}`;
export const DEBUG_CONTAINER = 'debug';
export const HOST_ROOT = '/host';

// Who started the pod: enough to tell, at the next start, whether the kview that owns it is still alive.
export interface DebugPodOwner {
  user: string;
  host: string;
  pid: number;
}

export interface DebugPodRequest {
  node: string;
  namespace: string;
  image: string;
  // Kubernetes ends the pod after this long even if kview is killed and never deletes it.
  deadlineSeconds: number;
  owner: DebugPodOwner;
  createdAt: Date;
  // A few random characters so two sessions on one node do not collide.
  suffix: string;
}

// The fixed environment of every command run in the pod: a PATH that finds the node's tools, and
// output that parses (C locale, no pager, no colours), as the local runner sets it.
const COMMAND_ENVIRONMENT: ReadonlyArray<{name: string; value: string}> = [
  {name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'},
  {name: 'LC_ALL', value: 'C'},
  {name: 'SYSTEMD_COLORS', value: '0'},
  {name: 'SYSTEMD_PAGER', value: ''},
  {name: 'PAGER', value: 'cat'},
];

export function ownerText(owner: DebugPodOwner): string {
  return `${owner.user}@${owner.host} pid ${owner.pid}`;
}

export function parseOwner(text: string | undefined): DebugPodOwner | undefined {
  const match = /^(.*)@(.*) pid (\d+)$/.exec(text ?? '');
  if (!match) return undefined;
  return {user: match[1] ?? '', host: match[2] ?? '', pid: Number(match[3])};
}

// A DNS label: the node's name lower-cased with anything else turned into dashes, cut so the whole fits 63.
export function debugPodName(node: string, suffix: string): string {
  const base = node
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const tail = `-${suffix}`;
  const head = `kview-debug-${base}`.slice(0, 63 - tail.length).replace(/-+$/, '');
  return `${head}${tail}`;
}

// A label value holds at most 63 characters of [A-Za-z0-9._-]; a longer node name is kept whole in the spec.
function labelValue(node: string): string {
  return node
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

export function debugPodManifest(request: DebugPodRequest): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: debugPodName(request.node, request.suffix),
      namespace: request.namespace,
      labels: {[MANAGED_BY_LABEL]: MANAGED_BY, [NODE_DEBUG_LABEL]: labelValue(request.node)},
      annotations: {
        [OWNER_ANNOTATION]: ownerText(request.owner),
        [CREATED_ANNOTATION]: request.createdAt.toISOString(),
      },
    },
    spec: {
      nodeName: request.node,
      hostPID: true,
      hostNetwork: true,
      hostIPC: true,
      restartPolicy: 'Never',
      activeDeadlineSeconds: request.deadlineSeconds,
      // sleep as PID 1 ignores SIGTERM: without this a delete waits the default 30 s.
      terminationGracePeriodSeconds: 1,
      tolerations: [{operator: 'Exists'}],
      // Nothing in the pod talks to the API server.
      automountServiceAccountToken: false,
      enableServiceLinks: false,
      containers: [
        {
          name: DEBUG_CONTAINER,
          image: request.image,
          imagePullPolicy: 'IfNotPresent',
          command: ['sleep', String(request.deadlineSeconds)],
          env: COMMAND_ENVIRONMENT,
          securityContext: {privileged: true},
          volumeMounts: [{name: 'host-root', mountPath: HOST_ROOT}],
        },
      ],
      volumes: [{name: 'host-root', hostPath: {path: '/'}}],
    },
  };
}
