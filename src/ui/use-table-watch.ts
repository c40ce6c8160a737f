import {useEffect} from 'react';
import type {Dispatch} from 'react';
import type {WatchRequest} from '../cluster/cluster-session.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {RowChange} from '../cluster/types.js';
import type {ViewAction} from '../state/view-state.js';
import type {ClusterApi} from './world.js';

// Watch events arrive one chunk at a time; a burst (a rollout, a node dying) would mean hundreds of renders.
// Changes are gathered and dispatched at most once per frame interval.
const FLUSH_INTERVAL_MS = 50;

export function useTableWatch(
  cluster: ClusterApi,
  kind: ResourceKind,
  request: WatchRequest,
  dispatch: Dispatch<ViewAction>,
): void {
  const {namespace, labelSelector, fieldSelector, includeObject} = request;
  useEffect(() => {
    let pending: RowChange[] = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      const changes = pending;
      pending = [];
      if (changes.length > 0) dispatch({type: 'changes', changes});
    };
    const watch = cluster.watchTable(
      kind,
      {namespace, labelSelector, fieldSelector, includeObject},
      {
        snapshot(columns, rows) {
          pending = [];
          dispatch({type: 'snapshot', columns, rows});
        },
        changes(changes) {
          for (const change of changes) pending.push(change);
          timer ??= setTimeout(flush, FLUSH_INTERVAL_MS);
        },
        state(state) {
          dispatch({type: 'connection', state});
        },
      },
    );
    return () => {
      watch.stop();
      if (timer) clearTimeout(timer);
    };
  }, [cluster, kind, namespace, labelSelector, fieldSelector, includeObject, dispatch]);
}
