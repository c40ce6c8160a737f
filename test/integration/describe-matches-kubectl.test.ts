import {test} from 'node:test';
import assert from 'node:assert/strict';
import {EVENT_KIND, NODE_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import {describeObject} from '../../src/resources/describe-object.js';
import {eventUid} from '../../src/resources/describe-events.js';
import {LEASE_KIND} from '../../src/cluster/resource-kind.js';
import {kubectl, session} from './local-cluster.js';

const cluster = session();

// What ObjectTextView fetches before describing: the object, its events, and for a node its pods and lease.
async function kviewDescribe(kind: ResourceKind, namespace: string | undefined, name: string): Promise<string[]> {
  const object = await cluster.getObject(kind, namespace, name);
  const events = await cluster.listObjects(EVENT_KIND, {
    namespace,
    fieldSelector: `involvedObject.name=${name},involvedObject.uid=${eventUid(object) ?? ''}`,
  });
  const isNode = kind === NODE_KIND;
  const pods = isNode
    ? await cluster.listObjects(POD_KIND, {
        fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
      })
    : undefined;
  const lease = isNode
    ? await cluster.getObject(LEASE_KIND, 'kube-node-lease', name).catch((error: unknown) => error as Error)
    : undefined;
  return describeObject(kind, object, {events, pods, lease, now: Date.now()});
}

// Ages drift between the two runs and change the events table's column width, so event lines are compared
// word by word without the age; everything else must be identical, alignment included.
function split(lines: string[]): {body: string[]; events: string[]} {
  const start = lines.findIndex((line) => line.startsWith('Events:'));
  const trimmed = lines.map((line) => line.replace(/\s+$/, ''));
  if (start < 0) return {body: trimmed, events: []};
  return {
    body: trimmed.slice(0, start),
    events: trimmed.slice(start).map((line) =>
      line
        .trim()
        .split(/\s+/)
        .filter((word) => !/^\d+[smhdy]|^\(x\d+$|^over$|^\d+[smhdy]\)$/.test(word))
        .join(' '),
    ),
  };
}

async function assertSameDescribe(kind: ResourceKind, namespace: string | undefined, name: string) {
  for (let attempt = 1; ; attempt++) {
    const ours = split(await kviewDescribe(kind, namespace, name));
    const theirs = split(
      kubectl('describe', kind.singular, name, ...(namespace ? ['-n', namespace] : []))
        .replace(/\n$/, '')
        .split('\n'),
    );
    try {
      assert.deepEqual(ours.body, theirs.body);
      assert.deepEqual(ours.events, theirs.events);
      return;
    } catch (mismatch) {
      // The crash-looping pod changes between the two reads; a second read settles it.
      if (attempt >= 4) throw mismatch;
    }
  }
}

for (const pod of ['crashloop', 'init-demo', 'stuck-init', 'multi-container', 'ticker', 'too-big']) {
  test(`describe pod demo/${pod} is kubectl describe's text`, async () => {
    await assertSameDescribe(POD_KIND, 'demo', pod);
  });
}

test("describe of a mirror pod in kube-system is kubectl describe's text", async () => {
  await assertSameDescribe(POD_KIND, 'kube-system', 'node-probe-localhost');
});

for (const node of ['localhost', 'worker-cordoned', 'control-plane-1']) {
  test(`describe node ${node} is kubectl describe's text`, async () => {
    await assertSameDescribe(NODE_KIND, undefined, node);
  });
}
