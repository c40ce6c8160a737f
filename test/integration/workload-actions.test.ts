import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import {eventually, kubeconfigPath, kubectl, session, createNamespace} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// The workload actions against the real API server, kubectl as the oracle: first the calls the dialogs make, then
// kview driven in tmux as an operator would (scale, trigger, marked delete).
const admin = session();
const namespace = `workload-actions-${process.pid}`;
const kview = new URL('../../bin/kview', import.meta.url).pathname;

const apps = (plural: string, kind: string): ResourceKind => ({
  plural,
  singular: kind.toLowerCase(),
  kind,
  group: 'apps',
  version: 'v1',
  namespaced: true,
  shortNames: [],
  verbs: [],
});
const DEPLOYMENTS = apps('deployments', 'Deployment');
// The cluster is 1.20: CronJob is batch/v1beta1 there, as discovery says (batch/v1 from 1.21).
const CRONJOBS: ResourceKind = {...apps('cronjobs', 'CronJob'), group: 'batch', version: 'v1beta1'};

const sleeper = (name: string) => ({
  name,
  image: 'kview.local/busybox:1',
  imagePullPolicy: 'Never',
  command: ['sleep', '3600'],
});

function deployment(name: string, replicas: number, containers = [sleeper('app')]) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {name, namespace},
    spec: {
      replicas,
      selector: {matchLabels: {app: name}},
      template: {
        metadata: {labels: {app: name}},
        spec: {
          automountServiceAccountToken: false,
          terminationGracePeriodSeconds: 0,
          hostNetwork: true,
          containers,
        },
      },
    },
  };
}

function cronJob(name: string) {
  return {
    apiVersion: 'batch/v1beta1',
    kind: 'CronJob',
    metadata: {name, namespace},
    spec: {
      // Once a year and suspended: only a trigger runs it.
      schedule: '0 0 1 1 *',
      suspend: true,
      jobTemplate: {
        metadata: {labels: {report: name}},
        spec: {
          template: {
            spec: {
              restartPolicy: 'Never',
              automountServiceAccountToken: false,
              terminationGracePeriodSeconds: 0,
              hostNetwork: true,
              containers: [{...sleeper('run'), command: ['true']}],
            },
          },
        },
      },
    },
  };
}

const apply = (object: unknown) =>
  admin.client.sendJson(
    'POST',
    `/apis/${(object as {apiVersion: string}).apiVersion}/namespaces/${namespace}/${
      (object as {kind: string}).kind === 'Deployment' ? 'deployments' : 'cronjobs'
    }`,
    object,
  );
const jsonpath = (kind: string, name: string, path: string) =>
  kubectl('get', kind, name, '-n', namespace, '-o', `jsonpath={${path}}`);

before(async () => {
  await createNamespace(namespace);
});
after(() => {
  kubectl('delete', 'namespace', namespace, '--wait=false');
});

test('scale: kubectl sees the replicas, and the pods follow', async () => {
  await apply(deployment('scaled', 1));
  await admin.scale(DEPLOYMENTS, namespace, 'scaled', 3);
  assert.equal(jsonpath('deploy', 'scaled', '.spec.replicas'), '3');
  await eventually('three pods', () => jsonpath('deploy', 'scaled', '.status.replicas') === '3');
  await admin.scale(DEPLOYMENTS, namespace, 'scaled', 0);
  assert.equal(jsonpath('deploy', 'scaled', '.spec.replicas'), '0');
});

test('rollout restart: the restartedAt annotation, a new ReplicaSet, and kubectl rollout status completes', async () => {
  await apply(deployment('restarted', 1));
  kubectl('rollout', 'status', 'deployment/restarted', '-n', namespace, '--timeout=90s');
  const replicaSets = () =>
    kubectl('get', 'rs', '-n', namespace, '-l', 'app=restarted', '-o', 'name').trim().split('\n').filter(Boolean);
  assert.equal(replicaSets().length, 1);
  const at = new Date();
  await admin.rolloutRestart(DEPLOYMENTS, namespace, 'restarted', at);
  assert.equal(
    jsonpath('deploy', 'restarted', `.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt`),
    at.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  );
  await eventually('a second ReplicaSet', () => replicaSets().length === 2);
  const status = kubectl('rollout', 'status', 'deployment/restarted', '-n', namespace, '--timeout=90s');
  assert.match(status, /successfully rolled out/);
});

test('set image changes the named container only', async () => {
  await apply(deployment('imaged', 0, [sleeper('app'), sleeper('sidecar')]));
  await admin.setImage(DEPLOYMENTS, namespace, 'imaged', 'sidecar', 'kview.local/busybox:2');
  assert.equal(
    jsonpath('deploy', 'imaged', '.spec.template.spec.containers[*].image'),
    'kview.local/busybox:1 kview.local/busybox:2',
  );
  assert.equal(jsonpath('deploy', 'imaged', '.spec.template.spec.containers[*].name'), 'app sidecar');
});

