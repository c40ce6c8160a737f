// Pieces kubectl's describers share (k8s.io/kubectl/pkg/describe): labels, annotations and tolerations over
// several lines, RFC1123Z times, and the events table. Lines carry tabs; alignTabs lays them out.

export function rfc1123z(timestamp: string | undefined): string {
  if (!timestamp) return '';
  const date = new Date(timestamp);
  if (Number.isNaN(date.getTime())) return timestamp;
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (value: number) => String(value).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

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
