import {createContext, useContext} from 'react';
import {DEFAULT_SETTINGS} from '../state/config/settings.js';
import type {Settings} from '../state/config/settings.js';
import type {KeyTable} from '../state/keymap.js';

// The user's configuration (the defaults without a config file), provided once by the App, read by the views.
export const SettingsContext = createContext<Settings>(DEFAULT_SETTINGS);

export function useSettings(): Settings {
  return useContext(SettingsContext);
}

// The keymap with the user's keys: input, help and hint bar all read this one table.
export function useKeymap(): KeyTable {
  return useContext(SettingsContext).keymap;
}
