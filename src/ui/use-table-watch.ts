import {useEffect} from 'react';
import type {Dispatch} from 'react';
import type {RowChange} from '../cluster/types.js';
import type {ViewAction} from '../state/view-state.js';
import type {World} from './world.js';

// Watch events arrive one chunk at a time; a burst (a rollout, a node dying) would mean hundreds of renders.
// Changes are gathered and dispatched at most once per frame interval.
const FLUSH_INTERVAL_MS = 50;

export function useTableWatch(world: World, namespace: string | undefined, dispatch: Dispatch<ViewAction>): void {
  useEffect(() => {
    let pending: RowChange[] = [];
    let timer: NodeJS.Timeout | undefined;
    const flush = () => {
      timer = undefined;
      const changes = pending;
      pending = [];
      if (changes.length > 0) dispatch({type: 'changes', changes});
    };
    const watch = world.watchPods(namespace, {
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
    });
    return () => {
      watch.stop();
      if (timer) clearTimeout(timer);
    };
  }, [world, namespace, dispatch]);
}
