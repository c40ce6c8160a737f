import {CORE_SCHEMA, load, YAMLException} from 'js-yaml';
import {parseSince} from '../../resources/log-since.js';
import {sanitizeCell} from '../../resources/sanitize-text.js';
import {remapKeys} from './remap-keys.js';
import type {KeyOverride} from './remap-keys.js';
import {DEFAULT_SETTINGS, SKINS} from './settings.js';
import type {ContextSettings, LogDefaults, NodeDebugSettings, Settings} from './settings.js';
import {lineIndex} from './yaml-lines.js';
import type {LineIndex} from './yaml-lines.js';

// A config file read: the settings it gives (the defaults wherever it is wrong) and one line per problem,
// "file:line: what is wrong", for the status line and `kview config --check`.
export interface ParsedConfig {
  settings: Settings;
  problems: string[];
}

type Values = Record<string, unknown>;

const SECTIONS = ['theme', 'keys', 'aliases', 'logs', 'node', 'contexts'] as const;
const LOG_KEYS = ['tail', 'since', 'timestamps', 'wrap', 'bufferLines'] as const;
const NODE_KEYS = ['debugImage', 'debugNamespace', 'debugDeadlineSeconds'] as const;
const CONTEXT_KEYS = ['readonly', 'namespace', 'view', 'favourites'] as const;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// An image reference as the container runtimes take it: [registry/]path[:tag][@digest].
const IMAGE =
  /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$/;
const ALIAS = /^[a-z0-9][a-z0-9._-]*$/i;

export function parseConfig(text: string, file: string): ParsedConfig {
  const found: Array<{line: number; message: string}> = [];
  const report = (line: number, message: string) => found.push({line, message});
  // In the file's order, as a compiler lists them.
  const problemLines = () =>
    found
      .sort((first, second) => first.line - second.line)
      .map(({line, message}) => sanitizeCell(`${file}:${line}: ${message}`));
  let document: unknown;
  try {
    document = load(text, {schema: CORE_SCHEMA, filename: file});
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    report(error.mark.line + 1, `not valid YAML: ${error.reason}; using the defaults`);
    return {settings: DEFAULT_SETTINGS, problems: problemLines()};
  }
  if (document === undefined || document === null) return {settings: DEFAULT_SETTINGS, problems: []};
  if (!isRecord(document)) {
    report(1, `expected a mapping of ${SECTIONS.join(', ')}; using the defaults`);
    return {settings: DEFAULT_SETTINGS, problems: problemLines()};
  }
  const lines = lineIndex(text);
  const reader = new Reader(lines, report);
  reader.unknown(document, SECTIONS, [], 'setting');
  const keys = reader.section(document, 'keys');
  const {keymap, problems: keyProblems} = remapKeys(DEFAULT_SETTINGS.keymap, keyOverrides(keys, reader));
  for (const problem of keyProblems) report(problem.line, problem.message);
  const settings: Settings = {
    skin: reader.oneOf(document, 'theme', SKINS, [], DEFAULT_SETTINGS.skin),
    keymap,
    aliases: aliases(reader.section(document, 'aliases'), reader),
    logs: logDefaults(reader.section(document, 'logs'), reader),
    nodeDebug: nodeDebug(reader.section(document, 'node'), reader),
    contexts: contexts(reader.section(document, 'contexts'), reader),
  };
  return {settings, problems: problemLines()};
}

class Reader {
  constructor(
    readonly lines: LineIndex,
    readonly report: (line: number, message: string) => void,
  ) {}

  problem(path: readonly string[], message: string): void {
    this.report(this.lines(path), `${path.join('.')}: ${message}`);
  }

  // Unknown keys are named rather than ignored: a typo must not silently leave a default in force.
  unknown(values: Values, known: readonly string[], path: readonly string[], what: string): void {
    for (const key of Object.keys(values)) {
      if (!known.includes(key)) {
        this.report(
          this.lines([...path, key]),
          `unknown ${what} ${JSON.stringify([...path, key].join('.'))} (known: ${known.join(', ')})`,
        );
      }
    }
  }

  section(values: Values, name: string, path: readonly string[] = []): Values {
    const value = values[name];
    if (value === undefined || value === null) return {};
    if (isRecord(value)) return value;
    this.problem([...path, name], 'expected a mapping; using the defaults');
    return {};
  }

  oneOf<T extends string>(
    values: Values,
    name: string,
    allowed: readonly T[],
    path: readonly string[],
    fallback: T,
  ): T {
    const value = values[name];
    if (value === undefined) return fallback;
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.problem([...path, name], `expected one of ${allowed.join(', ')}, not ${show(value)}; using ${fallback}`);
    return fallback;
  }

  boolean(values: Values, name: string, path: readonly string[], fallback: boolean): boolean;
  boolean(values: Values, name: string, path: readonly string[], fallback?: boolean): boolean | undefined;
  boolean(values: Values, name: string, path: readonly string[], fallback?: boolean): boolean | undefined {
    const value = values[name];
    if (value === undefined) return fallback;
    if (typeof value === 'boolean') return value;
    this.problem([...path, name], `expected true or false, not ${show(value)}`);
    return fallback;
  }

