import {styledText} from './log-sgr.js';
import type {StyledText} from './log-sgr.js';

// Log text as the screen may show it: no escape sequences (the colours a program wrote become styles kview draws
// itself), tabs expanded, and a megabyte line cut for display only (the buffer and a saved file keep it whole).
export const MAX_DISPLAY_CHARACTERS = 8192;

export function displayStyledText(text: string): StyledText {
  const clipped = text.length > MAX_DISPLAY_CHARACTERS ? text.slice(0, MAX_DISPLAY_CHARACTERS) : text;
  const styled = styledText(clipped);
  return text.length > MAX_DISPLAY_CHARACTERS
    ? {...styled, text: `${styled.text} … [${text.length - MAX_DISPLAY_CHARACTERS} more characters]`}
    : styled;
}

export function displayText(text: string): string {
  return displayStyledText(text).text;
}

// The text a filter is matched against: what the screen shows, so a match never depends on a colour code in
// between ("ERROR: x" matches a red ERROR), and never cut short.
export function matchableText(text: string): string {
  return text.includes('\u001b') ? styledText(text).text : text;
}

// Timestamps as kubectl --timestamps prints them (UTC), or in the operator's local time, to milliseconds.
export function formatTimestamp(timestamp: string, zone: 'utc' | 'local'): string {
  const fraction = /\.(\d+)/.exec(timestamp)?.[1] ?? '';
  const milliseconds = Date.parse(timestamp.replace(/\.\d+/, ''));
  if (Number.isNaN(milliseconds) || timestamp === '') return ''.padEnd(23);
  const date = new Date(milliseconds);
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  const millis = fraction.padEnd(3, '0').slice(0, 3);
  if (zone === 'utc') return `${date.toISOString().slice(0, 19).replace('T', ' ')}.${millis}Z`;
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:` +
    `${pad(date.getMinutes())}:${pad(date.getSeconds())}.${millis}`
  );
}

// A stable colour slot per stream (FNV-1a, as stern picks colours), so a pod keeps its colour across reopenings.
export function colourSlot(streamId: string, slots: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < streamId.length; index++) {
    hash ^= streamId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % slots;
}
