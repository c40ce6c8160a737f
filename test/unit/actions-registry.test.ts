import {test} from 'node:test';
import assert from 'node:assert/strict';
import type {ResourceKind} from '../../src/cluster/resource-kind.js';
import {EVENT_KIND, NODE_KIND, POD_KIND} from '../../src/cluster/resource-kind.js';
import {ACTIONS, MUTATING_COMMANDS, actionSpec, actionsFor, parseTimeout} from '../../src/state/actions.js';
import type {ActionApi, ActionJob, ActionRequest, FieldValues} from '../../src/state/actions.js';
import {commandsFor, keymap} from '../../src/state/keymap.js';
import {confirmKey, openConfirm} from '../../src/state/confirm-state.js';
import type {ConfirmState} from '../../src/state/confirm-state.js';
import {findConflicts, remapKeys} from '../../src/state/config/remap-keys.js';
import {kindId, profileOf} from '../../src/state/kind-profile.js';
import {manualJob, manualSuffix} from '../../src/cluster/workload-actions.js';

const kind = (plural: string, group: string, kindName: string): ResourceKind => ({
  plural,
  singular: kindName.toLowerCase(),
  kind: kindName,
  group,
  version: 'v1',
  namespaced: true,
  shortNames: [],
  verbs: [],
});
const DEPLOYMENTS = kind('deployments', 'apps', 'Deployment');
const STATEFULSETS = kind('statefulsets', 'apps', 'StatefulSet');
const DAEMONSETS = kind('daemonsets', 'apps', 'DaemonSet');
const REPLICASETS = kind('replicasets', 'apps', 'ReplicaSet');
const CRONJOBS = {...kind('cronjobs', 'batch', 'CronJob'), version: 'v1beta1'};
const CONFIGMAPS = kind('configmaps', '', 'ConfigMap');

test('every action: its command, keys, kinds and the access review it needs', () => {
  const table = ACTIONS.map((spec) => ({
    id: spec.id,
    keys: spec.keys.map((key) => key.label).join(' '),
    kinds: spec.kinds === 'any' ? 'any' : spec.kinds.join(' '),
    review: spec.review(spec.id === 'trigger' ? CRONJOBS : DEPLOYMENTS, 'shop'),
    destructive: spec.destructive,
  }));
  const onDeployments = (verb: string, subresource?: string) => ({
    verb,
    group: 'apps',
    resource: 'deployments',
    namespace: 'shop',
    ...(subresource ? {subresource} : {}),
  });
  assert.deepEqual(table, [
    {id: 'delete', keys: 'ctrl-d', kinds: 'any', review: onDeployments('delete'), destructive: true},
    {id: 'cordon', keys: 'c', kinds: 'nodes', review: onDeployments('patch'), destructive: false},
    {id: 'uncordon', keys: 'u', kinds: 'nodes', review: onDeployments('patch'), destructive: false},
    {
      id: 'drain',
      keys: 'r',
      kinds: 'nodes',
      review: {verb: 'create', group: '', resource: 'pods', subresource: 'eviction'},
      destructive: true,
    },
    {
      id: 'scale',
      keys: 's',
      kinds: 'deployments.apps statefulsets.apps replicasets.apps',
      review: onDeployments('patch', 'scale'),
      destructive: false,
    },
    {
      id: 'restart',
      keys: 'r',
      kinds: 'deployments.apps statefulsets.apps daemonsets.apps',
      review: onDeployments('patch'),
      destructive: false,
    },
    {
      id: 'setImage',
      keys: 'i',
      kinds: 'deployments.apps statefulsets.apps replicasets.apps daemonsets.apps',
      review: onDeployments('patch'),
      destructive: false,
    },
    {
      id: 'trigger',
      keys: 't',
      kinds: 'cronjobs.batch',
      review: {verb: 'create', group: 'batch', resource: 'jobs', namespace: 'shop'},
      destructive: false,
    },
    {id: 'suspend', keys: 'p', kinds: 'cronjobs.batch', review: onDeployments('patch'), destructive: false},
    {
      id: 'shell',
      keys: 's',
      kinds: 'pods containers',
      review: {verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace: 'shop'},
      destructive: false,
    },
    {
      id: 'attach',
      keys: 'a',
      kinds: 'pods containers',
      review: {verb: 'create', group: '', resource: 'pods', subresource: 'attach', namespace: 'shop'},
      destructive: false,
    },
    {id: 'edit', keys: 'E', kinds: 'any', review: onDeployments('update'), destructive: false},
    {
      id: 'portForward',
      keys: 'F',
      kinds: 'pods containers services deployments.apps statefulsets.apps daemonsets.apps replicasets.apps jobs.batch',
      review: {verb: 'create', group: '', resource: 'pods', subresource: 'portforward', namespace: 'shop'},
      destructive: false,
    },
  ]);
  for (const spec of ACTIONS) assert.equal(spec.command, `action.${spec.id}`);
  // A node is cluster-scoped: its review names no namespace.
  assert.deepEqual(actionSpec('cordon').review(NODE_KIND, 'shop'), {verb: 'patch', group: '', resource: 'nodes'});
});