  string(
    values: Values,
    name: string,
    path: readonly string[],
    check: (text: string) => string | undefined,
  ): string | undefined {
    const value = values[name];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      this.problem([...path, name], `expected text, not ${show(value)}`);
      return undefined;
    }
    const text = String(value);
    // Text from the file ends up on the screen (aliases in the prompt, kview config): no escape sequences.
    const wrong = /[\u0000-\u001f\u007f-\u009f]/.test(text) ? 'control characters are not allowed' : check(text);
    if (wrong) {
      this.problem([...path, name], wrong);
      return undefined;
    }
    return text;
  }

  integer(values: Values, name: string, path: readonly string[], range: [number, number], fallback: number): number {
    const value = values[name];
    if (value === undefined) return fallback;
    if (typeof value === 'number' && Number.isInteger(value) && value >= range[0] && value <= range[1]) return value;
    this.problem(
      [...path, name],
      `expected a whole number from ${range[0]} to ${range[1]}, not ${show(value)}; using ${fallback}`,
    );
    return fallback;
  }
}

function keyOverrides(keys: Values, reader: Reader): KeyOverride[] {
  return Object.entries(keys).flatMap(([name, value]): KeyOverride[] => {
    const line = reader.lines(['keys', name]);
    const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
    if (!list || list.some((key) => typeof key !== 'string')) {
      reader.report(line, `keys: ${name}: expected a key or a list of keys, not ${show(value)}`);
      return [];
    }
    return [{name, keys: list as string[], line}];
  });
}

function aliases(values: Values, reader: Reader): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(values)) {
    const text = reader.string(values, name, ['aliases'], (expansion) =>
      !ALIAS.test(name)
        ? 'an alias is one word of letters, digits, ".", "-" or "_"'
        : expansion.trim() === ''
          ? 'expected the command it stands for, e.g. "pods prod app=web"'
          : undefined,
    );
    if (text !== undefined) result[name.toLowerCase()] = text.trim();
  }
  return result;
}

function logDefaults(values: Values, reader: Reader): LogDefaults {
  const path = ['logs'];
  const defaults = DEFAULT_SETTINGS.logs;
  reader.unknown(values, LOG_KEYS, path, 'setting');
  const bufferLines = reader.integer(values, 'bufferLines', path, [1000, 10_000_000], defaults.bufferLines);
  const since = reader.string(values, 'since', path, (text) => {
    if (text === '') return undefined;
    const parsed = parseSince(text, 0);
    return 'error' in parsed ? parsed.error : undefined;
  });
  return {
    tail: reader.integer(values, 'tail', path, [1, bufferLines], defaults.tail),
    since: since ?? defaults.since,
    timestamps: reader.oneOf(values, 'timestamps', ['off', 'utc', 'local'] as const, path, defaults.timestamps),
    wrap: reader.boolean(values, 'wrap', path, defaults.wrap),
    bufferLines,
  };
}

// Long enough to start the pod and look around; a day at most, so a forgotten pod does not run for weeks.
export const DEBUG_DEADLINE_RANGE = [10, 86_400] as const;

function nodeDebug(values: Values, reader: Reader): NodeDebugSettings {
  const path = ['node'];
  reader.unknown(values, NODE_KEYS, path, 'setting');
  const image = reader.string(values, 'debugImage', path, (text) =>
    IMAGE.test(text)
      ? undefined
      : `"${text}" is not an image reference (e.g. busybox:1.36, registry:5000/tools/debug:1)`,
  );
  const namespace = reader.string(values, 'debugNamespace', path, namespaceProblem);
  return {
    image: image ?? DEFAULT_SETTINGS.nodeDebug.image,
    namespace: namespace ?? DEFAULT_SETTINGS.nodeDebug.namespace,
    deadlineSeconds: reader.integer(
      values,
      'debugDeadlineSeconds',
      path,
      [DEBUG_DEADLINE_RANGE[0], DEBUG_DEADLINE_RANGE[1]],
      DEFAULT_SETTINGS.nodeDebug.deadlineSeconds,
    ),
  };
}

function contexts(values: Values, reader: Reader): Record<string, ContextSettings> {
  const result: Record<string, ContextSettings> = {};
  for (const name of Object.keys(values)) {
    const path = ['contexts', name];
    const entry = reader.section(values, name, ['contexts']);
    reader.unknown(entry, CONTEXT_KEYS, path, 'context setting');
    const favourites = favouriteList(entry.favourites, [...path, 'favourites'], reader);
    result[name] = dropUndefined({
      readonly: reader.boolean(entry, 'readonly', path),
      namespace: reader.string(entry, 'namespace', path, namespaceProblem),
      view: reader.string(entry, 'view', path, (text) =>
        text.trim() === '' ? 'expected a view, e.g. "deployments"' : undefined,
      ),
      favourites,
    });
  }
  return result;
}

function favouriteList(value: unknown, path: readonly string[], reader: Reader): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    reader.problem(path, `expected a list of namespaces, not ${show(value)}`);
    return undefined;
  }
  const names = value as string[];
  const wrong = names.find((name) => namespaceProblem(name) !== undefined);
  if (wrong !== undefined) {
    reader.problem(path, namespaceProblem(wrong) ?? '');
    return undefined;
  }
  if (names.length > 9) reader.problem(path, `keys 1-9 hold 9 namespaces; ${names.slice(9).join(', ')} left out`);
  return [...new Set(names)].slice(0, 9);
}

function namespaceProblem(text: string): string | undefined {
  return DNS_LABEL.test(text) ? undefined : `"${text}" is not a namespace name (lower case letters, digits and "-")`;
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return JSON.stringify(value);
}
