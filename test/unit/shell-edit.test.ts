import {test} from 'node:test';
import assert from 'node:assert/strict';
import yaml from 'js-yaml';
import {describeHttpFailure} from '../../src/cluster/describe-error.js';
import type {TerminalEnd} from '../../src/cluster/pod-terminal.js';
import {editableYaml, objectYaml} from '../../src/resources/object-yaml.js';
import {editFileText, readEdit, refusalProblem, withoutHeader} from '../../src/state/edit-text.js';
import {editorCommand} from '../../src/state/editor-command.js';
import {attachRefusal, defaultContainer, noShellLine, shellWasMissing} from '../../src/state/shell-choice.js';

const ended = (end: Partial<TerminalEnd>): TerminalEnd => ({outputBytes: 0, detached: false, ...end});

test('a missing bash is told apart from a shell that ran and ended badly', () => {
  // containerd's answer when the image has no bash (seen on the local cluster's busybox).
  const missing = ended({
    status: 'Failure',
    reason: 'InternalError',
    message:
      'Internal error occurred: error executing command in container: failed to exec in container: failed to start ' +
      'exec "a70": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": ' +
      'executable file not found in $PATH: unknown',
  });
  assert.equal(shellWasMissing(missing), true);
  assert.equal(shellWasMissing(ended({status: 'Failure', exitCode: 127})), true, '127 before any output');
  assert.equal(shellWasMissing(ended({status: 'Failure', exitCode: 126})), true);
  // The user typed a command that does not exist, then exit: bash exits 127 after printing prompts.
  assert.equal(shellWasMissing(ended({status: 'Failure', exitCode: 127, outputBytes: 40})), false);
  assert.equal(shellWasMissing(ended({status: 'Failure', exitCode: 1})), false);
  assert.equal(shellWasMissing(ended({status: 'Success', exitCode: 0})), false);
  assert.equal(shellWasMissing(ended({detached: true, status: 'Failure', exitCode: 127})), false);
  // A pod that went away is not a reason to try sh.
  assert.equal(shellWasMissing(ended({status: 'Failure', message: 'container not found ("main")'})), false);
});

test('the container a shell opens in: the only one, the default-container annotation, else the user picks', () => {
  const pod = (names: string[], annotation?: string) => ({
    metadata: annotation ? {annotations: {'kubectl.kubernetes.io/default-container': annotation}} : {},
    spec: {containers: names.map((name) => ({name}))},
  });
  assert.equal(defaultContainer(pod(['app'])), 'app');
  assert.equal(defaultContainer(pod(['app', 'sidecar'])), undefined);
  assert.equal(defaultContainer(pod(['app', 'sidecar'], 'sidecar')), 'sidecar');
  assert.equal(defaultContainer(pod(['app', 'sidecar'], 'gone')), undefined, 'an annotation naming no container');
  assert.equal(attachRefusal({spec: {containers: [{name: 'a', stdin: true, tty: true}]}}, 'a'), undefined);
  assert.match(attachRefusal({spec: {containers: [{name: 'a', stdin: true}]}}, 'a') ?? '', /stdin and tty/);
  assert.equal(
    noShellLine('shop', 'web-1', 'app'),
    'no shell in container app (neither bash nor sh); an ephemeral debug container can get in (Kubernetes 1.23+): ' +
      'kubectl debug -it web-1 -n shop --image=busybox --target=app',
  );
});

test('the editor: $KUBE_EDITOR, then $EDITOR, then vi, split into a program and its arguments', () => {
  assert.deepEqual(editorCommand({KUBE_EDITOR: 'code --wait', EDITOR: 'nano'}), ['code', '--wait']);
  assert.deepEqual(editorCommand({KUBE_EDITOR: '  ', EDITOR: 'nano'}), ['nano']);
  assert.deepEqual(editorCommand({}), ['vi']);
});

const pod = {
  kind: 'Pod',
  apiVersion: 'v1',
  metadata: {
    name: 'web-1',
    namespace: 'shop',
    resourceVersion: '812',
    labels: {app: 'web'},
    managedFields: [{manager: 'kubectl', operation: 'Update', fieldsV1: {'f:metadata': {}}}],
  },
  spec: {containers: [{name: 'app', image: 'nginx:1.27'}]},
};

