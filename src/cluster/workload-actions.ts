import {randomBytes} from 'node:crypto';
import type {ApiClient} from './api-client.js';
import {collectionPath, objectPath} from './resource-kind.js';
import type {ResourceKind} from './resource-kind.js';

const MERGE_PATCH = 'application/merge-patch+json';
const STRATEGIC_PATCH = 'application/strategic-merge-patch+json';

// kubectl delete: the object's own grace period unless one is given; --force deletes at once (grace period 0)
// without waiting for the kubelet's confirmation. Dependents go in the background, as kubectl's default.
export interface DeleteOptions {
  gracePeriodSeconds?: number;
  force?: boolean;
}

export async function deleteWithOptions(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  options: DeleteOptions,
): Promise<void> {
  const gracePeriodSeconds = options.force ? 0 : options.gracePeriodSeconds;
  await client.sendJson('DELETE', objectPath(kind, namespace, name), {
    kind: 'DeleteOptions',
    apiVersion: 'v1',
    propagationPolicy: 'Background',
    ...(gracePeriodSeconds !== undefined ? {gracePeriodSeconds} : {}),
  });
}

// kubectl scale: through the scale subresource, which is what RBAC's `patch deployments/scale` grants.
export async function scaleObject(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  replicas: number,
): Promise<void> {
  await client.sendJson('PATCH', `${objectPath(kind, namespace, name)}/scale`, {spec: {replicas}}, MERGE_PATCH);
}

// kubectl rollout restart: a new pod template annotation makes the controller roll every pod, as a deploy would.
export async function rolloutRestart(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  at: Date,
): Promise<void> {
  const restartedAt = at.toISOString().replace(/\.\d{3}Z$/, 'Z');
  await client.sendJson(
    'PATCH',
    objectPath(kind, namespace, name),
    {spec: {template: {metadata: {annotations: {'kubectl.kubernetes.io/restartedAt': restartedAt}}}}},
    STRATEGIC_PATCH,
  );
}

// kubectl set image: containers are merged by name, so only the named one changes. A CronJob's pod template
// sits under its job template.
export async function setImage(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  container: string,
  image: string,
): Promise<void> {
  const template = {spec: {containers: [{name: container, image}]}};
  const body = kind.plural === 'cronjobs' ? {spec: {jobTemplate: {spec: {template}}}} : {spec: {template}};
  await client.sendJson('PATCH', objectPath(kind, namespace, name), body, STRATEGIC_PATCH);
}

export async function setSuspended(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string | undefined,
  name: string,
  suspend: boolean,
): Promise<void> {
  await client.sendJson('PATCH', objectPath(kind, namespace, name), {spec: {suspend}}, MERGE_PATCH);
}

interface CronJobObject {
  metadata: {name: string; uid: string; namespace?: string};
  spec: {
    jobTemplate: {metadata?: {labels?: Record<string, string>; annotations?: Record<string, string>}; spec: unknown};
  };
}

export interface ManualJob {
  apiVersion: 'batch/v1';
  kind: 'Job';
  metadata: {
    name: string;
    namespace?: string;
    labels: Record<string, string>;
    annotations: Record<string, string>;
    ownerReferences: Array<{
      apiVersion: string;
      kind: 'CronJob';
      name: string;
      uid: string;
      controller: true;
      blockOwnerDeletion: true;
    }>;
  };
  spec: unknown;
}

const SUFFIX_LETTERS = 'bcdfghjklmnpqrstvwxz2456789';

// The five characters kubectl's and k9s's manual runs end with (NAME-manual-XXXXX); no vowels, so no words.
export function manualSuffix(random: (size: number) => Uint8Array = randomBytes): string {
  return [...random(5)].map((byte) => SUFFIX_LETTERS[byte % SUFFIX_LETTERS.length]).join('');
}

// The Job `kubectl create job --from=cronjob/NAME` makes: the job template's labels, annotations and spec, the
// `cronjob.kubernetes.io/instantiate: manual` annotation, and the CronJob as its controlling owner (so deleting the
// CronJob deletes it, and the CronJob's history shows it).
export function manualJob(cronJob: CronJobObject, apiVersion: string, suffix: string): ManualJob {
  const template = cronJob.spec.jobTemplate;
  const base = cronJob.metadata.name.slice(0, 63 - '-manual-'.length - suffix.length);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `${base}-manual-${suffix}`,
      namespace: cronJob.metadata.namespace,
      labels: template.metadata?.labels ?? {},
      annotations: {...template.metadata?.annotations, 'cronjob.kubernetes.io/instantiate': 'manual'},
      ownerReferences: [
        {
          apiVersion,
          kind: 'CronJob',
          name: cronJob.metadata.name,
          uid: cronJob.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: template.spec,
  };
}

// Returns the new Job's name.
export async function triggerCronJob(
  client: ApiClient,
  kind: ResourceKind,
  namespace: string,
  name: string,
  suffix = manualSuffix(),
): Promise<string> {
  const cronJob = await client.getJson<CronJobObject>(objectPath(kind, namespace, name));
  const job = manualJob(cronJob, `${kind.group}/${kind.version}`, suffix);
  const jobs: ResourceKind = {...kind, plural: 'jobs', singular: 'job', kind: 'Job', version: 'v1', shortNames: []};
  const created = await client.sendJson<{metadata?: {name?: string}}>('POST', collectionPath(jobs, namespace), job);
  return created.metadata?.name ?? job.metadata.name;
}
