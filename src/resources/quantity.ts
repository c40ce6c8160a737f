// Kubernetes resource quantities, enough for describe's requests and limits: CPU in millicores, memory in bytes.
const SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 1024,
  Mi: 1024 ** 2,
  Gi: 1024 ** 3,
  Ti: 1024 ** 4,
  Pi: 1024 ** 5,
  Ei: 1024 ** 6,
};

export function parseQuantity(text: string | undefined): number {
  if (!text) return 0;
  const match = /^([+-]?[0-9.]+(?:[eE][+-]?[0-9]+)?)([a-zA-Z]*)$/.exec(text.trim());
  if (!match) return 0;
  return Number(match[1]) * (SUFFIXES[match[2] ?? ''] ?? 1);
}

// kubectl prints summed CPU as millicores unless whole cores, and memory in the largest binary unit that divides it.
export function formatQuantity(resource: string, value: number): string {
  if (value === 0) return '0';
  if (resource === 'cpu') {
    const millicores = Math.round(value * 1000);
    return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
  }
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
    const unit = SUFFIXES[suffix] ?? 1;
    if (value >= unit && value % unit === 0) return `${value / unit}${suffix}`;
  }
  return String(Math.round(value));
}