test('the actions each kind offers', () => {
  const offered = (of: ResourceKind) => actionsFor(of).map((spec) => spec.id);
  assert.deepEqual(offered(POD_KIND), ['delete', 'shell', 'attach', 'edit', 'portForward']);
  assert.deepEqual(offered(NODE_KIND), ['delete', 'cordon', 'uncordon', 'drain', 'edit']);
  assert.deepEqual(offered(DEPLOYMENTS), ['delete', 'scale', 'restart', 'setImage', 'edit', 'portForward']);
  assert.deepEqual(offered(STATEFULSETS), ['delete', 'scale', 'restart', 'setImage', 'edit', 'portForward']);
  assert.deepEqual(offered(REPLICASETS), ['delete', 'scale', 'setImage', 'edit', 'portForward']);
  assert.deepEqual(offered(DAEMONSETS), ['delete', 'restart', 'setImage', 'edit', 'portForward']);
  assert.deepEqual(offered(CRONJOBS), ['delete', 'trigger', 'suspend', 'edit']);
  assert.deepEqual(offered(CONFIGMAPS), ['delete', 'edit']);
});

test('no key means two things on any kind of row, and r is drain on nodes but restart on deployments', () => {
  const kinds = [POD_KIND, NODE_KIND, EVENT_KIND, DEPLOYMENTS, STATEFULSETS, DAEMONSETS, REPLICASETS, CRONJOBS];
  for (const of of kinds) {
    const seen = new Map<string, string>();
    for (const binding of keymap.filter(
      (entry) =>
        (entry.scope === 'table' || entry.scope === 'global') &&
        (entry.kinds === undefined || entry.kinds.includes(kindId(of))),
    )) {
      for (const spec of binding.keys) {
        const id = `${spec.ctrl ? 'ctrl-' : ''}${spec.input ?? spec.special}`;
        assert.equal(seen.get(id), undefined, `${id} is ${seen.get(id)} and ${binding.command} on ${of.plural}`);
        seen.set(id, binding.command);
      }
    }
  }
  assert.deepEqual(findConflicts(keymap), []);
  assert.deepEqual(commandsFor('r', {}, 'table', keymap, 'nodes'), ['action.drain']);
  assert.deepEqual(commandsFor('r', {}, 'table', keymap, 'deployments.apps'), ['action.restart']);
  assert.deepEqual(commandsFor('r', {}, 'table', keymap, 'pods'), []);
  // Without a row kind no kind's action answers; the containers view's rows take shell, attach and port-forward.
  assert.deepEqual(commandsFor('s', {}, 'table', keymap), []);
  assert.deepEqual(commandsFor('s', {}, 'table', keymap, 'containers'), ['action.shell']);
  assert.deepEqual(commandsFor('s', {}, 'table', keymap, 'deployments.apps'), ['action.scale']);
});

test('a read-only run has no mutating action: every mutating action key is among the commands --readonly removes', () => {
  const actionCommands = keymap.filter((binding) => binding.command.startsWith('action.')).map((b) => b.command);
  assert.equal(actionCommands.length, ACTIONS.length);
  // Every action changes the cluster except those that only open a session or a local listener.
  const sessions = ACTIONS.filter((spec) => !spec.mutating).map((spec) => spec.id);
  assert.deepEqual(sessions, ['shell', 'attach', 'portForward']);
  for (const spec of ACTIONS) assert.equal(MUTATING_COMMANDS.has(spec.command), spec.mutating, spec.id);
  const readonly = keymap.filter((binding) => !MUTATING_COMMANDS.has(binding.command));
  assert.deepEqual(
    readonly.filter((binding) => binding.command.startsWith('action.')).map((binding) => binding.command),
    ['action.shell', 'action.attach', 'action.portForward'],
  );
  assert.ok(
    readonly.some((binding) => binding.command === 'marks.toggle'),
    'marking changes nothing and stays',
  );
});

