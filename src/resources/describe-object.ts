import type {DescribeInputs, DescribeNeed} from '../cluster/describe-inputs.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import type {DescribeClock} from './describe-clock.js';
import {eventsLines} from './describe-events.js';
import {describerFor} from './describers.js';
import {sanitizeText} from './sanitize-text.js';
import {alignTabs} from './tab-writer.js';

// Where describe gets its objects: the cluster session (describeInputs), or a test's fixtures.
export interface DescribeSource {
  describeInputs(
    kind: ResourceKind,
    namespace: string | undefined,
    name: string,
    needs: readonly DescribeNeed[],
  ): Promise<DescribeInputs>;
}

// `kubectl describe KIND NAME`: the one path the describe view and the kubectl oracle both run.
export async function describe(
  source: DescribeSource,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  clock: DescribeClock,
): Promise<string[]> {
  const describer = describerFor(kind);
  return renderDescribe(kind, await source.describeInputs(kind, namespace, name, describer.needs), clock);
}

// kubectl's layout (its tabwriter with padding 2) of what the kind's describer prints, then the events. The
// events table is aligned on its own, as kubectl flushes its writer before it, but not before "Events: <none>".
export function renderDescribe(kind: ResourceKind, inputs: DescribeInputs, clock: DescribeClock): string[] {
  const describer = describerFor(kind);
  const body = describer.render(inputs, clock);
  const events = describer.needs.includes('events') ? eventsLines(inputs.events, clock.now) : [];
  const lines =
    events.length <= 1
      ? alignTabs([...body, ...events], {padding: 2})
      : [...alignTabs(body, {padding: 2}), ...alignTabs(events, {padding: 2})];
  return lines.map((line) => sanitizeText(line));
}
