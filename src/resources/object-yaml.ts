import yaml from 'js-yaml';
import {sanitizeText} from './sanitize-text.js';

// A copy without metadata.managedFields: kubectl get -o yaml hides them by default since 1.21, and kubectl edit
// leaves them out of the file (the server keeps its own when they are absent from an update).
export function withoutManagedFields(object: unknown): unknown {
  const copy = structuredClone(object) as {metadata?: {managedFields?: unknown}};
  if (copy.metadata) delete copy.metadata.managedFields;
  return copy;
}

// `kubectl get -o yaml` without managedFields: what an operator reads.
export function objectYaml(object: unknown): string[] {
  return sanitizeText(editableYaml(object)).replace(/\n$/, '').split('\n');
}

// The text an edit starts from: the same YAML, unsanitized (it goes to a file and an editor, not onto kview's
// screen), with its resourceVersion, so the update is refused when the object changed meanwhile.
export function editableYaml(object: unknown): string {
  return yaml.dump(withoutManagedFields(object), {lineWidth: -1, noRefs: true});
}