// Keys into a dialog, as the App feeds them; returns the last state and whether it answered.
function type(state: ConfirmState, ...keys: Array<string | Parameters<typeof confirmKey>[2]>) {
  let current = state;
  let answer: boolean | undefined;
  for (const key of keys) {
    const outcome = typeof key === 'string' ? confirmKey(current, key, {}) : confirmKey(current, '', key);
    current = outcome.state;
    if ('answer' in outcome) answer = outcome.answer;
  }
  return {state: current, answer};
}

const request = (action: ActionRequest['action'], object?: ActionRequest['object']): ActionRequest => ({
  action,
  kind: DEPLOYMENTS,
  targets: [{namespace: 'shop', name: 'web'}],
  object,
});
const webDeployment = {
  metadata: {name: 'web'},
  spec: {
    replicas: 3,
    template: {
      spec: {
        containers: [
          {name: 'app', image: 'nginx:1'},
          {name: 'proxy', image: 'envoy:1'},
        ],
      },
    },
  },
};

test('scale asks the replicas with the current count; the first digit replaces it; Enter runs it', () => {
  const opened = openConfirm(request('scale', webDeployment));
  assert.equal(opened.values['replicas'], '3');
  assert.equal(opened.focus, 0, 'not destructive: the field has the focus');
  const typed = type(opened, '1', '2');
  assert.equal(typed.state.values['replicas'], '12');
  assert.equal(type(typed.state, {backspace: true}).state.values['replicas'], '1');
  assert.equal(type(typed.state, {return: true}).answer, true);
  const wrong = type(opened, '-', {return: true});
  assert.equal(wrong.answer, undefined, 'a bad number does not run');
  assert.equal(wrong.state.problem, 'replicas must be a whole number');
  assert.equal(type(opened, {escape: true}).answer, false);
});

test('delete keeps Cancel focused; grace period and force are its fields; Enter in a field moves to Cancel', () => {
  const opened = openConfirm(request('delete'));
  assert.equal(opened.focus, opened.fields.length, 'Cancel');
  assert.equal(type(opened, {return: true}).answer, false, 'Enter alone cancels');
  const forced = type(opened, 'f');
  assert.equal(forced.state.values['force'], true);
  const graced = type(opened, {upArrow: true}, {upArrow: true}, '3', '0', {return: true});
  assert.equal(graced.answer, undefined, 'Enter in the field did not run a destructive action');
  assert.equal(graced.state.values['gracePeriod'], '30');
  assert.equal(graced.state.focus, opened.fields.length, 'it moved to Cancel');
  assert.equal(type(graced.state, {rightArrow: true}, {return: true}).answer, true);
});

test('drain asks the timeout and kubectl drain flags with kubectl defaults (all off)', () => {
  const opened = openConfirm({...request('drain'), kind: NODE_KIND, targets: [{namespace: undefined, name: 'n1'}]});
  assert.deepEqual(opened.values, {timeout: '5m', ignoreDaemonSets: false, deleteEmptyDirData: false, force: false});
  assert.deepEqual(type(opened, 'i', 'e').state.values, {
    timeout: '5m',
    ignoreDaemonSets: true,
    deleteEmptyDirData: true,
    force: false,
  });
  assert.equal(parseTimeout('5m'), 300_000);
  assert.equal(parseTimeout('1h30m'), 5_400_000);
  assert.equal(parseTimeout('90s'), 90_000);
  assert.equal(parseTimeout('0'), 0);
  assert.equal(parseTimeout('soon'), undefined);
});

