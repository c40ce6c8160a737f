import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {eventually, kubeconfigPath, kubectl} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// F on a Service in a real terminal, an HTTP request through the forward answered by the pod behind it, the pod
// deleted and the same local port answered by its replacement; Y copying a name into tmux's clipboard buffer.
// KVIEW_TEST_KVIEW=dist/kview-linux-x64 runs the same test on the single executable.
const kview = process.env.KVIEW_TEST_KVIEW ?? new URL('../../bin/kview', import.meta.url).pathname;
const namespace = 'kview-forward';
// The local cluster runs pods on the host network; a port of its own keeps this test off everyone else's.
const POD_PORT = 18713;

// httpd answers with the pod's own name (written at start). Its readiness probe asks that very answer, so a new
// pod is Ready only once it, not the old one, serves the port; a new pod retries the bind while the old one goes.
const MANIFEST = `
apiVersion: v1
kind: Namespace
metadata: {name: ${namespace}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: ${namespace}}
spec:
  replicas: 1
  selector: {matchLabels: {app: pf-web}}
  template:
    metadata: {labels: {app: pf-web}}
    spec:
      hostNetwork: true
      terminationGracePeriodSeconds: 1
      containers:
        - name: httpd
          image: kview.local/busybox:1
          imagePullPolicy: Never
          env: [{name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
          ports: [{containerPort: ${POD_PORT}, name: http}]
          command: ['sh', '-c', 'mkdir -p /www && echo "$POD_NAME" > /www/index.html && until httpd -f -p 127.0.0.1:${POD_PORT} -h /www; do sleep 0.2; done']
          readinessProbe:
            exec: {command: ['sh', '-c', 'wget -q -O - http://127.0.0.1:${POD_PORT}/ | grep -qx "$POD_NAME"']}
            periodSeconds: 1
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: ${namespace}}
spec:
  selector: {app: pf-web}
  ports: [{name: web, port: 80, targetPort: http}]
`;

function applyManifest(): void {
  // A fresh namespace: one left by an earlier run may still be terminating, which refuses new objects.
  kubectl('delete', 'namespace', namespace, '--ignore-not-found', '--timeout=120s');
  execFileSync('kubectl', ['--kubeconfig', kubeconfigPath, 'apply', '-f', '-'], {input: MANIFEST, stdio: 'pipe'});
  kubectl('-n', namespace, 'rollout', 'status', 'deployment/web', '--timeout=90s');
}

function readyPod(): string | undefined {
  const pods = JSON.parse(kubectl('-n', namespace, 'get', 'pods', '-l', 'app=pf-web', '-o', 'json')) as {
    items: Array<{
      metadata: {name: string; deletionTimestamp?: string};
      status: {conditions?: Array<{type: string; status: string}>};
    }>;
  };
  return pods.items.find(
    (pod) =>
      !pod.metadata.deletionTimestamp &&
      pod.status.conditions?.some((condition) => condition.type === 'Ready' && condition.status === 'True'),
  )?.metadata.name;
}

// One request on a connection of its own (no keep-alive: each request is a new forwarded connection).
function get(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get({host: '127.0.0.1', port, path: '/', agent: false, timeout: 5000}, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve(body.trim()));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
}

