import type {ResourceKind} from '../cluster/resource-kind.js';
import {KviewError} from '../cluster/kview-error.js';
import {createEditFile} from '../io/edit-file.js';
import type {EditFile} from '../io/edit-file.js';
import type {InteractiveRunner} from '../node-tools/command-runner.js';
import {errorLine} from '../resources/error-line.js';
import {editableYaml} from '../resources/object-yaml.js';
import {sanitizeCell} from '../resources/sanitize-text.js';
import {editEndLine, editFileText, readEdit, refusalProblem, withoutHeader} from '../state/edit-text.js';
import type {HandedTerminal, TerminalHandover} from './terminal-handover.js';
import type {ClusterApi} from './world.js';

export interface EditTools {
  cluster: Pick<ClusterApi, 'getObject' | 'replaceObject'>;
  runner: InteractiveRunner;
  editor: readonly string[];
  handover: TerminalHandover;
  // Where the file goes; the system's temp directory unless a test says otherwise.
  createFile?: typeof createEditFile;
}

export interface EditTarget {
  kind: ResourceKind;
  namespace: string | undefined;
  name: string;
}

// E: kubectl edit. The object's YAML (without managedFields) in the editor; saved, it goes back with the
// resourceVersion it was read at. A syntax error or a refusal reopens the file with the problem at the top; a
// conflict asks whether to re-edit the newest version; the edited text stays in its file until it is applied.
// Resolves to the line the status line shows.
export async function editObject(tools: EditTools, target: EditTarget): Promise<string> {
  const {kind, namespace, name} = target;
  const what = `${kind.plural}/${name}`;
  const first = await tools.cluster.getObject(kind, namespace, name);
  const create = tools.createFile ?? createEditFile;
  return tools.handover.run('cooked', async (terminal) => {
    let original = editFileText(editableYaml(first));
    let file: EditFile = await create(`${kind.singular}-${name}`, original);
    // What the file held when the editor last opened it: saved again unchanged after a problem, the edit stops.
    let opened = original;
    for (;;) {
      const [program = 'vi', ...options] = tools.editor;
      const ran = await tools.runner.runInteractive(program, [...options, file.path]);
      if (!ran.ok) return `edit of ${what} cancelled (${ran.failure.line}); the file is kept: ${file.path}`;
      const edited = await file.read();
      const outcome = readEdit(original, edited);
      if (outcome.kind === 'empty' || outcome.kind === 'unchanged') {
        await file.remove();
        return editEndLine(what, outcome.kind);
      }
      if (opened !== original && sameContent(edited, opened)) {
        return `edit of ${what} not applied (saved again with the same problem); your edit is kept: ${file.path}`;
      }
      if (outcome.kind === 'invalid') {
        opened = editFileText(withoutHeader(edited), [outcome.problem]);
        await file.write(opened);
        continue;
      }
      try {
        await tools.cluster.replaceObject(kind, namespace, name, outcome.object);
        await file.remove();
        return `${what} edited`;
      } catch (error) {
        if (error instanceof KviewError && error.kind === 'invalid') {
          opened = editFileText(withoutHeader(edited), [
            `${what} was not valid:`,
            `* ${refusalProblem(error.message)}`,
          ]);
          await file.write(opened);
          continue;
        }
        if (!(error instanceof KviewError && error.kind === 'conflict')) {
          return `edit of ${what} failed: ${errorLine(error)}; your edit is kept: ${file.path}`;
        }
        // The server's message is untrusted text on a raw terminal: made inert before it is written.
        terminal.output.write(
          `\nkview: ${sanitizeCell(refusalProblem(error.message))}\nYour edit is kept in ${file.path}\n` +
            `Re-edit ${what} on its newest version? [y/N] `,
        );
        const answer = await readLine(terminal);
        if (!/^y/i.test(answer.trim())) {
          return `edit of ${what} not applied: it changed meanwhile; your edit is kept: ${file.path}`;
        }
        const kept = file.path;
        const newest = await tools.cluster.getObject(kind, namespace, name);
        original = editFileText(editableYaml(newest), [
          'The object changed while you edited it; this is its newest version.',
          `Your previous edit is kept in ${kept}`,
        ]);
        opened = original;
        file = await create(`${kind.singular}-${name}`, original);
      }
    }
  });
}

function sameContent(left: string, right: string): boolean {
  return withoutHeader(left).trim() === withoutHeader(right).trim();
}

// One line typed at the terminal (cooked mode: the line discipline echoes and edits it).
function readLine(terminal: HandedTerminal): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const stop = terminal.onInput((chunk) => {
      text += chunk;
      if (!text.includes('\n')) return;
      stop();
      resolve(text.split('\n')[0] ?? '');
    });
  });
}