test("set image: the container is chosen among the object's, the image prefilled with the first one's", () => {
  const opened = openConfirm(request('setImage', webDeployment));
  assert.deepEqual(opened.choices['container'], ['app', 'proxy']);
  assert.equal(opened.values['image'], 'nginx:1');
  const other = type(opened, {rightArrow: true});
  assert.equal(other.state.values['image'], 'envoy:1', "the other container's image, while not typed into");
  const picked = type(other.state, {tab: true}, {backspace: true}, '2');
  assert.equal(picked.state.values['container'], 'proxy');
  assert.equal(picked.state.values['image'], 'envoy:2');
  const typed = type(other.state, {tab: true}, 'n', 'g', 'i', 'n', 'x', {shift: true, tab: true}, {leftArrow: true});
  assert.equal(typed.state.values['container'], 'app');
  assert.equal(typed.state.values['image'], 'nginx', 'typed text is kept when the container changes');
  // With one container there is nothing to choose: the focus starts on the image.
  const single = openConfirm(
    request('setImage', {spec: {template: {spec: {containers: [{name: 'only', image: 'busybox:1'}]}}}}),
  );
  assert.equal(single.fields[single.focus]?.name, 'image');
});

// A cluster that records what the actions asked of it.
function recordingApi(): {api: ActionApi; calls: string[]} {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push(
        `${name} ${JSON.stringify(args.map((arg) => (arg && typeof arg === 'object' && 'plural' in arg ? (arg as ResourceKind).plural : arg)))}`,
      );
      return Promise.resolve(name === 'triggerCronJob' ? 'nightly-manual-xyz' : undefined);
    };
  const api = {
    deleteObject: record('deleteObject'),
    setUnschedulable: record('setUnschedulable'),
    scale: record('scale'),
    rolloutRestart: record('rolloutRestart'),
    setImage: record('setImage'),
    setSuspended: record('setSuspended'),
    triggerCronJob: record('triggerCronJob'),
    drain: (node: string, options: unknown, control: {timeoutMs?: number}) => {
      calls.push(`drain ${node} ${JSON.stringify(options)} ${control.timeoutMs}`);
      return Promise.resolve({
        kind: 'drained',
        plan: {evict: [], skipped: [], blockers: []},
        progress: {node, pods: []},
      });
    },
  } as unknown as ActionApi;
  return {api, calls};
}
const job: ActionJob = {
  signal: new AbortController().signal,
  progress: () => undefined,
  now: () => Date.parse('2026-12-01T10:00:00Z'),
};
const run = (api: ActionApi, action: ActionRequest, values: FieldValues) => {
  const spec = actionSpec(action.action);
  if (spec.run.type !== 'confirm') throw new Error(`${spec.id} is not confirmed`);
  return spec.run.call(api, action, values, job);
};

test('the calls the actions make, and the lines they leave', async () => {
  const {api, calls} = recordingApi();
  assert.equal(await run(api, request('scale'), {replicas: '4'}), 'scaled deployment shop/web to 4');
  assert.equal(await run(api, request('restart'), {}), 'restarted deployment shop/web');
  const marked: ActionRequest = {
    ...request('delete'),
    targets: [
      {namespace: 'shop', name: 'a'},
      {namespace: 'shop', name: 'b'},
    ],
  };
  assert.equal(await run(api, marked, {gracePeriod: '', force: true}), 'deleted 2 deployments');
  const cron = {...request('trigger'), kind: CRONJOBS, targets: [{namespace: 'ops', name: 'nightly'}]};
  assert.equal(await run(api, cron, {}), 'triggered cronjob ops/nightly: job nightly-manual-xyz created');
  const suspended = {...request('suspend', {spec: {suspend: true}}), kind: CRONJOBS};
  assert.equal(actionSpec('suspend').verb(suspended), 'resume');
  assert.equal(await run(api, suspended, {}), 'resumed cronjob shop/web');
  await run(
    api,
    {...request('drain'), kind: NODE_KIND, targets: [{namespace: undefined, name: 'n1'}]},
    {
      timeout: '2m',
      ignoreDaemonSets: true,
      deleteEmptyDirData: false,
      force: false,
    },
  );
  assert.deepEqual(calls, [
    'scale ["deployments","shop","web",4]',
    'rolloutRestart ["deployments","shop","web","2026-12-01T10:00:00.000Z"]',
    'deleteObject ["deployments","shop","a",{"force":true}]',
    'deleteObject ["deployments","shop","b",{"force":true}]',
    'triggerCronJob ["cronjobs","ops","nightly"]',
    'setSuspended ["cronjobs","shop","web",false]',
    'drain n1 {"ignoreDaemonSets":true,"deleteEmptyDirData":false,"force":false} 120000',
  ]);
});

