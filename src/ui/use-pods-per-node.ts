import {useEffect, useState} from 'react';
import {POD_KIND} from '../cluster/resource-kind.js';
import type {TableColumnDefinition, TableRow} from '../cluster/types.js';
import {applyChanges, applySnapshot, emptyTableData} from '../state/table-data.js';
import type {TableData} from '../state/table-data.js';
import type {PodsPerNode} from '../resources/node-extras.js';
import type {ClusterApi} from './world.js';

// The nodes view's PODS column: a metadata-only pods watch counted by the Node cell. 'counting' until its first
// list is read; undefined when the user may not list pods in every namespace, which the column shows as n/a.
export function usePodsPerNode(cluster: ClusterApi, enabled: boolean): PodsPerNode {
  const [counts, setCounts] = useState<PodsPerNode>('counting');
  useEffect(() => {
    if (!enabled) return undefined;
    let data: TableData = emptyTableData;
    let timer: NodeJS.Timeout | undefined;
    const publish = () => {
      timer = undefined;
      setCounts(countByNode(data));
    };
    const schedule = () => {
      timer ??= setTimeout(publish, 200);
    };
    const watch = cluster.watchTable(
      POD_KIND,
      {namespace: undefined},
      {
        snapshot(columns: TableColumnDefinition[], rows: TableRow[]) {
          data = applySnapshot(data, columns, rows);
          schedule();
        },
        changes(changes) {
          data = applyChanges(data, changes);
          schedule();
        },
        state(state) {
          if (state.phase === 'forbidden') setCounts(undefined);
        },
      },
    );
    return () => {
      watch.stop();
      if (timer) clearTimeout(timer);
    };
  }, [cluster, enabled]);
  return counts;
}

function countByNode(data: TableData): Map<string, number> {
  const nodeColumn = data.columns.findIndex((column) => column.name === 'Node');
  const counts = new Map<string, number>();
  for (const row of data.rows.values()) {
    const node = row.cells[nodeColumn];
    if (typeof node === 'string' && node !== '<none>') counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}
