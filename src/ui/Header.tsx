import React from 'react';
import {Box, Text} from 'ink';
import type {ConnectionState} from '../cluster/types.js';
import type {ClusterIdentity} from './world.js';
import {connectionLabel} from './connection-label.js';

interface HeaderProps {
  identity: ClusterIdentity;
  namespace: string | undefined;
  connection: ConnectionState;
  readonly: boolean;
  kubectlEquivalent: string;
  count: number;
  width: number;
}

export function Header({identity, namespace, connection, readonly, kubectlEquivalent, count, width}: HeaderProps) {
  const status = connectionLabel(connection, count);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end">
        <Text bold color="cyan">kview</Text>
        <Text>{`  context: ${identity.contextName}  cluster: ${identity.clusterName}  user: ${identity.userName}`}</Text>
        <Text>{`  namespace: ${namespace ?? 'all'}`}</Text>
        {readonly ? <Text color="yellow">  [readonly]</Text> : null}
      </Text>
      <Text wrap="truncate-end">
        <Text color={status.color}>{status.text}</Text>
        <Text dimColor>{`  ${identity.server}  $ ${kubectlEquivalent}`}</Text>
      </Text>
    </Box>
  );
}
