import type {DescribeInputs} from '../cluster/describe-inputs.js';
import {annotationsLines, goValue, labelsLines} from './describe-format.js';

// kubectl's genericDescriber, for every kind without a describer of its own: name, namespace, labels and
// annotations, then every field of the object in sorted order with "smart" labels ("apiVersion" -> "API Version").
const SKIPPED = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

export function describeGeneric(inputs: DescribeInputs): string[] {
  const object = inputs.object;
  return [
    `Name:\t${object.metadata?.name ?? ''}`,
    `Namespace:\t${object.metadata?.namespace ?? ''}`,
    ...labelsLines('Labels', object.metadata?.labels),
    ...annotationsLines('Annotations', object.metadata?.annotations),
    ...contentLines(object, 0, ''),
  ];
}

// printUnstructuredContent.
function contentLines(content: Record<string, unknown>, level: number, prefix: string): string[] {
  const indent = '  '.repeat(level);
  const lines: string[] = [];
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (Array.isArray(value)) {
      lines.push(`${indent}${smartLabel(field)}:`);
      for (const child of value) {
        if (isMap(child)) lines.push(...contentLines(child, level + 1, path));
        else lines.push(`${indent}  ${goValue(child)}`);
      }
    } else if (isMap(value)) {
      lines.push(`${indent}${smartLabel(field)}:`, ...contentLines(value, level + 1, path));
    } else {
      lines.push(`${indent}${smartLabel(field)}:\t${goValue(value)}`);
    }
  }
  return lines;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

// smartLabelFor: split camelCase (fatih/camelcase), title-case each part, common acronyms in capitals. A field
// with anything but letters and '-' is printed as it is.
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelCaseSplit(field)
    .filter((part) => part !== '_')
    .map((part) =>
      ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1),
    )
    .join(' ');
}

// fatih/camelcase.Split for letters and '-': runs of lower case, upper case and other characters; an upper-case
// run followed by lower case gives its last letter to the next word ("PDFLoader" -> "PDF", "Loader").
function camelCaseSplit(text: string): string[] {
  const classOf = (character: string) =>
    /\p{Ll}/u.test(character) ? 1 : /\p{Lu}/u.test(character) ? 2 : /\p{N}/u.test(character) ? 3 : 4;
  const runs: string[][] = [];
  let last = 0;
  for (const character of text) {
    const kind = classOf(character);
    if (kind === last && runs.length > 0) runs[runs.length - 1]?.push(character);
    else runs.push([character]);
    last = kind;
  }
  for (let index = 0; index < runs.length - 1; index++) {
    const current = runs[index] ?? [];
    const next = runs[index + 1] ?? [];
    if (classOf(current[0] ?? '') === 2 && classOf(next[0] ?? '') === 1) {
      const moved = current.pop();
      if (moved !== undefined) next.unshift(moved);
    }
  }
  return runs.filter((run) => run.length > 0).map((run) => run.join(''));
}