test('the edited YAML leaves managedFields out and keeps the resourceVersion, as kubectl edit does', () => {
  const text = editableYaml(pod);
  assert.ok(!text.includes('managedFields'));
  assert.ok(!text.includes('f:metadata'));
  assert.match(text, /^ {2}resourceVersion: '812'$/m);
  assert.deepEqual(yaml.load(text), {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: {name: 'web-1', namespace: 'shop', resourceVersion: '812', labels: {app: 'web'}},
    spec: {containers: [{name: 'app', image: 'nginx:1.27'}]},
  });
  assert.ok(pod.metadata.managedFields.length === 1, 'the object itself is not changed');
  assert.ok(!objectYaml(pod).join('\n').includes('managedFields'), 'the YAML view agrees');
});

test('an edit: unchanged, emptied, a syntax error, not one object, or the object to send', () => {
  const original = editFileText(editableYaml(pod));
  assert.match(original, /^# Please edit the object below\. Lines beginning with a '#' will be ignored,$/m);
  assert.deepEqual(readEdit(original, original), {kind: 'unchanged'});
  // Comments added or removed are not a change, as for kubectl edit.
  assert.deepEqual(readEdit(original, withoutHeader(original) + '# a note\n'), {kind: 'unchanged'});
  assert.deepEqual(readEdit(original, '# only comments\n\n'), {kind: 'empty'});
  const broken = readEdit(original, original + '  : : x: [\n');
  assert.equal(broken.kind, 'invalid');
  assert.match(broken.kind === 'invalid' ? broken.problem : '', /^The edited file had a syntax error: /);
  assert.deepEqual(readEdit(original, '- a\n- b\n'), {
    kind: 'invalid',
    problem: 'The edited file does not hold one object (a YAML mapping with kind and metadata)',
  });
  const changed = readEdit(original, original.replace('app: web', 'app: web2'));
  assert.equal(changed.kind, 'object');
  assert.deepEqual(changed.kind === 'object' ? changed.object.metadata : undefined, {
    name: 'web-1',
    namespace: 'shop',
    resourceVersion: '812',
    labels: {app: 'web2'},
  });
});

test('a reopened file: the problem at the top as # lines over the text as the user left it', () => {
  const edited = editFileText('kind: Pod\nmetadata:\n  name: x\n  : bad\n');
  const reopened = editFileText(withoutHeader(edited), ['pods/x was not valid:', '* line one\nline two']);
  const lines = reopened.split('\n');
  const body = lines.findIndex((line) => !line.startsWith('#'));
  assert.deepEqual(lines.slice(4, body), ['# pods/x was not valid:', '# * line one', '# line two', '#']);
  assert.equal(lines.slice(body).join('\n'), 'kind: Pod\nmetadata:\n  name: x\n  : bad\n');
  assert.equal(reopened.match(/# Please edit/g)?.length, 1, 'one header, not one per round');
  assert.equal(withoutHeader(reopened), withoutHeader(edited));
});

test("the server's refusals of an update are told apart: conflict (409), invalid (422, 400)", () => {
  const body = (message: string) => JSON.stringify({kind: 'Status', message});
  const path = '/api/v1/namespaces/shop/pods/web-1';
  const conflict = describeHttpFailure(409, body('the object has been modified'), 'PUT', path);
  assert.equal(conflict.kind, 'conflict');
  const invalid = describeHttpFailure(422, body('Pod "web-1" is invalid: spec: Forbidden'), 'PUT', path);
  assert.equal(invalid.kind, 'invalid');
  assert.equal(refusalProblem(invalid.message), 'Pod "web-1" is invalid: spec: Forbidden');
  assert.equal(describeHttpFailure(400, body('bad'), 'PUT', path).kind, 'invalid');
  assert.equal(describeHttpFailure(500, body('boom'), 'PUT', path).kind, 'other');
});
