import {fields, text} from './kubelet-fields.js';
import {parseQuantity} from './quantity.js';

// The eviction signals the kubelet judges against its thresholds (what `kubelet --eviction-hard` names).
export type EvictionSignal =
  | 'memory.available'
  | 'nodefs.available'
  | 'nodefs.inodesFree'
  | 'imagefs.available'
  | 'imagefs.inodesFree'
  | 'pid.available';

// A threshold as an amount ("100Mi", "500") or a share of the capacity ("10%").
export type Threshold = {kind: 'amount'; value: number; text: string} | {kind: 'percent'; value: number; text: string};

export interface KubeletConfigSummary {
  staticPodPath: string | undefined;
  cgroupDriver: string | undefined;
  // Only kubelets from 1.27 carry it in the configuration; older ones take it as a flag configz does not show.
  containerRuntimeEndpoint: string | undefined;
  maxPods: number | undefined;
  evictionHard: Partial<Record<EvictionSignal, Threshold>>;
  evictionSoft: Partial<Record<EvictionSignal, Threshold>>;
  // NodeLogQuery needs both the feature gate and this field (kubelet 1.27+).
  systemLogQuery: boolean;
  authorizationMode: string | undefined;
  failSwapOn: boolean | undefined;
  // Every top-level field as `name: value` (objects as JSON), for the pane's full listing.
  raw: Array<[string, string]>;
}

// /configz answers {"kubeletconfig": {...}}: the configuration the running kubelet uses, flags included.
export function kubeletConfigSummary(configz: unknown): KubeletConfigSummary {
  const config = fields(fields(configz)['kubeletconfig']);
  const gates = fields(config['featureGates']);
  return {
    staticPodPath: text(config['staticPodPath']),
    cgroupDriver: text(config['cgroupDriver']),
    containerRuntimeEndpoint: text(config['containerRuntimeEndpoint']),
    maxPods: typeof config['maxPods'] === 'number' ? config['maxPods'] : undefined,
    evictionHard: thresholds(config['evictionHard']),
    evictionSoft: thresholds(config['evictionSoft']),
    systemLogQuery: config['enableSystemLogQuery'] === true && gates['NodeLogQuery'] === true,
    authorizationMode: text(fields(config['authorization'])['mode']),
    failSwapOn: typeof config['failSwapOn'] === 'boolean' ? config['failSwapOn'] : undefined,
    raw: Object.entries(config).map(([name, value]) => [
      name,
      typeof value === 'object' && value !== null ? JSON.stringify(value) : (text(value) ?? ''),
    ]),
  };
}

const SIGNALS: readonly EvictionSignal[] = [
  'memory.available',
  'nodefs.available',
  'nodefs.inodesFree',
  'imagefs.available',
  'imagefs.inodesFree',
  'pid.available',
];

function thresholds(value: unknown): Partial<Record<EvictionSignal, Threshold>> {
  const result: Partial<Record<EvictionSignal, Threshold>> = {};
  const given = fields(value);
  for (const signal of SIGNALS) {
    const threshold = parseThreshold(text(given[signal]));
    if (threshold) result[signal] = threshold;
  }
  return result;
}

export function parseThreshold(value: string | undefined): Threshold | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (trimmed.endsWith('%')) {
    const percent = Number(trimmed.slice(0, -1));
    return Number.isFinite(percent) ? {kind: 'percent', value: percent, text: trimmed} : undefined;
  }
  return {kind: 'amount', value: parseQuantity(trimmed), text: trimmed};
}
