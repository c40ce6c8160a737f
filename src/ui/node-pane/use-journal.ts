import {useEffect, useState} from 'react';
import type {JournalEntry} from '../../node-tools/journal-entries.js';
import {followJournal, readJournal} from '../../node-tools/journal-reader.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import type {JournalOptions} from '../../state/node-journal-options.js';

// A followed journal can deliver thousands of lines a second; the screen takes them in batches.
const FLUSH_MS = 100;

export function useJournal(tools: NodeTools, unit: string | undefined, options: JournalOptions,
  directory: string | undefined, refreshCount: number): {entries: JournalEntry[]; problem: string | undefined} {
  const [entries, setEntries] = useState<JournalEntry[]>([]);
  const [problem, setProblem] = useState<string | undefined>();
  const {follow, since, priority, lines} = options;

  useEffect(() => {
    if (!unit) return;
    const query = {unit, lines, since, priority, directory};
    const controller = new AbortController();
    setProblem(undefined);
    if (!follow) {
      void readJournal(tools, query).then((reading) => {
        if (controller.signal.aborted) return;
        if ('entries' in reading) setEntries(reading.entries);
        else setProblem(reading.problem.line);
      });
      return () => controller.abort();
    }
    let pending: JournalEntry[] = [];
    setEntries([]);
    const timer = setInterval(() => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      setEntries((previous) => [...previous, ...batch].slice(-lines));
    }, FLUSH_MS);
    void followJournal(tools, query, (entry) => pending.push(entry), controller.signal).then((failure) => {
      if (failure && !controller.signal.aborted) setProblem(failure.line);
    });
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [tools, unit, follow, since, priority, lines, directory, refreshCount]);

  return {entries, problem};
}
