import {drainOutcomeLine} from '../cluster/drain.js';
import {drainLines, eachTarget, fixedVerb, onKind, parseTimeout, single, text} from './action-helpers.js';
import type {ActionSpec} from './action-types.js';

// The node actions: kubectl cordon, uncordon and drain.
export const NODE_ACTIONS: readonly ActionSpec[] = [
  {
    id: 'cordon',
    command: 'action.cordon',
    keys: [{label: 'c', input: 'c'}],
    description: 'cordon the node (asks first)',
    kinds: ['nodes'],
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('cordon'),
    run: {
      type: 'confirm',
      fields: [],
      call: (api, request) => eachTarget(request, 'cordoned', (target) => api.setUnschedulable(target.name, true)),
    },
  },
  {
    id: 'uncordon',
    command: 'action.uncordon',
    keys: [{label: 'u', input: 'u'}],
    description: 'uncordon the node (asks first)',
    kinds: ['nodes'],
    review: onKind('patch'),
    mutating: true,
    destructive: false,
    needsObject: false,
    marks: false,
    verb: fixedVerb('uncordon'),
    run: {
      type: 'confirm',
      fields: [],
      call: (api, request) => eachTarget(request, 'uncordoned', (target) => api.setUnschedulable(target.name, false)),
    },
  },
  {
    id: 'drain',
    command: 'action.drain',
    keys: [{label: 'r', input: 'r'}],
    description: 'drain the node: cordon, evict its pods (asks first; X cancels)',
    hint: 'drain',
    kinds: ['nodes'],
    review: () => ({verb: 'create', group: '', resource: 'pods', subresource: 'eviction'}),
    mutating: true,
    destructive: true,
    needsObject: false,
    marks: false,
    verb: fixedVerb('drain'),
    run: {
      type: 'confirm',
      // kubectl drain's flags with kubectl's defaults; the timeout is kview's (kubectl's 0 waits for ever).
      fields: [
        {
          type: 'text',
          name: 'timeout',
          label: '--timeout (0: wait for ever)',
          initial: () => '5m',
          check: (value) => (parseTimeout(value) === undefined ? 'the timeout is like 5m, 90s or 0' : undefined),
        },
        {type: 'toggle', name: 'ignoreDaemonSets', label: '--ignore-daemonsets', hotkey: 'i', initial: () => false},
        {
          type: 'toggle',
          name: 'deleteEmptyDirData',
          label: '--delete-emptydir-data',
          hotkey: 'e',
          initial: () => false,
        },
        {
          type: 'toggle',
          name: 'force',
          label: '--force (pods without a controller)',
          hotkey: 'f',
          initial: () => false,
        },
      ],
      async call(api, request, values, job) {
        const timeoutMs = parseTimeout(text(values, 'timeout')) ?? 0;
        const outcome = await api.drain(
          single(request).name,
          {
            ignoreDaemonSets: values['ignoreDaemonSets'] === true,
            deleteEmptyDirData: values['deleteEmptyDirData'] === true,
            force: values['force'] === true,
          },
          {
            onProgress: (progress) => job.progress(drainLines(progress)),
            signal: job.signal,
            timeoutMs: timeoutMs === 0 ? Number.MAX_SAFE_INTEGER : timeoutMs,
          },
        );
        return drainOutcomeLine(outcome);
      },
    },
  },
];
