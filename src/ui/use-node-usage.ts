import {useEffect, useState} from 'react';
import type {NodeUsage} from '../cluster/node-metrics.js';
import type {ClusterApi} from './world.js';

// metrics-server refreshes every 15 s or so; asking more often only repeats its numbers.
const REFRESH_MS = 15_000;

export function useNodeUsage(cluster: ClusterApi, enabled: boolean): ReadonlyMap<string, NodeUsage> | undefined {
  const [usage, setUsage] = useState<ReadonlyMap<string, NodeUsage> | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return undefined;
    let cancelled = false;
    const refresh = () => {
      cluster.nodeUsage().then(
        (found) => {
          if (!cancelled) setUsage(found);
        },
        // Usage is extra: without metrics-server (or its answer) the columns are absent, never stale.
        () => {
          if (!cancelled) setUsage(undefined);
        },
      );
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [cluster, enabled]);
  return usage;
}
