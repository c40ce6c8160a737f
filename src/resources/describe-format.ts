import type {RowObject} from '../cluster/types.js';

// Pieces kubectl's describers share (k8s.io/kubectl/pkg/describe): labels, annotations and tolerations over
// several lines (times: time-zone.ts, events: describe-events.ts). Lines carry tabs; alignTabs lays them out.

export function labelsLines(title: string, labels: Record<string, string> | undefined, indent = ''): string[] {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return [`${indent}${title}:\t<none>`];
  return keys.map((key, index) => `${index === 0 ? `${indent}${title}:` : indent}\t${key}=${labels?.[key] ?? ''}`);
}

const MAX_ANNOTATION_LENGTH = 140;
const SKIPPED_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

export function annotationsLines(title: string, annotations: Record<string, string> | undefined): string[] {
  const keys = Object.keys(annotations ?? {})
    .filter((key) => !SKIPPED_ANNOTATIONS.has(key))
    .sort();
  if (keys.length === 0) return [`${title}:\t<none>`];
  const lines: string[] = [];
  keys.forEach((key, index) => {
    const prefix = index === 0 ? `${title}:\t` : '\t';
    const value = (annotations?.[key] ?? '').replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      lines.push(`${prefix}${key}:`);
      for (const part of value.split('\n')) lines.push(`\t  ${shorten(part, MAX_ANNOTATION_LENGTH - 2)}`);
    } else {
      lines.push(`${prefix}${key}: ${value}`);
    }
  });
  return lines;
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}...` : text;
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export function tolerationsLines(title: string, tolerations: Toleration[] | undefined): string[] {
  const sorted = [...(tolerations ?? [])].sort((a, b) => ((a.key ?? '') < (b.key ?? '') ? -1 : 1));
  if (sorted.length === 0) return [`${title}:\t<none>`];
  return sorted.map((toleration, index) => {
    let text = toleration.key ?? '';
    if (toleration.value) text += `=${toleration.value}`;
    if (toleration.effect) text += `:${toleration.effect}`;
    if (toleration.operator === 'Exists' && !toleration.value) {
      text += toleration.key || toleration.effect ? ' op=Exists' : 'op=Exists';
    }
    if (toleration.tolerationSeconds !== undefined) text += ` for ${toleration.tolerationSeconds}s`;
    return `${index === 0 ? `${title}:` : ''}\t${text}`;
  });
}

// labels.FormatLabels: "k=v,k2=v2" sorted by key, "<none>" when empty.
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((key) => `${key}=${labels?.[key] ?? ''}`).join(',');
}

// printController: "Kind/name" of the controlling owner, or undefined.
export function controllerText(object: RowObject): string | undefined {
  const owner = object.metadata?.ownerReferences?.find((reference) => reference.controller);
  return owner ? `${owner.kind}/${owner.name}` : undefined;
}

// Go's %v of a []string: "[a b]".
export function goList(values: readonly string[] | undefined): string {
  return `[${(values ?? []).join(' ')}]`;
}

// storageutil.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, whatever the input order.
export function accessModesText(modes: readonly string[] | undefined): string {
  const short: Array<[string, string]> = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([mode]) => (modes ?? []).includes(mode))
    .map(([, text]) => text)
    .join(',');
}

// The storage class of a PV or PVC: the beta annotation first, as storageutil reads it.
export function storageClassOf(object: RowObject): string {
  const annotation = object.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (annotation !== undefined) return annotation;
  return (object['spec'] as {storageClassName?: string} | undefined)?.storageClassName ?? '';
}

// Go's %v of a value decoded from JSON (what kubectl's generic describer prints).
export function goValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

// The phase of every pod a controller owns, as getPodStatusForController counts them.
export function podsStatusText(pods: readonly RowObject[] | undefined, error: string | undefined): string {
  if (error !== undefined) return `error in fetching pods: ${error}`;
  const count = (phase: string) =>
    (pods ?? []).filter((pod) => (pod['status'] as {phase?: string} | undefined)?.phase === phase).length;
  return (
    `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ` +
    `${count('Failed')} Failed`
  );
}
