import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {KubeConfig} from '@kubernetes/client-node';
import type {Cluster, Context, User} from '@kubernetes/client-node';
import {KviewError} from './kview-error.js';

export interface KubeconfigRequest {
  kubeconfigPath?: string;
  context?: string;
  namespace?: string;
  environment: Record<string, string | undefined>;
  homeDirectory: string;
  isRoot: boolean;
  fileExists?: (path: string) => boolean;
}

export interface ClusterConnection {
  kubeConfig: KubeConfig;
  contextName: string;
  clusterName: string;
  server: string;
  userName: string;
  namespace: string;
  // Where the configuration came from, shown in the header so an operator knows which file is in force.
  source: string;
}

const IN_CLUSTER_TOKEN = '/var/run/secrets/kubernetes.io/serviceaccount/token';
const KUBEADM_ADMIN_CONF = '/etc/kubernetes/admin.conf';

// Same order as kubectl (flag, KUBECONFIG, ~/.kube/config, in-cluster), then kubeadm's admin.conf for root on a
// control-plane node: the fix operators otherwise apply by hand after "no configuration has been provided".
export function loadClusterConnection(request: KubeconfigRequest): ClusterConnection {
  const fileExists = request.fileExists ?? existsSync;
  const {kubeConfig, source} = discover(request, fileExists);
  if (request.context) {
    if (!kubeConfig.getContextObject(request.context)) {
      const known =
        kubeConfig
          .getContexts()
          .map((context) => context.name)
          .join(', ') || 'none';
      throw new KviewError(
        `context "${request.context}" does not exist in ${source}`,
        `known contexts: ${known}`,
        'bad-configuration',
      );
    }
    kubeConfig.setCurrentContext(request.context);
  }
  const contextName = kubeConfig.getCurrentContext();
  const context = kubeConfig.getContextObject(contextName);
  const cluster = kubeConfig.getCurrentCluster();
  if (!context || !cluster) {
    throw new KviewError(
      `${source} has no usable current context`,
      'pick one with --context NAME, or set current-context in the file',
      'bad-configuration',
    );
  }
  return {
    kubeConfig,
    contextName,
    clusterName: cluster.name,
    server: cluster.server,
    userName: context.user,
    namespace: request.namespace ?? context.namespace ?? 'default',
    source,
  };
}

function discover(request: KubeconfigRequest, fileExists: (path: string) => boolean) {
  if (request.kubeconfigPath) {
    if (!fileExists(request.kubeconfigPath)) {
      throw new KviewError(
        `kubeconfig file ${request.kubeconfigPath} does not exist`,
        'check the path given to --kubeconfig',
        'no-configuration',
      );
    }
    return {kubeConfig: loadFiles([request.kubeconfigPath]), source: request.kubeconfigPath};
  }
  const fromEnvironment = (request.environment.KUBECONFIG ?? '').split(':').filter((path) => path.length > 0);
  if (fromEnvironment.length > 0) {
    // kubectl skips KUBECONFIG entries that do not exist and merges the rest, first file winning.
    const present = fromEnvironment.filter((path) => fileExists(path));
    if (present.length > 0) return {kubeConfig: loadFiles(present), source: present.join(':')};
  }
  const home = join(request.homeDirectory, '.kube', 'config');
  if (fileExists(home)) return {kubeConfig: loadFiles([home]), source: home};
  if (request.environment.KUBERNETES_SERVICE_HOST && fileExists(IN_CLUSTER_TOKEN)) {
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromCluster();
    return {kubeConfig, source: 'in-cluster service account'};
  }
  if (request.isRoot && fileExists(KUBEADM_ADMIN_CONF)) {
    return {kubeConfig: loadFiles([KUBEADM_ADMIN_CONF]), source: KUBEADM_ADMIN_CONF};
  }
  throw new KviewError(
    'no configuration has been provided (no --kubeconfig, KUBECONFIG, ~/.kube/config or in-cluster account)',
    'export KUBECONFIG=/etc/kubernetes/admin.conf on a control-plane node, or copy it to ~/.kube/config',
    'no-configuration',
  );
}

// kubectl's merge: the first file that defines a name (or a current-context) wins; later files only add.
function loadFiles(paths: string[]): KubeConfig {
  const clusters = new Map<string, Cluster>();
  const users = new Map<string, User>();
  const contexts = new Map<string, Context>();
  let currentContext = '';
  for (const path of paths) {
    const single = new KubeConfig();
    try {
      single.loadFromFile(path);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new KviewError(
        `cannot read kubeconfig ${path}: ${reason}`,
        'check the file is valid kubeconfig YAML',
        'bad-configuration',
      );
    }
    for (const cluster of single.getClusters()) if (!clusters.has(cluster.name)) clusters.set(cluster.name, cluster);
    for (const user of single.getUsers()) if (!users.has(user.name)) users.set(user.name, user);
    for (const context of single.getContexts()) if (!contexts.has(context.name)) contexts.set(context.name, context);
    if (!currentContext && single.getCurrentContext()) currentContext = single.getCurrentContext();
  }
  const merged = new KubeConfig();
  merged.loadFromOptions({
    clusters: [...clusters.values()],
    users: [...users.values()],
    contexts: [...contexts.values()],
    currentContext,
  });
  return merged;
}
