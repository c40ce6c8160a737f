import {
  containersOf,
  describeTargets,
  eachTarget,
  fixedVerb,
  isSuspended,
  onKind,
  single,
  text,
  wholeNumber,
} from './action-helpers.js';
import type {PodTemplateHolder} from './action-helpers.js';
import type {ActionSpec} from './action-types.js';

const WORKLOADS_SCALED = ['deployments.apps', 'statefulsets.apps', 'replicasets.apps'];
const WORKLOADS_ROLLED = ['deployments.apps', 'statefulsets.apps', 'daemonsets.apps'];
const WORKLOADS_WITH_IMAGES = [...new Set([...WORKLOADS_SCALED, ...WORKLOADS_ROLLED])];

// The workload actions: kubectl scale, rollout restart, set image, create job --from=cronjob, and suspend.
export const WORKLOAD_ACTIONS: readonly ActionSpec[] = [
  {
    id: 'scale',
    command: 'action.scale',
    keys: [{label: 's', input: 's'}],
    description: 'scale: set the replicas (asks first)',
    hint: 'scale',
    kinds: WORKLOADS_SCALED,
    review: onKind('patch', 'scale'),
    mutating: true,
    destructive: false,
    needsObject: true,
    marks: false,
    verb: fixedVerb('scale'),
    run: {
      type: 'confirm',
      fields: [
        {
          type: 'text',
          name: 'replicas',
          label: 'replicas',
          initial: (request) => String((request.object as PodTemplateHolder | undefined)?.spec?.replicas ?? 1),
          check: wholeNumber('replicas', false),
        },
      ],
      call(api, request, values) {
        const target = single(request);
        const replicas = Number(text(values, 'replicas'));
        return api
          .scale(request.kind, target.namespace, target.name, replicas)
          .then(() => `scaled ${describeTargets(request)} to ${replicas}`);
      },
    },
  },
  {
    id: 'restart',
    command: 'action.restart',
    keys: [{label: 'r', input: 'r'}],
    description: 'rollout restart: every pod replaced, as a deploy would (asks first)',
    hint: 'restart',
    kinds: WORKLOADS_ROLLED,
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('restart'),
    run: {
      type: 'confirm',
      fields: [],
      call: (api, request, _values, job) =>
        eachTarget(request, 'restarted', (target) =>
          api.rolloutRestart(request.kind, target.namespace, target.name, new Date(job.now())),
        ),
    },
  },
  {
    id: 'setImage',
    command: 'action.setImage',
    keys: [{label: 'i', input: 'i'}],
    description: "set image: one container's image (asks first)",
    kinds: WORKLOADS_WITH_IMAGES,
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: true,
    marks: false,
    verb: fixedVerb('set image'),
    run: {
      type: 'confirm',
      fields: [
        {
          type: 'choice',
          name: 'container',
          label: 'container',
          options: (request) => containersOf(request).map((c) => c.name),
        },
        {
          type: 'text',
          name: 'image',
          label: 'image',
          initial: (request, values) =>
            containersOf(request).find((container) => container.name === values['container'])?.image ?? '',
          follows: 'container',
          check: (value) => (value.trim() === '' || /\s/.test(value.trim()) ? 'an image is one word' : undefined),
        },
      ],
      call(api, request, values) {
        const target = single(request);
        const container = text(values, 'container');
        const image = text(values, 'image');
        if (container === '') return Promise.reject(new Error('the object has no containers'));
        return api
          .setImage(request.kind, target.namespace, target.name, container, image)
          .then(() => `set image of ${describeTargets(request)}: ${container}=${image}`);
      },
    },
  },
  {
    id: 'trigger',
    command: 'action.trigger',
    keys: [{label: 't', input: 't'}],
    description: 'trigger: run the CronJob now, as a Job from its template (asks first)',
    hint: 'trigger',
    kinds: ['cronjobs.batch'],
    review: (_kind, namespace) => ({verb: 'create', group: 'batch', resource: 'jobs', namespace}),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('trigger'),
    run: {
      type: 'confirm',
      fields: [],
      async call(api, request) {
        const target = single(request);
        const job = await api.triggerCronJob(request.kind, target.namespace ?? '', target.name);
        return `triggered ${describeTargets(request)}: job ${job} created`;
      },
    },
  },
  {
    id: 'suspend',
    command: 'action.suspend',
    keys: [{label: 'p', input: 'p'}],
    description: 'suspend or resume the CronJob (asks first)',
    hint: 'suspend/resume',
    kinds: ['cronjobs.batch'],
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: true,
    marks: false,
    verb: (request) => (isSuspended(request) ? 'resume' : 'suspend'),
    run: {
      type: 'confirm',
      fields: [],
      call(api, request) {
        const target = single(request);
        const suspend = !isSuspended(request);
        return api
          .setSuspended(request.kind, target.namespace, target.name, suspend)
          .then(() => `${suspend ? 'suspended' : 'resumed'} ${describeTargets(request)}`);
      },
    },
  },
];
