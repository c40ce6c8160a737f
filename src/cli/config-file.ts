import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseConfig} from '../state/config/parse-config.js';
import type {ParsedConfig} from '../state/config/parse-config.js';
import {DEFAULT_SETTINGS} from '../state/config/settings.js';

export interface ConfigLocation {
  path: string;
  // Named by --config or KVIEW_CONFIG: then a missing file is a problem, not the absence of a config.
  explicit: boolean;
}

// --config, then $KVIEW_CONFIG, then $XDG_CONFIG_HOME/kview/config.yaml (default ~/.config).
export function configLocation(
  flag: string | undefined,
  environment: Readonly<Record<string, string | undefined>>,
  homeDirectory: string,
): ConfigLocation {
  if (flag) return {path: flag, explicit: true};
  if (environment.KVIEW_CONFIG) return {path: environment.KVIEW_CONFIG, explicit: true};
  const base = environment.XDG_CONFIG_HOME || join(homeDirectory, '.config');
  return {path: join(base, 'kview', 'config.yaml'), explicit: false};
}

// The file read and checked; one that cannot be read gives the defaults and says why, and never stops kview.
export function readConfig(location: ConfigLocation): ParsedConfig & {source: string} {
  let text: string;
  try {
    text = readFileSync(location.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !location.explicit) {
      return {settings: DEFAULT_SETTINGS, problems: [], source: `defaults (no ${location.path})`};
    }
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    return {
      settings: DEFAULT_SETTINGS,
      problems: [`${location.path}: cannot read it (${reason}); using the defaults`],
      source: `defaults (${location.path} unreadable)`,
    };
  }
  return {...parseConfig(text, location.path), source: location.path};
}
