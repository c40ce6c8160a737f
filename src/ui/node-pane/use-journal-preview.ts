import {useEffect, useState} from 'react';
import type {JournalEntry} from '../../node-tools/journal-entries.js';
import {readJournal} from '../../node-tools/journal-reader.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {errorLine} from '../../resources/error-line.js';

// How many of the latest warnings and errors the Journal section lists before the operator opens a reader.
export const PREVIEW_ENTRIES = 200;
// The latest entries of the hour that are read to find them. journalctl --priority cannot be the filter: a
// kubelet's errors are klog lines at journald's info priority, classified only once read (effectivePriority).
const PREVIEW_SCAN_ENTRIES = 2000;

export interface JournalPreview {
  entries: JournalEntry[];
  problem: string | undefined;
  loading: boolean;
}

// The watched units' warnings and errors of the last hour (of the whole copied journal with --journal-dir, whose
// hour is not ours): what the Journal section shows at a glance. Read again on refresh.
export function useJournalPreview(
  tools: NodeTools,
  units: readonly string[],
  directory: string | undefined,
  refreshCount: number,
): JournalPreview {
  const [preview, setPreview] = useState<JournalPreview & {for: number | undefined}>({
    entries: [],
    problem: undefined,
    loading: false,
    for: undefined,
  });
  const unitKey = units.join(' ');
  useEffect(() => {
    if (unitKey === '') return undefined;
    let isOpen = true;
    readJournal(tools, {
      units: unitKey.split(' '),
      lines: PREVIEW_SCAN_ENTRIES,
      directory,
      since: directory ? undefined : '-1h',
    }).then(
      (reading) => {
        if (!isOpen) return;
        setPreview(
          'entries' in reading
            ? {
                entries: reading.entries.filter((entry) => entry.priority <= 4).slice(-PREVIEW_ENTRIES),
                problem: undefined,
                loading: false,
                for: refreshCount,
              }
            : {entries: [], problem: reading.problem.line, loading: false, for: refreshCount},
        );
      },
      (error: unknown) => {
        if (isOpen) setPreview({entries: [], problem: errorLine(error), loading: false, for: refreshCount});
      },
    );
    return () => {
      isOpen = false;
    };
  }, [tools, unitKey, directory, refreshCount]);
  // Until this refresh's reading arrives the last one stays on screen, marked as loading.
  return {entries: preview.entries, problem: preview.problem, loading: preview.for !== refreshCount};
}
