import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {eventually, kubeconfigPath, kubectl, createNamespace} from './local-cluster.js';
import {TmuxTerminal} from './tmux-terminal.js';

// s, a and E in a real terminal against the local cluster: kview gives the terminal to a shell in the pod (through
// the API server's WebSocket, no kubectl), to the container's own process, and to $EDITOR, and takes it back with
// the view as it was. kubectl is the oracle for what happened in the cluster.
const kview = new URL('../../bin/kview', import.meta.url).pathname;
const namespace = `kview-shell-${process.pid}`;
const work = mkdtempSync(join(tmpdir(), 'kview-shell-test-'));

// The local cluster has no pod network: pods run on the host's, so $HOSTNAME is the node's; POD_NAME (the
// downward API) says which pod the shell is in.
function sleeper(name: string): object {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {name, namespace, labels: {app: 'shell-test'}},
    spec: {
      hostNetwork: true,
      terminationGracePeriodSeconds: 0,
      restartPolicy: 'Never',
      containers: [
        {
          name: 'main',
          image: 'kview.local/busybox:1',
          imagePullPolicy: 'Never',
          command: ['sleep', '3600'],
          env: [{name: 'POD_NAME', valueFrom: {fieldRef: {fieldPath: 'metadata.name'}}}],
        },
      ],
    },
  };
}

const reader = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: 'reader', namespace},
  spec: {
    hostNetwork: true,
    terminationGracePeriodSeconds: 0,
    restartPolicy: 'Never',
    containers: [
      {
        name: 'reader',
        image: 'kview.local/busybox:1',
        imagePullPolicy: 'Never',
        stdin: true,
        tty: true,
        command: ['sh', '-c', 'while read l; do echo got:$l; done'],
      },
    ],
  },
};

// The sandbox image has one static binary and no shell at all.
const noShell = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: 'noshell', namespace},
  spec: {
    hostNetwork: true,
    terminationGracePeriodSeconds: 0,
    restartPolicy: 'Never',
    containers: [{name: 'pause', image: 'kview.local/pause:3.2', imagePullPolicy: 'Never'}],
  },
};

// Two containers and no default-container annotation: the shell asks which.
const pair = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {name: 'pair', namespace},
  spec: {
    hostNetwork: true,
    terminationGracePeriodSeconds: 0,
    restartPolicy: 'Never',
    containers: ['first', 'second'].map((name, index) => ({
      name,
      image: 'kview.local/busybox:1',
      imagePullPolicy: 'Never',
      command: ['sleep', String(3600 + index)],
    })),
  },
};

before(async () => {
  await createNamespace(namespace);
  const manifest = join(work, 'pods.json');
  writeFileSync(
    manifest,
    JSON.stringify({apiVersion: 'v1', kind: 'List', items: [sleeper('alpha'), sleeper('beta'), noShell, pair, reader]}),
  );
  kubectl('apply', '-f', manifest);
  await eventually(
    'the test pods running',
    () => {
      const phases = kubectl('-n', namespace, 'get', 'pods', '-o', 'jsonpath={.items[*].status.phase}');
      return phases === 'Running Running Running Running Running' || undefined;
    },
    60_000,
  );
});

after(() => {
  kubectl('delete', 'namespace', namespace, '--wait=false');
  rmSync(work, {recursive: true, force: true});
});

