import {secondOfKey, timestampKey} from './log-timestamp.js';

// stern's way to reconnect without duplicates: ask again from the second of the last line seen (sinceTime has
// whole seconds), then skip what was already delivered. Lines of one container come in timestamp order, across
// restarts too, so "already delivered" is every line before the last timestamp plus as many lines at exactly that
// timestamp as were delivered.
export interface ResumePoint {
  key: string;
  linesAtKey: number;
}

export function advanceResume(point: ResumePoint | undefined, timestamp: string): ResumePoint | undefined {
  const key = timestampKey(timestamp);
  if (key === '') return point;
  if (point && point.key === key) return {key, linesAtKey: point.linesAtKey + 1};
  return {key, linesAtKey: 1};
}

export function resumeSinceTime(point: ResumePoint): string {
  return secondOfKey(point.key);
}

// A filter for one reopened stream: true for lines to deliver. Once a line passes, every later one does.
export function skipDelivered(point: ResumePoint | undefined): (timestamp: string) => boolean {
  if (!point) return () => true;
  let passed = false;
  let toSkipAtKey = point.linesAtKey;
  return (timestamp) => {
    if (passed) return true;
    const key = timestampKey(timestamp);
    if (key === '' || key > point.key) {
      passed = true;
      return true;
    }
    if (key < point.key) return false;
    if (toSkipAtKey > 0) {
      toSkipAtKey -= 1;
      return false;
    }
    passed = true;
    return true;
  };
}
