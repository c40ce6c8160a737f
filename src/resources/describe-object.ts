import type {ResourceKind} from '../cluster/resource-kind.js';
import type {RowObject} from '../cluster/types.js';
import {alignTabs} from './tab-writer.js';
import {describePodLines} from './describe-pod.js';
import {describeNodeLines} from './describe-node.js';
import {eventsLines} from './describe-events.js';
import {objectYaml} from './object-yaml.js';
import {sanitizeText} from './sanitize-text.js';

export interface DescribeContext {
  events?: RowObject[];
  pods?: RowObject[];
  lease?: RowObject | Error;
  now: number;
}

// kubectl describe for pods and nodes (kubectl's sections, order and alignment: its tabwriter with padding 2);
// other kinds fall back to their YAML, which holds the same facts. The events table is aligned on its own, as
// kubectl flushes its writer before it.
export function describeObject(kind: ResourceKind, object: RowObject, context: DescribeContext): string[] {
  const core = kind.group === '';
  const body =
    core && kind.plural === 'pods'
      ? describePodLines(object)
      : core && kind.plural === 'nodes'
        ? describeNodeLines(object, context)
        : undefined;
  if (!body) return objectYaml(object);
  const events = eventsLines(context.events, context.now);
  // kubectl flushes its tabwriter before an events table, but not before "Events: <none>".
  const lines =
    events.length === 1
      ? alignTabs([...body, ...events], {padding: 2})
      : [...alignTabs(body, {padding: 2}), ...alignTabs(events, {padding: 2})];
  return lines.map((line) => sanitizeText(line));
}
