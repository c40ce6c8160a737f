import {TABLE_ACCEPT} from '../../src/cluster/api-client.js';
import {openBareClient} from './bare-client.js';

// The floor: kview's own list (every page of 2,000 in the server's Table rendering, as table-watch.ts asks for it)
// fetched on one new connection and parsed, with nothing else in the process doing anything.
export async function measureFloor(kubeconfig: string, pageSize = 2000): Promise<number> {
  const client = openBareClient(kubeconfig, 1);
  const started = performance.now();
  const rows: unknown[] = [];
  let token = '';
  try {
    do {
      const query = new URLSearchParams({limit: String(pageSize)});
      if (token) query.set('continue', token);
      const page = JSON.parse(
        await client.request('GET', `/api/v1/pods?${query.toString()}`, undefined, undefined, TABLE_ACCEPT),
      ) as {
        rows?: unknown[];
        metadata?: {continue?: string};
      };
      for (const row of page.rows ?? []) rows.push(row);
      token = page.metadata?.continue ?? '';
    } while (token);
    return performance.now() - started;
  } finally {
    client.close();
  }
}
