import {useCallback} from 'react';
import {drainOutcomeLine, drainSummary} from '../cluster/drain.js';
import type {DrainOptions} from '../cluster/drain.js';
import type {ActionRequest} from '../state/action-request.js';
import {errorLine} from '../resources/error-line.js';
import type {World} from './world.js';

// Runs a confirmed action and says how it went in the flash line; a failure is one line, never a crash.
export function useActionRunner(world: World, flash: (message: string) => void) {
  return useCallback(
    (request: ActionRequest, drainOptions: DrainOptions) => {
      const what = `${request.kind.singular} ${request.namespace ? `${request.namespace}/` : ''}${request.name}`;
      const run = async (): Promise<string> => {
        switch (request.verb) {
          case 'delete':
            await world.cluster.deleteObject(request.kind, request.namespace, request.name);
            return `deleted ${what}`;
          case 'cordon':
          case 'uncordon':
            await world.cluster.setUnschedulable(request.name, request.verb === 'cordon');
            return `${request.verb}ed ${what}`;
          case 'drain': {
            const outcome = await world.cluster.drain(request.name, drainOptions, {
              onProgress: (progress) => flash(drainSummary(progress)),
            });
            return drainOutcomeLine(outcome);
          }
        }
      };
      flash(`${request.verb} ${what}…`);
      run().then(flash, (error: unknown) => flash(`${request.verb} failed: ${errorLine(error)}`));
    },
    [world, flash],
  );
}
