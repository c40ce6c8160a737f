import type {TableColumnDefinition, TableRow} from '../cluster/types.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {EVENT_HEADERS, renderEventCells} from './event-row.js';
import {NODE_EXTRA_HEADERS, nodeExtraCells} from './node-extras.js';
import {columnLayout, renderRow} from './server-table.js';
import {sanitizeCell} from './sanitize-text.js';

export interface RendererOptions {
  wide: boolean;
  withNamespace: boolean;
  podsPerNode?: ReadonlyMap<string, number>;
}

export interface TableRenderer {
  headers: string[];
  render(row: TableRow, now: number): string[];
}

// How a kind's rows become cells: the server's Table columns for every kind (what kubectl prints), except events,
// which follow `kubectl events` (LAST SEEN with "(xN over D)"), and nodes, which get PODS and TAINTS appended.
export function tableRenderer(kind: ResourceKind, columns: TableColumnDefinition[], options: RendererOptions)
  : TableRenderer {
  if (kind.plural === 'events' && kind.group === '') {
    return {
      headers: options.withNamespace ? ['NAMESPACE', ...EVENT_HEADERS] : EVENT_HEADERS,
      render: (row, now) => {
        const cells = renderEventCells(row.object, now);
        return options.withNamespace ? [sanitizeCell(row.object?.metadata?.namespace ?? ''), ...cells] : cells;
      },
    };
  }
  const layout = columnLayout(columns, {wide: options.wide, withNamespace: options.withNamespace && kind.namespaced});
  if (kind.plural === 'nodes' && kind.group === '') {
    return {
      headers: [...layout.headers, ...NODE_EXTRA_HEADERS],
      render: (row, now) => [...renderRow(row, layout, now),
        ...nodeExtraCells(row.object, row.object?.metadata?.name ?? '', options.podsPerNode)],
    };
  }
  return {headers: layout.headers, render: (row, now) => renderRow(row, layout, now)};
}
