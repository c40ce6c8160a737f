import type {ResourceKind} from '../cluster/resource-kind.js';

export type ParsedCommand =
  | {type: 'resource'; kind: ResourceKind; namespace?: string; allNamespaces: boolean; labelSelector?: string}
  | {type: 'contexts'}
  | {type: 'forwards'}
  | {type: 'control-plane'}
  // With a name, that node's pane (remotely when kview does not run on it): no need to list nodes first.
  | {type: 'node'; node?: string}
  | {type: 'quit'}
  | {type: 'error'; message: string};

// A name of the user's for a command (config aliases, as "dp: deployments" or "prod-web: pods prod app=web"): the
// first word is replaced by what it stands for, and the words after it are kept. One level only, so an alias
// naming itself or another alias cannot loop.
export function expandAlias(text: string, aliases: Readonly<Record<string, string>>): string {
  const match = /^\s*(\S+)(.*)$/s.exec(text);
  if (!match) return text;
  const name = (match[1] ?? '').toLowerCase();
  return Object.hasOwn(aliases, name) ? `${aliases[name]}${match[2] ?? ''}` : text;
}

// The ':' command line, as k9s reads it: a kind by any name `kubectl api-resources` knows (plural, singular,
// short name, kind, or plural.group), then optionally a namespace ("all" or -A for every one) and a label
// selector (any word with = or !=, or after -l).
export function parseCommandLine(text: string, kinds: readonly ResourceKind[]): ParsedCommand {
  const words = text
    .trim()
    .split(/\s+/)
    .filter((word) => word !== '');
  const [first, ...rest] = words;
  if (!first) return {type: 'error', message: 'type a resource, e.g. :pods, :no, :deploy kube-system'};
  const name = first.toLowerCase();
  if (name === 'q' || name === 'quit' || name === 'q!') return {type: 'quit'};
  if (name === 'ctx' || name === 'context' || name === 'contexts') return {type: 'contexts'};
  if (name === 'pf' || name === 'portforward' || name === 'port-forwards' || name === 'portforwards')
    return {type: 'forwards'};
  if (name === 'cp' || name === 'controlplane' || name === 'control-plane') return {type: 'control-plane'};
  if (name === 'node-pane' || name === 'host' || name === 'troubleshoot')
    return rest[0] ? {type: 'node', node: rest[0]} : {type: 'node'};
  const kind = resolveKind(name, kinds);
  if (!kind) return {type: 'error', message: `no resource type "${first}" on this server (see :api-resources names)`};
  let namespace: string | undefined;
  let allNamespaces = false;
  let labelSelector: string | undefined;
  for (let index = 0; index < rest.length; index++) {
    const word = rest[index] ?? '';
    if (word === '-l') labelSelector = rest[++index];
    else if (word === '-A' || word === 'all' || word === '--all-namespaces') allNamespaces = true;
    else if (word === '-n') namespace = rest[++index];
    else if (word.includes('=')) labelSelector = labelSelector ? `${labelSelector},${word}` : word;
    else namespace = word;
  }
  return {type: 'resource', kind, namespace, allNamespaces, labelSelector};
}

export function resolveKind(name: string, kinds: readonly ResourceKind[]): ResourceKind | undefined {
  const wanted = name.toLowerCase();
  const matches = (kind: ResourceKind) =>
    kind.plural === wanted ||
    kind.singular === wanted ||
    kind.kind.toLowerCase() === wanted ||
    kind.shortNames.includes(wanted) ||
    `${kind.plural}.${kind.group}` === wanted ||
    `${kind.singular}.${kind.group}` === wanted;
  // Core and apps win over a CRD that reuses a short name, as kubectl's own resolution prefers them.
  const found = kinds.filter(matches);
  return found.find((kind) => kind.group === '') ?? found.find((kind) => kind.group === 'apps') ?? found[0];
}
