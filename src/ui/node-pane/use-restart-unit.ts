import {useEffect} from 'react';
import type {Dispatch} from 'react';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {restartUnit} from '../../node-tools/unit-reader.js';
import {errorLine} from '../../resources/error-line.js';
import type {NodePaneAction} from '../../state/node-pane-state.js';

// Runs the restart the operator confirmed in the dialog, once, and reports how it went.
export function useRestartUnit(
  tools: NodeTools,
  requested: string | undefined,
  dispatch: Dispatch<NodePaneAction>,
): void {
  useEffect(() => {
    if (!requested) return;
    let current = true;
    restartUnit(tools, requested).then(
      (outcome) => {
        if (current) dispatch({type: 'restartFinished', message: outcome.ok ? `restarted ${requested}` : outcome.line});
      },
      (error: unknown) => {
        if (current)
          dispatch({type: 'restartFinished', message: `restart of ${requested} failed: ${errorLine(error)}`});
      },
    );
    return () => {
      current = false;
    };
  }, [tools, requested, dispatch]);
}
