// Runs the suites with node:test and ends with one line CI can read: "N passed, N failed".
// Files are listed explicitly: on Node 20 `node --test dir/` silently skips .tsx files.
// A suite that runs no test fails the run, so a broken glob can never pass as green.
// The unit and component suites run twice: on the Node.js running this script (the floor in package.json's
// engines) and on the current LTS. The integration suite runs its files one at a time whatever the core count:
// they share one cluster, and some stop its API server.
// Everything the suites need is set up here first, so `npm ci && npm test` alone works on a fresh machine:
// Debian packages and the Kubernetes build (test/cluster/build.sh), the LTS Node.js, the local cluster.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

const clusterScript = join(root, 'test/cluster/cluster.sh');
const kubeconfig =
  process.env.KVIEW_TEST_KUBECONFIG ??
  join(process.env.KVIEW_CLUSTER_DIR ?? join(process.env.HOME ?? '/root', '.cache/kview/cluster'), 'kubeconfig');

let startedCluster = false;
let integrationReady;
let passed = 0;
let failed = 0;
const problems = [];
const started = Date.now();

const ltsNode = setUpLtsNode();
const runtimes = [{label: `node ${process.versions.node}`, binary: process.execPath}];
if (ltsNode) runtimes.push({label: `node ${ltsNode.version}`, binary: ltsNode.binary});

const runs = [];
for (const runtime of runtimes) {
  if (wanted('unit')) runs.push({suite: 'unit', directory: 'test/unit', runtime});
}
for (const runtime of runtimes) {
  if (wanted('component')) runs.push({suite: 'component', directory: 'test/component', runtime});
}
if (wanted('integration')) {
  runs.push({suite: 'integration', directory: 'test/integration', runtime: runtimes[0], needsCluster: true});
}

for (const run of runs) {
  const name = `${run.suite} (${run.runtime.label})`;
  const files = readdirSync(join(root, run.directory))
    .filter((file) => /\.test\.tsx?$/.test(file))
    .sort()
    .map((file) => join(run.directory, file));
  if (files.length === 0) {
    problems.push(`${name}: no test files in ${run.directory}`);
    continue;
  }
  if (run.needsCluster && !(setUpIntegration() && ensureCluster())) {
    problems.push(`${name}: the set-up failed (see the output above)`);
    failed += 1;
    continue;
  }
  const tap = join(mkdtempSync(join(tmpdir(), 'kview-tests-')), `${run.suite}.tap`);
  console.log(`\n== ${name}: ${files.length} files`);
  const suiteStarted = Date.now();
  spawnSync(
    run.runtime.binary,
    [
      '--import',
      'tsx',
      '--test',
      ...(run.needsCluster ? ['--test-concurrency=1'] : []),
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {...process.env, KVIEW_TEST_KUBECONFIG: kubeconfig, ...(ltsNode ? {KVIEW_LTS_NODE: ltsNode.binary} : {})},
    },
  );
  const counts = summary(readFileSync(tap, 'utf8'));
  passed += counts.pass;
  failed += counts.fail;
  if (counts.tests === 0) problems.push(`${name}: ran no test`);
  console.log(`== ${name}: ${counts.pass} passed, ${counts.fail} failed in ${seconds(suiteStarted)}`);
}

if (startedCluster && process.env.KVIEW_KEEP_CLUSTER !== '1') {
  spawnSync('bash', [clusterScript, 'down'], {stdio: 'inherit'});
}
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`\nall suites took ${seconds(started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);

// The LTS Node.js binary from the npm registry (cached); without it the second runtime is a failure, not a skip.
function setUpLtsNode() {
  if (!wanted('unit') && !wanted('component') && !wanted('integration')) return undefined;
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/node-release.ts')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const binary = result.stdout.trim();
  if (result.status !== 0 || !binary) {
    problems.push('the LTS Node.js could not be set up (scripts/node-release.ts, see above)');
    failed += 1;
    return undefined;
  }
  const version = spawnSync(binary, ['--version'], {encoding: 'utf8'}).stdout.trim().replace(/^v/, '');
  return {binary, version};
}

function setUpIntegration() {
  if (integrationReady !== undefined) return integrationReady;
  console.log(
    '\n== set-up: Debian packages and the Kubernetes build (test/cluster/build.sh; cached after the first run)',
  );
  const setUpStarted = Date.now();
  integrationReady = spawnSync('bash', [join(root, 'test/cluster/build.sh')], {stdio: 'inherit'}).status === 0;
  console.log(`== set-up took ${seconds(setUpStarted)}`);
  if (integrationReady) integrationReady = kubectlHasEvents();
  return integrationReady;
}

// The events oracle runs `kubectl events`, which kubectl has since 1.26; an older one would fail tests for a
// reason that has nothing to do with kview, so it is refused up front with what to do.
function kubectlHasEvents() {
  const which = spawnSync('kubectl', ['version', '--client', '-o', 'json'], {encoding: 'utf8'});
  if (which.error || which.status !== 0) {
    problems.push('no kubectl on PATH: the integration tests use it as the oracle (kubectl >= 1.26 needed)');
    return false;
  }
  const events = spawnSync('kubectl', ['events', '--help'], {encoding: 'utf8'});
  if (events.status !== 0) {
    const version = which.stdout.match(/"gitVersion":\s*"([^"]+)"/)?.[1] ?? 'unknown version';
    problems.push(
      `kubectl ${version} has no 'kubectl events' (added in 1.26), which the events oracle runs: put a kubectl >= 1.26 first on PATH`,
    );
    return false;
  }
  return true;
}

function ensureCluster() {
  const status = spawnSync('bash', [clusterScript, 'status'], {encoding: 'utf8'});
  if (status.status === 0) return true;
  console.log('\n== starting the local cluster');
  const upStarted = Date.now();
  const up = spawnSync('bash', [clusterScript, 'up'], {stdio: 'inherit'});
  console.log(`== cluster up took ${seconds(upStarted)}`);
  startedCluster = true;
  return up.status === 0;
}

function summary(tap) {
  const read = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {tests: read('tests'), pass: read('pass'), fail: read('fail') + read('cancelled')};
}

function seconds(since) {
  return `${Math.round((Date.now() - since) / 1000)} s`;
}