function portIsClosed(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({host: '127.0.0.1', port});
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

before(applyManifest);
after(() => {
  kubectl('delete', 'namespace', namespace, '--ignore-not-found', '--wait=false');
});

test('F on a service forwards a local port to its pod and follows the pod when the Deployment replaces it', async (context) => {
  const firstPod = readyPod();
  assert.ok(firstPod, 'the deployment has a ready pod');
  // --readonly: a port-forward creates nothing in the cluster, so it is offered there too.
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-n', namespace, '--readonly'], {
    columns: 200,
    rows: 30,
  });
  context.after(() => terminal.close());
  await eventually('the pods view', () => terminal.screen().includes(firstPod));
  // Services are known once discovery has answered: until then ':services' is refused, so it is typed again.
  let typedAt = 0;
  await eventually('the services view with web', () => {
    if (/● live\s+1 services/.test(terminal.screen())) return true;
    if (Date.now() - typedAt > 2000) {
      terminal.sendKeys(':services', 'Enter');
      typedAt = Date.now();
    }
    return undefined;
  });
  terminal.sendKeys('F');
  const prompt = await eventually(
    'the port-forward prompt',
    () =>
      /port-forward service kview-forward\/web .*\[ADDRESS:\]LOCAL\[:REMOTE\]: (\S+)/.exec(terminal.screen()) ??
      undefined,
  );
  // The pod's own port is taken on this host (the pod runs on the host network), so a free one is offered.
  const offered = prompt[1] ?? '';
  assert.match(offered, /^127\.0\.0\.1:\d+:80$/);
  assert.notEqual(offered, `127.0.0.1:${POD_PORT}:80`);
  terminal.sendKeys('Enter');
  const started = await eventually(
    'the forwarding line',
    () => /forwarding 127\.0\.0\.1:(\d+) -> service\/web:80 \(pod (\S+)\)/.exec(terminal.screen()) ?? undefined,
  );
  const localPort = Number(started[1]);
  assert.equal(started[2], firstPod);
  assert.equal(await get(localPort), firstPod, 'the pod behind the service answers through the forward');

  terminal.sendKeys(':pf', 'Enter');
  const row = await eventually('the :pf row listening with bytes counted', () => {
    const line = terminal
      .screen()
      .split('\n')
      .find((text) => text.includes(`127.0.0.1:${localPort}`));
    return line && /listening/.test(line) && !/\s0B\s+0B\s/.test(line) ? line : undefined;
  });
  assert.match(row, new RegExp(`kview-forward/service/web:80 -> ${firstPod}:${POD_PORT}`));

  kubectl('-n', namespace, 'delete', 'pod', firstPod, '--wait=false');
  await eventually(
    'reconnecting in the :pf view',
    () => /reconnecting: pod \S+ is (being deleted|gone)/.test(terminal.screen()),
    15_000,
  );
  const secondPod = await eventually(
    'a new ready pod',
    () => {
      const pod = readyPod();
      return pod && pod !== firstPod ? pod : undefined;
    },
    60_000,
  );
  await eventually(
    'the :pf row listening on the new pod',
    () => {
      const line = terminal
        .screen()
        .split('\n')
        .find((text) => text.includes(`127.0.0.1:${localPort}`));
      return line?.includes(`-> ${secondPod}:${POD_PORT}`) && /listening/.test(line) ? line : undefined;
    },
    30_000,
  );
  assert.equal(
    await eventually('the new pod answering on the same local port', async () => {
      const body = await get(localPort);
      return body === secondPod ? body : undefined;
    }),
    secondPod,
  );

  terminal.sendKeys('q');
  await eventually('kview to exit', () => terminal.exited());
  assert.ok(await portIsClosed(localPort), 'the forward stopped with kview');
});