test('CronJob: trigger creates a Job it owns, kubectl-style; suspend and resume are seen by kubectl', async () => {
  await apply(cronJob('nightly'));
  const uid = jsonpath('cronjob', 'nightly', '.metadata.uid');
  const name = await admin.triggerCronJob(CRONJOBS, namespace, 'nightly');
  assert.match(name, /^nightly-manual-[a-z0-9]{5}$/);
  assert.equal(jsonpath('job', name, '.metadata.ownerReferences[0].kind'), 'CronJob');
  assert.equal(jsonpath('job', name, '.metadata.ownerReferences[0].uid'), uid);
  assert.equal(jsonpath('job', name, '.metadata.ownerReferences[0].controller'), 'true');
  assert.equal(jsonpath('job', name, `.metadata.annotations.cronjob\\.kubernetes\\.io/instantiate`), 'manual');
  assert.equal(jsonpath('job', name, '.metadata.labels.report'), 'nightly');
  await eventually('the job to succeed', () => jsonpath('job', name, '.status.succeeded') === '1', 60_000);
  await admin.setSuspended(CRONJOBS, namespace, 'nightly', false);
  assert.equal(jsonpath('cronjob', 'nightly', '.spec.suspend'), 'false');
  await admin.setSuspended(CRONJOBS, namespace, 'nightly', true);
  assert.equal(jsonpath('cronjob', 'nightly', '.spec.suspend'), 'true');
});

// kview in a real terminal on this test's namespace.
function openKview(context: {after: (fn: () => void) => void}): TmuxTerminal {
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-n', namespace], {columns: 160, rows: 30});
  context.after(() => terminal.close());
  return terminal;
}

// `:deploy` typed before discovery has answered names no known kind yet (kview says so): typed again until it opens.
async function openView(terminal: TmuxTerminal, command: string, shown: string): Promise<void> {
  await eventually(
    `the view of ${command}`,
    async () => {
      if (terminal.screen().includes(shown)) return true;
      terminal.sendKeys(command, 'Enter');
      await eventually(shown, () => terminal.screen().includes(shown), 2000).catch(() => undefined);
      return terminal.screen().includes(shown);
    },
    30_000,
  );
}

test('in kview: s on a deployment asks the replicas (the current count first) and scales it', async (context) => {
  await apply(deployment('typed', 1));
  const terminal = openKview(context);
  await eventually('the pods view', () => /● live/.test(terminal.screen()));
  await openView(terminal, ':deploy', 'kubectl get deployments.apps');
  terminal.sendKeys('/', 'typed', 'Enter');
  await eventually(
    'the deployment',
    () => /\ntyped\s+\d\/1/.test(`\n${terminal.screen()}`) && terminal.selectedLine().includes('typed'),
  );
  terminal.sendKeys('s');
  await eventually(
    'the scale dialog with the current replicas',
    () => terminal.screen().includes('scale deployment') && /replicas: 1_/.test(terminal.screen()),
  );
  terminal.sendKeys('2', 'Enter');
  await eventually('the message', () => terminal.screen().includes(`scaled deployment ${namespace}/typed to 2`));
  assert.equal(jsonpath('deploy', 'typed', '.spec.replicas'), '2');
  await eventually('kview shows 2 wanted', () => /\ntyped\s+\d\/2/.test(`\n${terminal.screen()}`));
});

test('in kview: t on a CronJob triggers it, and the Job it owns appears', async (context) => {
  await apply(cronJob('typed-cron'));
  const terminal = openKview(context);
  await eventually('the pods view', () => /● live/.test(terminal.screen()));
  await openView(terminal, ':cj', 'kubectl get cronjobs.batch');
  terminal.sendKeys('/', 'typed-cron', 'Enter');
  await eventually('the CronJob', () => terminal.selectedLine().includes('typed-cron'));
  terminal.sendKeys('t');
  await eventually('the trigger dialog', () => terminal.screen().includes(`trigger cronjob ${namespace}/typed-cron?`));
  terminal.sendKeys('Right', 'Enter');
  const created = await eventually(
    'the message naming the job',
    () => /job (typed-cron-manual-[a-z0-9]{5}) created/.exec(terminal.screen())?.[1],
  );
  assert.equal(jsonpath('job', created, '.metadata.ownerReferences[0].name'), 'typed-cron');
  // p suspends or resumes: this one is suspended, so kview offers resume.
  terminal.sendKeys('p');
  await eventually('the resume dialog', () => terminal.screen().includes(`resume cronjob ${namespace}/typed-cron?`));
  terminal.sendKeys('Right', 'Enter');
  await eventually('kubectl sees it resumed', () => jsonpath('cronjob', 'typed-cron', '.spec.suspend') === 'false');
});

test('in kview: marked pods are deleted together after one confirmation that lists them', async (context) => {
  for (const name of ['marked-a', 'marked-b', 'kept-c']) {
    kubectl(
      '-n',
      namespace,
      'run',
      name,
      '--image=kview.local/busybox:1',
      '--image-pull-policy=Never',
      '--restart=Never',
      '--overrides={"spec":{"hostNetwork":true,"terminationGracePeriodSeconds":0,"automountServiceAccountToken":false}}',
      '--command',
      '--',
      'sleep',
      '3600',
    );
  }
  const terminal = openKview(context);
  terminal.sendKeys('/', 'marked-|kept-', 'Enter');
  await eventually('the three pods', () => /● live\s+3\/\d+ pods/.test(terminal.screen()));
  terminal.sendKeys('N');
  await eventually('sorted by name', () => terminal.selectedLine().includes('kept-c'));
  terminal.sendKeys('j', 'Space', 'Space');
  await eventually('two marks', () => terminal.screen().includes('2 marked'));
  terminal.sendKeys('C-d');
  await eventually('one confirmation for both', () =>
    terminal.screen().includes(`delete 2 pods: ${namespace}/marked-a, ${namespace}/marked-b?`),
  );
  terminal.sendKeys('Right', 'Enter');
  await eventually('kubectl sees them gone, the third kept', () => {
    const pods = kubectl('get', 'pods', '-n', namespace, '-o', 'name');
    return !pods.includes('pod/marked-') && pods.includes('pod/kept-c');
  });
  await eventually('the message', () => terminal.screen().includes('deleted 2 pods'));
});
