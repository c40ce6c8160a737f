import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import type {RowObject} from '../../src/cluster/types.js';
import {scriptedWorld, waitForFrame} from './scripted-world.js';

// The describe view and Enter on a workload, in the real App over a scripted cluster: a deployment whose selector
// has matchExpressions is described as kubectl does (not as YAML), and Enter watches exactly the pods `l` reads.
process.env.FORCE_COLOR = '1';
const {render} = await import('ink-testing-library');
const {App} = await import('../../src/ui/App.js');

const DEPLOYMENTS: ResourceKind = {
  plural: 'deployments',
  singular: 'deployment',
  kind: 'Deployment',
  group: 'apps',
  version: 'v1',
  namespaced: true,
  shortNames: ['deploy'],
  verbs: ['get', 'list', 'watch'],
};

const deployment: RowObject = {
  kind: 'Deployment',
  apiVersion: 'apps/v1',
  metadata: {name: 'web', namespace: 'demo', uid: 'd-1', creationTimestamp: '2026-11-22T08:00:00Z'},
  spec: {
    replicas: 1,
    selector: {
      matchLabels: {app: 'web'},
      matchExpressions: [{key: 'tier', operator: 'In', values: ['frontend', 'edge']}],
    },
    strategy: {type: 'Recreate'},
    template: {
      metadata: {labels: {app: 'web', tier: 'frontend'}},
      spec: {containers: [{name: 'web', image: 'busybox'}]},
    },
  },
  status: {replicas: 1, updatedReplicas: 1, availableReplicas: 1},
};

async function start(context: TestContext) {
  const world = scriptedWorld({objects: {'deployments/demo/web': deployment}});
  const app = render(<App world={world} first={{type: 'table', kind: DEPLOYMENTS, namespace: 'demo'}} />);
  context.after(() => app.unmount());
  const frame = () => (app.lastFrame() ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  await waitForFrame(frame, () => world.watches.some((watch) => watch.plural === 'deployments'));
  world.sink('deployments').snapshot(
    [
      {name: 'Name', type: 'string', priority: 0},
      {name: 'Ready', type: 'string', priority: 0},
    ],
    [{cells: ['web', '1/1'], object: deployment}],
  );
  await waitForFrame(frame, (text) => text.includes('web') && text.includes('1/1'));
  return {world, app, frame};
}

test('d on a deployment shows kubectl describe, selector with its expressions, not YAML', async (context) => {
  const {app, frame} = await start(context);
  app.stdin.write('d');
  const text = await waitForFrame(
    frame,
    (shown) => shown.includes('describe deployment/web') && shown.includes('Selector:'),
  );
  assert.match(text, /Selector:\s+app=web,tier in \(edge,frontend\)/);
  assert.match(text, /StrategyType:\s+Recreate/);
  assert.match(text, /Pod Template:/);
  assert.doesNotMatch(text, /apiVersion: apps\/v1/);
});

test('Enter on a deployment watches the pods its full selector picks, matchExpressions included', async (context) => {
  const {world, app, frame} = await start(context);
  app.stdin.write('\r');
  await waitForFrame(frame, () => world.watches.some((watch) => watch.plural === 'pods'));
  const watch = world.watches.find((entry) => entry.plural === 'pods');
  assert.equal(watch?.labelSelector, 'app=web,tier in (edge,frontend)');
  assert.equal(watch?.namespace, 'demo');
});
