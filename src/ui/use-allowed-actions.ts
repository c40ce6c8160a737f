import {useEffect, useState} from 'react';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {actionsFor, appliesTo} from '../state/actions.js';
import {kindId} from '../state/kind-profile.js';
import type {ActionId, ActionSpec} from '../state/actions.js';
import {errorLine} from '../resources/error-line.js';
import type {World} from './world.js';

export interface AllowedActions {
  // Why an action is not offered here, or undefined when it is.
  refusal(spec: ActionSpec): string | undefined;
}

type Answer =
  {phase: 'asking'} | {phase: 'answered'; permitted: ReadonlySet<ActionId>} | {phase: 'failed'; problem: string};

// Asks RBAC (SelfSubjectAccessReview) once per view, for each action of the kind (the review its registry entry
// names), so forbidden ones are refused with the reason instead of failing half-way; --readonly refuses them all.
export function useAllowedActions(world: World, kind: ResourceKind, namespace: string | undefined): AllowedActions {
  // The answer is for one kind and namespace: a view switched to another namespace asks again, and until then
  // the old answer does not count.
  const asked = `${kindId(kind)} ${namespace ?? ''}`;
  const [answered, setAnswer] = useState<{asked: string; answer: Answer}>({asked, answer: {phase: 'asking'}});
  const answer: Answer = answered.asked === asked ? answered.answer : {phase: 'asking'};
  useEffect(() => {
    if (world.readonly) return;
    let cancelled = false;
    const asked = `${kindId(kind)} ${namespace ?? ''}`;
    const specs = actionsFor(kind).filter((spec) => spec.mutating);
    Promise.all(
      specs.map((spec) =>
        world.cluster.can(spec.review(kind, namespace)).then((allowed) => [spec.id, allowed] as const),
      ),
    ).then(
      (answers) => {
        if (cancelled) return;
        const permitted = new Set(answers.flatMap(([id, allowed]) => (allowed ? [id] : [])));
        setAnswer({asked, answer: {phase: 'answered', permitted}});
      },
      (error: unknown) => {
        // Not knowing is not allowing: the actions stay refused, and the refusal says why.
        if (!cancelled) setAnswer({asked, answer: {phase: 'failed', problem: errorLine(error)}});
      },
    );
    return () => {
      cancelled = true;
    };
  }, [world, kind, namespace]);
  return {
    refusal(spec) {
      const verb = spec.id;
      if (spec.mutating && world.readonly) {
        return `${verb} is not offered: ${world.readonlyReason ?? 'kview runs with --readonly'}`;
      }
      if (!appliesTo(spec, kind)) return `${verb} does not apply to ${kind.plural}`;
      if (!spec.mutating) return undefined;
      switch (answer.phase) {
        case 'asking':
          return `${verb}: still asking the API server whether your role allows it; try again in a moment`;
        case 'failed':
          return `${verb} is not offered: the access review failed (${answer.problem})`;
        case 'answered':
          return answer.permitted.has(spec.id)
            ? undefined
            : `${verb} is not offered: your RBAC role does not allow it here`;
      }
    },
  };
}
