import {useEffect, useState} from 'react';
import {POD_KIND} from '../cluster/resource-kind.js';
import type {RowChange, TableColumnDefinition, TableRow} from '../cluster/types.js';
import type {PodsPerNode} from '../resources/node-extras.js';
import {rowKey} from '../resources/server-table.js';
import type {ClusterApi} from './world.js';

// The nodes view's PODS column. First the watch cache's count (one small request, under a second at 100,000
// pods), then a metadata-only pods watch counted by the Node cell, which replaces it once its list is read and
// keeps it current. 'counting' until the first of the two answers; undefined when the user may not list pods in
// every namespace, which the column shows as n/a.
export function usePodsPerNode(cluster: ClusterApi, enabled: boolean): PodsPerNode {
  const [counts, setCounts] = useState<PodsPerNode>('counting');
  useEffect(() => {
    if (!enabled) return undefined;
    let current = true;
    const nodes = new Map<string, string>();
    let nodeColumn = -1;
    let exact = false;
    let timer: NodeJS.Timeout | undefined;
    const publish = () => {
      timer = undefined;
      if (current) setCounts(countNodes(nodes));
    };
    const schedule = () => {
      timer ??= setTimeout(publish, 200);
    };
    const nodeOf = (row: TableRow) => {
      const node = row.cells[nodeColumn];
      return typeof node === 'string' && node !== '<none>' && node !== '' ? node : undefined;
    };
    const apply = (changes: readonly RowChange[]) => {
      for (const change of changes) {
        const key = rowKey(change.row);
        const node = change.type === 'DELETED' ? undefined : nodeOf(change.row);
        if (node === undefined) nodes.delete(key);
        else nodes.set(key, node);
      }
    };
    cluster.quickPodCounts().then(
      (quick) => {
        if (current && !exact) setCounts(quick);
      },
      // An older server, or one without a watch cache: the watch below counts alone.
      () => undefined,
    );
    const watch = cluster.watchTable(
      POD_KIND,
      {namespace: undefined},
      {
        snapshot(columns: TableColumnDefinition[], rows: TableRow[]) {
          nodeColumn = columns.findIndex((column) => column.name === 'Node');
          nodes.clear();
          apply(rows.map((row) => ({type: 'ADDED', row})));
          exact = true;
          schedule();
        },
        changes(changes) {
          apply(changes);
          schedule();
        },
        state(state) {
          if (state.phase === 'forbidden') setCounts(undefined);
        },
      },
    );
    return () => {
      current = false;
      watch.stop();
      if (timer) clearTimeout(timer);
    };
  }, [cluster, enabled]);
  return counts;
}

// Only each pod's node is kept, not its row: at 100,000 pods the rows would be most of kview's memory here.
function countNodes(nodes: ReadonlyMap<string, string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const node of nodes.values()) counts.set(node, (counts.get(node) ?? 0) + 1);
  return counts;
}
