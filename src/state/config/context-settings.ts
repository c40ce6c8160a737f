import type {ContextSettings, Settings} from './settings.js';

export function contextSettings(settings: Settings, contextName: string): ContextSettings {
  return Object.hasOwn(settings.contexts, contextName) ? (settings.contexts[contextName] ?? {}) : {};
}

// The flash line for a config file's problems: the first in full, the count of the others.
export function problemsLine(problems: readonly string[]): string | undefined {
  const [first] = problems;
  if (first === undefined) return undefined;
  const more = problems.length - 1;
  return more > 0 ? `${first} (and ${more} more: kview config --check)` : first;
}