test("a CronJob's manual Job: kubectl's name, the manual annotation, its template and the CronJob as owner", () => {
  const cronJob = {
    metadata: {name: 'nightly', uid: 'uid-1', namespace: 'ops'},
    spec: {
      jobTemplate: {
        metadata: {labels: {app: 'report'}, annotations: {team: 'data'}},
        spec: {template: {spec: {containers: [{name: 'c', image: 'busybox'}]}}},
      },
    },
  };
  const job = manualJob(cronJob, 'batch/v1beta1', 'abcde');
  assert.equal(job.metadata.name, 'nightly-manual-abcde');
  assert.deepEqual(job.metadata.annotations, {team: 'data', 'cronjob.kubernetes.io/instantiate': 'manual'});
  assert.deepEqual(job.metadata.labels, {app: 'report'});
  assert.deepEqual(job.metadata.ownerReferences, [
    {
      apiVersion: 'batch/v1beta1',
      kind: 'CronJob',
      name: 'nightly',
      uid: 'uid-1',
      controller: true,
      blockOwnerDeletion: true,
    },
  ]);
  assert.deepEqual(job.spec, cronJob.spec.jobTemplate.spec);
  const long = manualJob({...cronJob, metadata: {...cronJob.metadata, name: 'x'.repeat(70)}}, 'batch/v1', 'abcde');
  assert.equal(long.metadata.name.length, 63);
  assert.match(manualSuffix(), /^[a-z0-9]{5}$/);
  assert.equal(
    manualSuffix(() => new Uint8Array([0, 1, 2, 3, 4])),
    'bcdfg',
  );
});

test('the kind registry: renderer, row severity, fault rule and Enter per kind', () => {
  const cells = (values: Record<string, string>) => (header: string) => values[header] ?? '';
  assert.equal(profileOf(POD_KIND).table, 'pods');
  assert.equal(profileOf(NODE_KIND).table, 'nodes');
  assert.equal(profileOf(EVENT_KIND).table, 'events');
  assert.equal(profileOf(DEPLOYMENTS).table, 'server');
  // A kind named like a built-in one in another group is not it.
  assert.equal(profileOf({plural: 'pods', group: 'metrics.k8s.io'}).table, 'server');
  assert.equal(profileOf(NODE_KIND).severity(cells({STATUS: 'Ready,SchedulingDisabled'})), 'progressing');
  assert.equal(profileOf(NODE_KIND).severity(cells({STATUS: 'NotReady'})), 'failing');
  assert.equal(profileOf(EVENT_KIND).severity(cells({TYPE: 'Warning'})), 'progressing');
  assert.equal(profileOf(POD_KIND).severity(cells({STATUS: 'CrashLoopBackOff'})), 'failing');
  assert.equal(profileOf(POD_KIND).isFault(cells({STATUS: 'Running', READY: '1/2'}), undefined), true);
  assert.equal(profileOf(POD_KIND).isFault(cells({STATUS: 'Completed', READY: '0/1'}), undefined), false);
  assert.equal(profileOf(DEPLOYMENTS).isFault(cells({STATUS: 'whatever'}), undefined), false);
  assert.deepEqual(profileOf(POD_KIND).drill({kind: POD_KIND, namespace: 'a', name: 'p'}), {
    type: 'containers',
    namespace: 'a',
    pod: 'p',
  });
  assert.deepEqual(profileOf(DEPLOYMENTS).drill({kind: DEPLOYMENTS, namespace: 'a', name: 'web'}), {needsObject: true});
  assert.deepEqual(profileOf(CONFIGMAPS).drill({kind: CONFIGMAPS, namespace: 'a', name: 'c'}), {
    type: 'yaml',
    kind: CONFIGMAPS,
    namespace: 'a',
    name: 'c',
  });
});

test('the config may give an action a key another kind uses for something else, not one every row uses', () => {
  // c cordons nodes; on deployments it is free.
  const shared = remapKeys(keymap, [{name: 'action.scale', keys: ['c'], line: 2}]);
  assert.deepEqual(shared.problems, []);
  assert.deepEqual(commandsFor('c', {}, 'table', shared.keymap, 'deployments.apps'), ['action.scale']);
  assert.deepEqual(commandsFor('c', {}, 'table', shared.keymap, 'nodes'), ['action.cordon']);
  const taken = remapKeys(keymap, [{name: 'action.scale', keys: ['d'], line: 3}]);
  assert.deepEqual(taken.problems, [
    {line: 3, message: 'keys: action.scale: d is already the key of view.describe in the table view; kept s'},
  ]);
});
