import type {TableColumnDefinition, TableRow} from '../cluster/types.js';
import {EVENT_HEADERS, renderEventCells} from './event-row.js';
import {NODE_EXTRA_HEADERS, NODE_USAGE_HEADERS, nodeExtraCells, nodeUsageCells} from './node-extras.js';
import type {PodsPerNode} from './node-extras.js';
import type {NodeUsage} from '../cluster/node-metrics.js';
import {columnLayout, renderRow} from './server-table.js';
import {sanitizeCell} from './sanitize-text.js';

export interface RendererOptions {
  wide: boolean;
  withNamespace: boolean;
  podsPerNode?: PodsPerNode;
  // From metrics-server; undefined when it does not answer, and then no usage columns are shown.
  nodeUsage?: ReadonlyMap<string, NodeUsage>;
  // Some listed pod is a static (mirror) pod: a STATIC column after kubectl's marks them.
  mirrorPods?: boolean;
}

export interface TableRenderer {
  headers: string[];
  render(row: TableRow, now: number): string[];
}

// Which of the renderers below a kind uses; the kind registry (state/kind-profile.ts) says which.
export type TableVariant = 'server' | 'events' | 'nodes' | 'pods';

// How a kind's rows become cells: the server's Table columns for every kind (what kubectl prints), except events,
// which follow `kubectl events` (LAST SEEN with "(xN over D)"), and nodes, which get PODS and TAINTS appended.
export function tableRenderer(
  kind: {variant: TableVariant; namespaced: boolean},
  columns: TableColumnDefinition[],
  options: RendererOptions,
): TableRenderer {
  if (kind.variant === 'events') {
    return {
      headers: options.withNamespace ? ['NAMESPACE', ...EVENT_HEADERS] : EVENT_HEADERS,
      render: (row, now) => {
        const cells = renderEventCells(row.object, now);
        return options.withNamespace ? [sanitizeCell(row.object?.metadata?.namespace ?? ''), ...cells] : cells;
      },
    };
  }
  const layout = columnLayout(columns, {wide: options.wide, withNamespace: options.withNamespace && kind.namespaced});
  if (kind.variant === 'nodes') {
    const usage = options.nodeUsage;
    return {
      headers: [...layout.headers, ...NODE_EXTRA_HEADERS, ...(usage ? NODE_USAGE_HEADERS : [])],
      render: (row, now) => {
        const name = row.object?.metadata?.name ?? '';
        return [
          ...renderRow(row, layout, now),
          ...nodeExtraCells(row.object, name, options.podsPerNode),
          ...(usage ? nodeUsageCells(row.object, usage.get(name)) : []),
        ];
      },
    };
  }
  if (kind.variant === 'pods' && options.mirrorPods) {
    return {
      headers: [...layout.headers, 'STATIC'],
      render: (row, now) => [...renderRow(row, layout, now), isMirrorPod(row) ? 'static' : ''],
    };
  }
  return {headers: layout.headers, render: (row, now) => renderRow(row, layout, now)};
}

// The kubelet runs static pods from its manifest directory; the API shows a mirror of each, which deleting
// through the API cannot remove (the kubelet recreates it).
export function isMirrorPod(row: TableRow): boolean {
  return row.object?.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}
