import {keymap} from '../keymap.js';
import type {KeyTable} from '../keymap.js';
import type {TimestampMode} from '../log-view-state.js';

export type Keymap = KeyTable;

// The looks kview can take. 'auto' picks the default theme, the 8-colour one on the Linux console, none with NO_COLOR.
export const SKINS = ['auto', 'default', 'colorblind', 'basic8', 'none'] as const;
export type SkinChoice = (typeof SKINS)[number];

export interface LogDefaults {
  tail: number;
  // A duration or time as the log view's @ prompt takes it; empty: the last `tail` lines.
  since: string;
  timestamps: TimestampMode;
  wrap: boolean;
  bufferLines: number;
}

export interface ContextSettings {
  readonly?: boolean;
  namespace?: string;
  // A ':' command (or an alias) the context opens on, e.g. "deployments" or "pods kube-system".
  view?: string;
  // Namespaces on keys 1-9, before the ones used this session.
  favourites?: readonly string[];
}

// The remote node pane's debug pod: where and from what image it runs, and when Kubernetes ends it regardless.
export interface NodeDebugSettings {
  image: string;
  namespace: string;
  deadlineSeconds: number;
}

// The effective configuration: every default, with what the file changed.
export interface Settings {
  skin: SkinChoice;
  keymap: Keymap;
  aliases: Readonly<Record<string, string>>;
  logs: LogDefaults;
  nodeDebug: NodeDebugSettings;
  contexts: Readonly<Record<string, ContextSettings>>;
}

export const DEFAULT_SETTINGS: Settings = {
  skin: 'auto',
  keymap,
  aliases: {},
  logs: {tail: 100, since: '', timestamps: 'off', wrap: false, bufferLines: 100_000},
  nodeDebug: {image: 'busybox:1.36', namespace: 'default', deadlineSeconds: 3600},
  contexts: {},
};