let current: TmuxTerminal | undefined;
// A failure shows the screen it failed on.
async function waitFor<T>(what: string, check: () => T | undefined): Promise<T> {
  try {
    return await eventually(what, check);
  } catch (error) {
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}; the screen:\n${current?.screen() ?? ''}`,
    );
  }
}

function startKview(environment: Record<string, string> = {}, columns = 160): TmuxTerminal {
  return (current = new TmuxTerminal([kview, '--kubeconfig', kubeconfigPath, '-n', namespace], {
    columns,
    rows: 30,
    environment,
  }));
}

// Filters the table and waits for the filter's own rows, so the next key goes to the filtered view.
async function filterTo(terminal: TmuxTerminal, pattern: string, rows: number, selected: string): Promise<void> {
  terminal.sendKeys('/', pattern, 'Enter');
  await waitFor(`the table filtered to ${pattern}`, () => {
    const screen = terminal.screen();
    return screen.includes(`${rows}/5 pods`) && screen.includes(`[filter: ${pattern}]`) ? true : undefined;
  });
  await waitFor(`${selected} selected`, () => terminal.selectedLine().startsWith(selected) || undefined);
}

async function tableShown(terminal: TmuxTerminal, rows: number): Promise<void> {
  await waitFor(`the table with ${rows} pods`, () => new RegExp(`● live\\s+${rows} pods`).test(terminal.screen()));
}

test('s opens a shell in the selected pod (sh where bash is absent), resizes reach it, exit restores the view', async (context) => {
  const terminal = startKview();
  context.after(() => terminal.close());
  await tableShown(terminal, 5);
  // A filter and a cursor row that must survive the shell.
  terminal.sendKeys('/', '^[ab]', 'Enter');
  await waitFor('the filtered table', () => /2\/5 pods/.test(terminal.screen()) || undefined);
  terminal.sendKeys('j');
  await waitFor('beta selected', () => terminal.selectedLine().startsWith('beta') || undefined);

  terminal.sendKeys('s');
  await waitFor('the shell prompt', () => /^\/ #\s*$/m.test(terminal.screen()) || undefined);
  assert.equal(terminal.format('#{alternate_on}'), '0', 'the shell runs on the normal screen');
  terminal.sendKeys('echo "[$HOSTNAME] [$POD_NAME]"', 'Enter');
  const hostname = kubectl('-n', namespace, 'exec', 'beta', '--', 'sh', '-c', 'echo $HOSTNAME').trim();
  await waitFor('the echo', () => terminal.screen().includes(`[${hostname}] [beta]`) || undefined);

  terminal.resize(100, 24);
  terminal.sendKeys('stty size', 'Enter');
  await waitFor('the new size inside the shell', () => /^24 100$/m.test(terminal.screen()) || undefined);

  terminal.sendKeys('exit', 'Enter');
  const screen = await waitFor('the view back', () => {
    const text = terminal.screen();
    return text.includes('shell in') && text.includes('ended') && /2\/5 pods/.test(text) ? text : undefined;
  });
  assert.equal(terminal.format('#{alternate_on}'), '1', 'back on the alternate screen');
  assert.match(screen, /^kview\s+ctx: kview-admin/m, 'the header is back');
  assert.match(screen, /filter: \^\[ab\]/, 'the filter is kept');
  assert.ok(!screen.includes('/ #'), 'nothing of the shell is left in the frame');
  assert.ok(terminal.selectedLine().startsWith('beta'), `the cursor row is kept: ${terminal.selectedLine()}`);
  // Keys are kview's again.
  terminal.sendKeys('k');
  await waitFor('the cursor moving', () => terminal.selectedLine().startsWith('alpha') || undefined);
});

test("a attaches to the container's process, which echoes what is typed; ctrl-p ctrl-q detaches and leaves it running", async (context) => {
  const terminal = startKview();
  context.after(() => terminal.close());
  await tableShown(terminal, 5);
  await filterTo(terminal, 'reader', 1, 'reader');
  terminal.sendKeys('a');
  await waitFor('the attach banner', () => terminal.screen().includes('ctrl-p ctrl-q detaches') || undefined);
  terminal.sendKeys('hello-attach', 'Enter');
  await waitFor('the process answering', () => terminal.screen().includes('got:hello-attach') || undefined);
  terminal.sendKeys('C-p', 'C-q');
  await waitFor('the view back', () => terminal.screen().includes('detached (the container goes on running)'));
  assert.equal(terminal.format('#{alternate_on}'), '1');
  const state = kubectl(
    '-n',
    namespace,
    'get',
    'pod',
    'reader',
    '-o',
    'jsonpath={.status.phase} {.status.containerStatuses[0].restartCount}',
  );
  assert.equal(state, 'Running 0');
});

test('s on a container without any shell says so in one line and names the ephemeral debug container', async (context) => {
  // Wide enough for the whole line with the test's long namespace name.
  const terminal = startKview({}, 200);
  context.after(() => terminal.close());
  await tableShown(terminal, 5);
  await filterTo(terminal, 'noshell', 1, 'noshell');
  terminal.sendKeys('s');
  const screen = await waitFor('the one line', () => {
    const text = terminal.screen().replace(/\n/g, '');
    return text.includes('no shell in container pause (neither bash nor sh)') ? text : undefined;
  });
  assert.match(screen, new RegExp(`kubectl debug -it noshell -n ${namespace} --image=busybox --target=pause`));
  assert.equal(terminal.format('#{alternate_on}'), '1');
});

test('s on a pod with two containers and no default opens the containers view; s there opens the one picked', async (context) => {
  const terminal = startKview();
  context.after(() => terminal.close());
  await tableShown(terminal, 5);
  await filterTo(terminal, 'pair', 1, 'pair');
  terminal.sendKeys('s');
  await waitFor('the picker', () => {
    const screen = terminal.screen();
    return screen.includes('containers of') && screen.includes('pick a container') ? true : undefined;
  });
  await waitFor('the first container row', () => terminal.selectedLine().startsWith('first') || undefined);
  terminal.sendKeys('j');
  await waitFor('the second container selected', () => terminal.selectedLine().startsWith('second') || undefined);
  terminal.sendKeys('s');
  await waitFor('the shell prompt', () => /^\/ #\s*$/m.test(terminal.screen()) || undefined);
  // PID 1 of each container is its own sleep: 3601 is the second's.
  terminal.sendKeys('tr "\\0" " " < /proc/1/cmdline; echo', 'Enter');
  await waitFor("the second container's process", () => /^sleep 3601\s*$/m.test(terminal.screen()) || undefined);
  terminal.sendKeys('exit', 'Enter');
  await waitFor('the containers view back', () => {
    const screen = terminal.screen();
    return screen.includes('containers of') && screen.includes('(second): ended') ? true : undefined;
  });
  assert.ok(terminal.selectedLine().startsWith('second'), 'the picked row is still selected');
});

// The test's editor: a script run once per opening, told what to do by the opening's number; it copies what it
// was given so the test can read it.
function editorScript(name: string, steps: string[]): string {
  const script = join(work, `${name}.sh`);
  const cases = steps.map((step, index) => `  ${index + 1}) ${step} ;;`).join('\n');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `count_file=${join(work, `${name}.count`)}`,
      'n=$(cat "$count_file" 2>/dev/null || echo 0); n=$((n+1)); echo $n > "$count_file"',
      `cp "$1" ${join(work, name)}-seen-$n.yaml`,
      'case $n in',
      cases,
      'esac',
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return script;
}

test('E edits a label through $EDITOR; invalid YAML reopens the editor with the error at the top', async (context) => {
  const editor = editorScript('label', [
    // First opening: a line that is not YAML.
    `echo '  : : not yaml: [' >> "$1"`,
    // Second: the error is there as # lines; the bad line goes and a label comes in.
    `sed -i '/not yaml/d' "$1"; sed -i 's/^  labels:$/  labels:\\n    edited: "yes"/' "$1"`,
  ]);
  const terminal = startKview({EDITOR: editor, KUBE_EDITOR: ''});
  context.after(() => terminal.close());
  await tableShown(terminal, 5);
  await filterTo(terminal, 'alpha', 1, 'alpha');
  terminal.sendKeys('E');
  await waitFor('the edit applied', () => terminal.screen().includes('pods/alpha edited') || undefined);
  assert.equal(kubectl('-n', namespace, 'get', 'pod', 'alpha', '-o', 'jsonpath={.metadata.labels.edited}'), 'yes');
  // The keys are kview's again: Esc clears the filter.
  terminal.sendKeys('Escape');
  await waitFor('the filter cleared', () => /● live\s+5 pods/.test(terminal.screen()) || undefined);

  const first = readFileSync(join(work, 'label-seen-1.yaml'), 'utf8');
  assert.match(first, /^# Please edit the object below/);
  assert.ok(!first.includes('managedFields'), 'managedFields are left out');
  assert.match(first, /resourceVersion: /);
  const second = readFileSync(join(work, 'label-seen-2.yaml'), 'utf8');
  // The header: the comment lines before the object's first line.
  const lines = second.split('\n');
  const header = lines
    .slice(
      0,
      lines.findIndex((line) => !line.startsWith('#')),
    )
    .join('\n');
  assert.match(header, /^# The edited file had a syntax error: /m, second.slice(0, 600));
  assert.ok(second.includes('  : : not yaml: ['), 'the edited text is kept in the reopened file');
  assert.equal(terminal.format('#{alternate_on}'), '1');
});

test('E: a change the server refuses reopens with its message; giving up names the kept file, which holds the edit', async (context) => {
  const editor = editorScript('refused', [
    // A pod's container name cannot change: the API server answers 422.
    `sed -i 's/^    - name: main$/    - name: renamed/' "$1"`,
    // The editor quits with an error (vim's :cq): the edit is abandoned.
    'exit 1',
  ]);
  const terminal = startKview({EDITOR: editor});
  context.after(() => terminal.close());
  await tableShown(terminal, 5);
  await filterTo(terminal, 'beta', 1, 'beta');
  terminal.sendKeys('E');
  const screen = await waitFor('the kept file named', () => {
    const text = terminal.screen().replace(/\n/g, '');
    return text.includes('the file is kept: ') ? text : undefined;
  });
  const kept = /the file is kept: (\S+\.yaml)/.exec(screen)?.[1] ?? '';
  assert.ok(existsSync(kept), `${kept} exists`);
  const text = readFileSync(kept, 'utf8');
  assert.match(text, /^# pods\/beta was not valid:$/m);
  assert.match(text, /^# \* .*Forbidden: pod updates may not change fields/m);
  assert.match(text, /^ {4}- name: renamed$/m, 'the edit is in the kept file');
  const mode = (await import('node:fs')).statSync(kept).mode & 0o777;
  assert.equal(mode, 0o600);
  assert.equal(kubectl('-n', namespace, 'get', 'pod', 'beta', '-o', 'jsonpath={.spec.containers[0].name}'), 'main');
  rmSync(join(kept, '..'), {recursive: true, force: true});
});

test('E: the object changing during the edit (409) asks, and y re-edits its newest version', async (context) => {
  const editor = editorScript('conflict', [
    // Someone else changes the object while the editor is open.
    `kubectl --kubeconfig ${kubeconfigPath} -n ${namespace} label pod alpha meanwhile=1 >/dev/null; ` +
      `sed -i 's/^  labels:$/  labels:\\n    mine: "first"/' "$1"`,
    `sed -i 's/^  labels:$/  labels:\\n    mine: "second"/' "$1"`,
  ]);
  const terminal = startKview({EDITOR: editor});
  context.after(() => terminal.close());
  await tableShown(terminal, 5);
  await filterTo(terminal, 'alpha', 1, 'alpha');
  terminal.sendKeys('E');
  await waitFor('the question', () => terminal.screen().includes('on its newest version? [y/N]') || undefined);
  assert.match(terminal.screen(), /the object has been modified/);
  terminal.sendKeys('y', 'Enter');
  await waitFor('the edit applied', () => terminal.screen().includes('pods/alpha edited') || undefined);
  const labels = kubectl(
    '-n',
    namespace,
    'get',
    'pod',
    'alpha',
    '-o',
    'jsonpath={.metadata.labels.meanwhile} {.metadata.labels.mine}',
  );
  assert.equal(labels, '1 second', 'the other change is kept and the re-edit applied');
  const second = readFileSync(join(work, 'conflict-seen-2.yaml'), 'utf8');
  assert.match(second, /^# The object changed while you edited it; this is its newest version\.$/m);
  const kept = /^# Your previous edit is kept in (\S+)$/m.exec(second)?.[1] ?? '';
  assert.match(readFileSync(kept, 'utf8'), /mine: "first"/);
  rmSync(join(kept, '..'), {recursive: true, force: true});
});
