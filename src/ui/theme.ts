import type {Severity} from '../resources/pod-severity.js';

// Colours by meaning, so a component never picks a raw colour for a state.
export function severityColor(severity: Severity): string | undefined {
  switch (severity) {
    case 'ok':
      return undefined;
    case 'done':
      return 'gray';
    case 'progressing':
      return 'yellow';
    case 'failing':
      return 'red';
  }
}
