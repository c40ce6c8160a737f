// Runs the three suites with node:test and ends with one line CI can read: "N passed, N failed".
// Files are listed explicitly: on Node 20 `node --test dir/` silently skips .tsx files.
// A suite that runs no test fails the run, so a broken glob can never pass as green.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const suites = [
  {name: 'unit', directory: 'test/unit'},
  {name: 'component', directory: 'test/component'},
  {name: 'integration', directory: 'test/integration', needsCluster: true},
].filter((suite) => only.length === 0 || only.includes(suite.name));

const clusterScript = join(root, 'test/cluster/cluster.sh');
const kubeconfig =
  process.env.KVIEW_TEST_KUBECONFIG ??
  join(process.env.KVIEW_CLUSTER_DIR ?? join(process.env.HOME ?? '/root', '.cache/kview/cluster'), 'kubeconfig');

let startedCluster = false;
let passed = 0;
let failed = 0;
const problems = [];

for (const suite of suites) {
  const files = readdirSync(join(root, suite.directory))
    .filter((name) => /\.test\.tsx?$/.test(name))
    .sort()
    .map((name) => join(suite.directory, name));
  if (files.length === 0) {
    problems.push(`${suite.name}: no test files in ${suite.directory}`);
    continue;
  }
  if (suite.needsCluster && !ensureCluster()) {
    problems.push(`${suite.name}: the local cluster did not start (see the output above)`);
    failed += 1;
    continue;
  }
  const tap = join(mkdtempSync(join(tmpdir(), 'kview-tests-')), `${suite.name}.tap`);
  console.log(`\n== ${suite.name} (${files.length} files)`);
  spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {...process.env, KVIEW_TEST_KUBECONFIG: kubeconfig},
    },
  );
  const counts = summary(readFileSync(tap, 'utf8'));
  passed += counts.pass;
  failed += counts.fail;
  if (counts.tests === 0) problems.push(`${suite.name}: ran no test`);
  console.log(`== ${suite.name}: ${counts.pass} passed, ${counts.fail} failed`);
}

if (startedCluster && process.env.KVIEW_KEEP_CLUSTER !== '1') {
  spawnSync('bash', [clusterScript, 'down'], {stdio: 'inherit'});
}
for (const problem of problems) console.log(`problem: ${problem}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);

function ensureCluster() {
  const status = spawnSync('bash', [clusterScript, 'status'], {encoding: 'utf8'});
  if (status.status === 0) return true;
  console.log('\n== starting the local cluster (the first run builds Kubernetes: about 10 minutes)');
  const up = spawnSync('bash', [clusterScript, 'up'], {stdio: 'inherit'});
  startedCluster = true;
  return up.status === 0;
}

function summary(tap) {
  const read = (name) => Number(tap.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {tests: read('tests'), pass: read('pass'), fail: read('fail') + read('cancelled')};
}
