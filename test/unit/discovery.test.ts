import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ApiClient} from '../../src/cluster/api-client.js';
import {discoverKinds} from '../../src/cluster/discovery.js';

// A 1.20 server's shape: batch prefers v1, which has no CronJobs; v1beta1 serves them (and Jobs' old twin is absent).
const ANSWERS: Record<string, unknown> = {
  '/apis': {
    groups: [
      {name: 'batch', preferredVersion: {version: 'v1'}, versions: [{version: 'v1'}, {version: 'v1beta1'}]},
      {name: 'autoscaling', preferredVersion: {version: 'v1'}, versions: [{version: 'v1'}, {version: 'v2beta2'}]},
      {name: 'down.example.com', preferredVersion: {version: 'v1'}, versions: [{version: 'v1'}]},
    ],
  },
  '/api/v1': {resources: [{name: 'pods', kind: 'Pod', namespaced: true, verbs: ['list'], shortNames: ['po']}]},
  '/apis/batch/v1': {resources: [{name: 'jobs', kind: 'Job', namespaced: true, verbs: ['list']}]},
  '/apis/batch/v1beta1': {
    resources: [
      {name: 'cronjobs', kind: 'CronJob', namespaced: true, verbs: ['list'], shortNames: ['cj']},
      {name: 'cronjobs/status', kind: 'CronJob', namespaced: true, verbs: ['get']},
    ],
  },
  '/apis/autoscaling/v1': {
    resources: [{name: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, verbs: ['list']}],
  },
  '/apis/autoscaling/v2beta2': {
    resources: [{name: 'horizontalpodautoscalers', kind: 'HorizontalPodAutoscaler', namespaced: true, verbs: ['list']}],
  },
};

const client: ApiClient = {
  getJson<T>(path: string): Promise<T> {
    return path in ANSWERS ? Promise.resolve(ANSWERS[path] as T) : Promise.reject(new Error(`503 ${path}`));
  },
  sendJson: () => Promise.reject(new Error('read only')),
  stream: () => Promise.reject(new Error('no streams')),
};

test("discovery lists what only a group's other versions serve, each resource once at its preferred version", async () => {
  const kinds = await discoverKinds(client);
  const found = kinds.map((kind) => `${kind.plural}.${kind.group}@${kind.version}`).sort();
  assert.deepEqual(found, [
    'cronjobs.batch@v1beta1',
    'horizontalpodautoscalers.autoscaling@v1',
    'jobs.batch@v1',
    'pods.@v1',
  ]);
  assert.deepEqual(kinds.find((kind) => kind.plural === 'cronjobs')?.shortNames, ['cj']);
});
