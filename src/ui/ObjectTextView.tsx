import {useEffect, useState} from 'react';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {EVENT_KIND, LEASE_KIND} from '../cluster/resource-kind.js';
import {kubectlEquivalent} from '../state/navigation.js';
import {objectYaml} from '../resources/object-yaml.js';
import {describeObject} from '../resources/describe-object.js';
import {eventUid} from '../resources/describe-events.js';
import {TextView} from './TextView.js';
import type {World} from './world.js';

interface ObjectTextViewProps {
  world: World;
  mode: 'describe' | 'yaml';
  kind: ResourceKind;
  namespace: string | undefined;
  name: string;
  search?: string;
  width: number;
  height: number;
}

// Describe (kubectl's sections for pods and nodes, with the object's events) and YAML of one object.
export function ObjectTextView(props: ObjectTextViewProps) {
  const {world, mode, kind, namespace, name} = props;
  const [lines, setLines] = useState<readonly string[] | Error | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const load = async () => {
      const object = await world.cluster.getObject(kind, namespace, name);
      if (mode === 'yaml') return objectYaml(object);
      const uid = eventUid(object);
      const events = await world.cluster
        .listObjects(EVENT_KIND, {
          namespace: kind.namespaced ? namespace : undefined,
          fieldSelector: `involvedObject.name=${name}${uid ? `,involvedObject.uid=${uid}` : ''}`,
        })
        .catch(() => undefined);
      const pods =
        kind.group === '' && kind.plural === 'nodes'
          ? await world.cluster
              .listObjects(
                {...kind, plural: 'pods', kind: 'Pod', namespaced: true},
                {fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`},
              )
              .catch(() => undefined)
          : undefined;
      const lease =
        kind.group === '' && kind.plural === 'nodes'
          ? await world.cluster
              .getObject(LEASE_KIND, 'kube-node-lease', name)
              .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))))
          : undefined;
      return describeObject(kind, object, {events, pods, lease, now: world.now()});
    };
    load()
      .then((result) => !cancelled && setLines(result))
      .catch((error: unknown) => !cancelled && setLines(error instanceof Error ? error : new Error(String(error))));
    return () => {
      cancelled = true;
    };
  }, [world, mode, kind, namespace, name]);
  return (
    <TextView
      title={`${mode} ${kind.singular}/${name}`}
      lines={lines}
      search={props.search}
      width={props.width}
      height={props.height}
      kubectl={kubectlEquivalent({type: mode, kind, namespace, name}, false)}
    />
  );
}
