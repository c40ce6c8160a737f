import {POD_KIND} from '../cluster/resource-kind.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {errorLine} from '../resources/error-line.js';
import {attachRefusal, defaultContainer} from '../state/shell-choice.js';
import type {PodContainers} from '../state/shell-choice.js';
import type {ViewTarget} from '../state/navigation.js';
import {editObject} from './edit-object.js';
import type {EditTarget} from './edit-object.js';
import {attachTo, shellInto} from './pod-shell.js';
import type {ContainerRef} from './pod-shell.js';
import {useTerminalHandover} from './terminal-handover.js';
import type {World} from './world.js';

export interface TerminalActionHost {
  world: World;
  onFlash: (message: string) => void;
  onNavigate: (target: ViewTarget) => void;
}

export interface PodRef {
  namespace: string;
  pod: string;
  // Known on a container row; on a pod row the pod's default container, or the user picks one.
  container?: string;
}

// The three actions that give the terminal away (s shell, a attach, E edit), one function each, so a registry of
// actions can call them as they are. Each asks RBAC first (SelfSubjectAccessReview), then reports in one line.
export function useTerminalActions(host: TerminalActionHost) {
  const handover = useTerminalHandover();
  const {world, onFlash} = host;
  const report = (running: Promise<string>) => {
    running.then(onFlash, (error: unknown) => onFlash(errorLine(error)));
  };
  const podSession = (verb: 'shell' | 'attach', ref: PodRef) => {
    if (!handover) return onFlash(`${verb}: kview has no terminal to hand over here`);
    const subresource = verb === 'shell' ? 'exec' : 'attach';
    report(
      (async () => {
        const allowed = await world.cluster.can({
          verb: 'create',
          group: '',
          resource: 'pods',
          subresource,
          namespace: ref.namespace,
        });
        if (!allowed) return `${verb} is not offered: your RBAC role does not allow create pods/${subresource} here`;
        const pod = (await world.cluster.getObject(POD_KIND, ref.namespace, ref.pod)) as PodContainers;
        const container = ref.container ?? defaultContainer(pod);
        if (container === undefined) {
          // Several containers and no default: the containers view is the picker.
          host.onNavigate({type: 'containers', namespace: ref.namespace, pod: ref.pod});
          return `${verb}: pick a container (s shell, a attach)`;
        }
        const target: ContainerRef = {namespace: ref.namespace, pod: ref.pod, container};
        if (verb === 'shell') return shellInto(world.cluster, handover, target);
        const refusal = attachRefusal(pod, container);
        return refusal ?? attachTo(world.cluster, handover, target);
      })(),
    );
  };
  return {
    shell: (ref: PodRef) => podSession('shell', ref),
    attach: (ref: PodRef) => podSession('attach', ref),
    edit(target: EditTarget) {
      // Edit changes the object: --readonly removes it (shell and attach create nothing in the cluster).
      if (world.readonly) {
        return onFlash(`edit is not offered: ${world.readonlyReason ?? 'kview runs with --readonly'}`);
      }
      const {interactive, editor} = world;
      if (!handover || !interactive || !editor) return onFlash('edit: kview has no terminal to hand over here');
      report(
        (async () => {
          const allowed = await world.cluster.can({
            verb: 'update',
            group: target.kind.group,
            resource: target.kind.plural,
            namespace: target.kind.namespaced ? target.namespace : undefined,
            name: target.name,
          });
          if (!allowed) return `edit is not offered: your RBAC role does not allow update ${kindName(target.kind)}`;
          return editObject({cluster: world.cluster, runner: interactive, editor, handover}, target);
        })(),
      );
    },
  };
}

function kindName(kind: ResourceKind): string {
  return kind.group === '' ? kind.plural : `${kind.plural}.${kind.group}`;
}
