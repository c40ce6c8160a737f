import {useEffect, useState} from 'react';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {ActionVerb} from '../state/action-request.js';
import {errorLine} from '../resources/error-line.js';
import type {World} from './world.js';

export interface AllowedActions {
  // Why an action is not offered here, or undefined when it is.
  refusal(verb: ActionVerb): string | undefined;
}

const NODE_ONLY: ReadonlySet<ActionVerb> = new Set(['cordon', 'uncordon', 'drain']);

// Asks RBAC (SelfSubjectAccessReview) once per view which actions the user may take, so forbidden ones are
// refused with the reason instead of failing half-way; --readonly refuses them all.
export function useAllowedActions(world: World, kind: ResourceKind, namespace: string | undefined): AllowedActions {
  const [answer, setAnswer] = useState<{permitted: ReadonlySet<ActionVerb>; problem: string | undefined}>({
    permitted: new Set(),
    problem: undefined,
  });
  const {permitted, problem} = answer;
  const isNode = kind.group === '' && kind.plural === 'nodes';
  useEffect(() => {
    if (world.readonly) return;
    let cancelled = false;
    const resource = {group: kind.group, resource: kind.plural, namespace: kind.namespaced ? namespace : undefined};
    const questions: Array<Promise<[ActionVerb[], boolean]>> = [
      world.cluster.can({verb: 'delete', ...resource}).then((allowed) => [['delete'], allowed]),
    ];
    if (isNode) {
      questions.push(
        world.cluster.can({verb: 'patch', ...resource}).then((allowed) => [['cordon', 'uncordon'], allowed]),
      );
      questions.push(
        world.cluster
          .can({verb: 'create', group: '', resource: 'pods', subresource: 'eviction'})
          .then((allowed) => [['drain'], allowed]),
      );
    }
    Promise.all(questions).then(
      (answers) => {
        if (cancelled) return;
        setAnswer({
          permitted: new Set(answers.flatMap(([verbs, allowed]) => (allowed ? verbs : []))),
          problem: undefined,
        });
      },
      (error: unknown) => {
        // Not knowing is not allowing: the actions stay refused, and the refusal says why.
        if (!cancelled) setAnswer({permitted: new Set(), problem: errorLine(error)});
      },
    );
    return () => {
      cancelled = true;
    };
  }, [world, kind, namespace, isNode]);
  return {
    refusal(verb) {
      if (world.readonly) return `${verb} is not offered: ${world.readonlyReason ?? 'kview runs with --readonly'}`;
      if (NODE_ONLY.has(verb) && !isNode) return `${verb} applies to nodes`;
      if (problem !== undefined && !permitted.has(verb)) {
        return `${verb} is not offered: the access review failed (${problem})`;
      }
      if (!permitted.has(verb)) return `${verb} is not offered: your RBAC role does not allow it here`;
      return undefined;
    },
  };
}
