import {createApiClient} from './api-client.js';
import type {ApiClient} from './api-client.js';
import {loadClusterConnection} from './kubeconfig.js';
import type {ClusterConnection, KubeconfigRequest} from './kubeconfig.js';
import {podsPath} from './paths.js';
import {startTableWatch} from './table-watch.js';
import type {TableWatchOptions, TableWatchSink} from './table-watch.js';

export interface ClusterSession {
  connection: ClusterConnection;
  client: ApiClient;
  // Fails fast with a KviewError (refused, forbidden, unauthorized...) before the full-screen UI opens.
  checkPodsReadable(namespace: string | undefined): Promise<void>;
  watchPods(namespace: string | undefined, sink: TableWatchSink): {stop: () => void};
}

export function openClusterSession(request: KubeconfigRequest, watchOptions: TableWatchOptions = {}): ClusterSession {
  const connection = loadClusterConnection(request);
  const client = createApiClient(connection.kubeConfig);
  return {
    connection,
    client,
    async checkPodsReadable(namespace) {
      await client.getJson(`${podsPath(namespace)}?limit=1`);
    },
    watchPods(namespace, sink) {
      return startTableWatch(client, podsPath(namespace), sink, watchOptions);
    },
  };
}
