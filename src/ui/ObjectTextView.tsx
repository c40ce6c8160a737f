import {useEffect, useState} from 'react';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {kubectlEquivalent} from '../state/navigation.js';
import {objectYaml} from '../resources/object-yaml.js';
import {describe} from '../resources/describe-object.js';
import {LOCAL_ZONE} from '../resources/time-zone.js';
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
  onFlash?: (message: string) => void;
}

// Describe (`kubectl describe`, fetched and rendered by resources/describe-object.ts) and YAML of one object.
export function ObjectTextView(props: ObjectTextViewProps) {
  const {world, mode, kind, namespace, name} = props;
  const [lines, setLines] = useState<readonly string[] | Error | undefined>(undefined);
  useEffect(() => {
    let cancelled = false;
    const load = async (): Promise<readonly string[]> => {
      if (mode === 'yaml') return objectYaml(await world.cluster.getObject(kind, namespace, name));
      return describe(world.cluster, kind, namespace, name, {now: world.now(), zone: world.timeZone ?? LOCAL_ZONE});
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
      onFlash={props.onFlash}
    />
  );
}