test("F on a bare pod's container forwards its port; deleted, the forward says it has nothing to reconnect to", async (context) => {
  const bare = 'pf-bare';
  execFileSync('kubectl', ['--kubeconfig', kubeconfigPath, 'apply', '-f', '-'], {
    stdio: 'pipe',
    input: `
apiVersion: v1
kind: Pod
metadata: {name: ${bare}, namespace: ${namespace}}
spec:
  hostNetwork: true
  terminationGracePeriodSeconds: 0
  containers:
    - name: httpd
      image: kview.local/busybox:1
      imagePullPolicy: Never
      ports: [{containerPort: ${POD_PORT + 1}}]
      command: ['sh', '-c', 'mkdir -p /www && echo ${bare} > /www/index.html && exec httpd -f -p 127.0.0.1:${POD_PORT + 1} -h /www']
      readinessProbe:
        exec: {command: ['wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:${POD_PORT + 1}/']}
        periodSeconds: 1
`,
  });
  kubectl('-n', namespace, 'wait', '--for=condition=Ready', `pod/${bare}`, '--timeout=60s');
  const terminal = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-n', namespace], {columns: 200, rows: 30});
  context.after(() => terminal.close());
  await eventually('the bare pod on screen', () => terminal.screen().includes(bare));
  terminal.sendKeys('/', bare, 'Enter');
  await eventually(
    'only the bare pod listed',
    () => /● live\s+1\/\d+ pods\s+\[filter: pf-bare\]/.test(terminal.screen()) || undefined,
  );
  terminal.sendKeys('Enter');
  await eventually(
    'its containers',
    () =>
      terminal.screen().includes(`containers of ${namespace}/${bare}`) && /httpd\s+container/.test(terminal.screen()),
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${terminal.screen()}`);
  });
  terminal.sendKeys('F');
  await eventually(
    'the prompt with the container port',
    () =>
      /port-forward pod kview-forward\/pf-bare .*LOCAL\[:REMOTE\]:\s+127\.0\.0\.1:\d+:18714 /.test(terminal.screen()) ||
      undefined,
  );
  terminal.sendKeys('Enter');
  const started = await eventually(
    'the forwarding line',
    () => /forwarding 127\.0\.0\.1:(\d+) -> pod\/pf-bare:18714/.exec(terminal.screen()) ?? undefined,
  );
  const localPort = Number(started[1]);
  assert.equal(await get(localPort), bare);
  terminal.sendKeys(':pf', 'Enter');
  await eventually(
    'listening in :pf',
    () => /pod\/pf-bare:18714 -> pf-bare:18714\s+listening/.test(terminal.screen()) || undefined,
  );
  kubectl('-n', namespace, 'delete', 'pod', bare, '--wait=false');
  await eventually(
    'the forward failed with the reason',
    () =>
      /failed: pod pf-bare is (being deleted|gone); a bare pod has no workload to find another/.test(
        terminal.screen(),
      ) || undefined,
  );
  assert.ok(await portIsClosed(localPort), 'a failed forward listens no more');
});

test('the restricted user, who may not create pods/portforward, is told so', async (context) => {
  const terminal = new TmuxTerminal(
    [kview, '--kubeconfig', kubeconfigPath, '--context', 'kview-restricted', '-n', 'demo'],
    {
      columns: 200,
      rows: 30,
    },
  );
  context.after(() => terminal.close());
  await eventually('the demo pods', () => /● live\s+\d+ pods/.test(terminal.screen()) || undefined);
  terminal.sendKeys('F');
  await eventually(
    'the refusal',
    () =>
      terminal
        .screen()
        .includes('port-forward is not offered: your RBAC role does not allow create pods/portforward in demo') ||
      undefined,
  );
});

test('Y copies the selected name into tmux with set-clipboard on (OSC 52)', async (context) => {
  const pod = readyPod();
  assert.ok(pod);
  // A tmux server of its own: set-clipboard and the paste buffers are server-wide, and other tests share the default one.
  const directory = mkdtempSync(join(tmpdir(), 'kview-copy-'));
  const socket = join(directory, 'tmux.sock');
  const config = join(directory, 'tmux.conf');
  writeFileSync(config, 'set -s set-clipboard on\n');
  const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, '-f', config, ...args], {encoding: 'utf8'});
  context.after(() => {
    try {
      tmux('kill-server');
    } catch {
      // already gone
    }
    rmSync(directory, {recursive: true, force: true});
  });
  tmux(
    'new-session',
    '-d',
    '-s',
    'copy',
    '-x',
    '160',
    '-y',
    '30',
    kview,
    '--kubeconfig',
    kubeconfigPath,
    '-n',
    namespace,
  );
  const screen = () => tmux('capture-pane', '-p', '-t', 'copy');
  await eventually('the pod on screen', () => screen().includes(pod));
  // The one row left by the filter is the selected one.
  tmux('send-keys', '-t', 'copy', '/', pod, 'Enter');
  await eventually('the filtered view', () => screen().includes(`[filter: ${pod}]`));
  tmux('send-keys', '-t', 'copy', 'Y');
  const line = await eventually(
    'the copied line',
    () =>
      /copied pod name (\S+) \((\d+) bytes\) to the terminal's clipboard \(OSC 52\)(.*)/.exec(screen()) ?? undefined,
  );
  assert.equal(line[1], pod);
  assert.equal(Number(line[2]), Buffer.byteLength(pod));
  assert.doesNotMatch(line[3] ?? '', /may drop it/, 'kview read set-clipboard on from tmux');
  assert.equal(tmux('show-buffer'), pod);
  // The frame is intact: nothing of the sequence was drawn.
  assert.doesNotMatch(screen(), /52;c;|\]52/);
  tmux('send-keys', '-t', 'copy', 'q');
});
