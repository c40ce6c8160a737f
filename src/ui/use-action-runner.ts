import {useCallback, useRef, useState} from 'react';
import {actionSpec, describeTargets} from '../state/actions.js';
import type {ActionRequest, FieldValues} from '../state/actions.js';
import {errorLine} from '../resources/error-line.js';
import type {World} from './world.js';

export interface RunningJob {
  verb: string;
  lines: readonly string[];
}

export interface ActionRunner {
  run: (request: ActionRequest, values: FieldValues) => void;
  // The action running now with its progress lines (a drain), or undefined.
  job: RunningJob | undefined;
  // Stops the running action; undefined when there is nothing to cancel.
  cancel: () => string | undefined;
}

// Runs a confirmed action through its registry entry and says how it went in the flash line; a failure is one
// line, never a crash. A long action (a drain) shows its progress lines until it ends and can be cancelled.
export function useActionRunner(world: World, flash: (message: string) => void): ActionRunner {
  const [job, setJob] = useState<RunningJob | undefined>(undefined);
  const controllerRef = useRef<AbortController | undefined>(undefined);
  const verbRef = useRef('');
  const run = useCallback(
    (request: ActionRequest, values: FieldValues) => {
      const spec = actionSpec(request.action);
      const verb = spec.verb(request);
      const controller = new AbortController();
      const job = {
        signal: controller.signal,
        progress: (lines: readonly string[]) => {
          if (controllerRef.current === controller) setJob({verb, lines});
        },
        now: world.now,
      };
      flash(`${verb} ${describeTargets(request)}…`);
      controllerRef.current = controller;
      verbRef.current = verb;
      const finish = (message: string) => {
        if (controllerRef.current === controller) {
          controllerRef.current = undefined;
          setJob(undefined);
        }
        flash(message);
      };
      // One case per kind of run in the registry (ActionRun in actions.ts): a run that hands the terminal over or
      // opens a prompt of its own gets its case here.
      switch (spec.run.type) {
        case 'confirm':
          spec.run
            .call(world.cluster, request, values, job)
            .then(finish, (error: unknown) => finish(`${verb} failed: ${errorLine(error)}`));
          return;
        case 'interactive':
          // Run by the view that has the row (TableView's runInteractive), never through a confirmation.
          return;
      }
    },
    [world, flash],
  );
  const cancel = useCallback(() => {
    const controller = controllerRef.current;
    if (!controller) return undefined;
    controller.abort();
    return `cancelling ${verbRef.current}…`;
  }, []);
  return {run, job, cancel};
}
