import {isMirrorPod} from '../resources/table-renderer.js';
import type {TableData} from './table-data.js';

// Whether any listed pod is a static (mirror) pod, which adds the STATIC column. Kept between versions of the
// table and worked out from the keys a batch changed: looking through 100,000 rows on every batch cost more than
// the batch (a cluster without static pods has no early match to stop at).
export function createMirrorTracker(): (table: TableData) => boolean {
  let mirrors = new Set<string>();
  let version: number | undefined;
  return (table) => {
    if (table.version === version) return mirrors.size > 0;
    if (version !== undefined && table.changed?.since === version) {
      for (const key of table.changed.keys) {
        const row = table.rows.get(key);
        if (row && isMirrorPod(row)) mirrors.add(key);
        else mirrors.delete(key);
      }
    } else {
      mirrors = new Set();
      for (const [key, row] of table.rows) if (isMirrorPod(row)) mirrors.add(key);
    }
    version = table.version;
    return mirrors.size > 0;
  };
}
