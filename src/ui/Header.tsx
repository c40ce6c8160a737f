import {Text} from './themed-text.js';
import type {ClusterIdentity} from './world.js';

interface HeaderProps {
  identity: ClusterIdentity;
  namespace: string | undefined;
  recentNamespaces: readonly string[];
  readonly: boolean;
  location: string;
  // Shown for views that draw no status line of their own (logs), so every view names its kubectl command.
  kubectl?: string;
}

// Who and where: context, cluster, user, namespace, the numbered recent namespaces, and the view's place.
export function Header({identity, namespace, recentNamespaces, readonly, location, kubectl}: HeaderProps) {
  const recent = recentNamespaces.map((name, index) => `${index + 1}:${name}`).join(' ');
  return (
    <Text wrap="truncate-end">
      <Text bold color="cyan">
        kview
      </Text>
      <Text>{`  ctx: ${identity.contextName}  cluster: ${identity.clusterName}  user: ${identity.userName}`}</Text>
      <Text>{`  ns: ${namespace ?? 'all'}`}</Text>
      {readonly ? <Text color="yellow"> [readonly]</Text> : null}
      <Text dimColor>{`  0:all ${recent}`}</Text>
      <Text color="cyan">{`  ‹${location}›`}</Text>
      {kubectl ? <Text dimColor>{`  $ ${kubectl}`}</Text> : null}
    </Text>
  );
}
