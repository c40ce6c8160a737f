import yaml from 'js-yaml';

// The header kubectl edit writes at the top of the file, then the problems of the last attempt as comments.
const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '#',
];

// The file the editor opens: the header, the problems (each line a `#` comment, so the file stays valid YAML),
// then the object's YAML.
export function editFileText(body: string, problems: readonly string[] = []): string {
  const problemLines = problems.flatMap((problem) => problem.split('\n')).map((line) => `# ${line}`.trimEnd());
  return [...HEADER, ...(problemLines.length > 0 ? [...problemLines, '#'] : []), body].join('\n');
}

// The file without its leading comment block (kview's header and last problems), to be reopened with new ones.
export function withoutHeader(text: string): string {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
  return first < 0 ? '' : lines.slice(first).join('\n');
}

// What the edit came to: nothing to do, or an object to send, or a problem to show in the reopened file.
export type EditOutcome =
  | {kind: 'empty'}
  | {kind: 'unchanged'}
  | {kind: 'invalid'; problem: string}
  | {kind: 'object'; object: Record<string, unknown>};

// Comment lines are ignored, as kubectl edit ignores them, when deciding whether anything changed.
function meaningful(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

export function readEdit(original: string, edited: string): EditOutcome {
  const content = meaningful(edited);
  if (content === '') return {kind: 'empty'};
  if (content === meaningful(original)) return {kind: 'unchanged'};
  let parsed: unknown;
  try {
    parsed = yaml.load(edited);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {kind: 'invalid', problem: `The edited file had a syntax error: ${reason}`};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      kind: 'invalid',
      problem: 'The edited file does not hold one object (a YAML mapping with kind and metadata)',
    };
  }
  return {kind: 'object', object: parsed as Record<string, unknown>};
}

// The server's refusal as the reopened file's header says it: its own message, without kview's request prefix.
export function refusalProblem(message: string): string {
  return message.replace(/^(?:PUT|POST|PATCH) \S+ failed: /, '');
}

export function editEndLine(what: string, outcome: 'empty' | 'unchanged'): string {
  return outcome === 'unchanged'
    ? 'Edit cancelled, no changes made.'
    : `Edit cancelled, the file of ${what} was empty.`;
}
