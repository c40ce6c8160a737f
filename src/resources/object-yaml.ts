import yaml from 'js-yaml';
import {sanitizeText} from './sanitize-text.js';

// `kubectl get -o yaml` without managedFields (kubectl hides them by default since 1.21): what an operator reads.
export function objectYaml(object: unknown): string[] {
  const copy = structuredClone(object) as {metadata?: {managedFields?: unknown}};
  if (copy.metadata) delete copy.metadata.managedFields;
  return sanitizeText(yaml.dump(copy, {lineWidth: -1, noRefs: true}))
    .replace(/\n$/, '')
    .split('\n');
}
