import type {CommandFailure} from './command-runner.js';
import {journalctlArgs, parseJournal, parseJournalLine} from './journal-entries.js';
import type {JournalEntry, JournalQuery} from './journal-entries.js';
import type {NodeTools} from './node-tools.js';
import {checkedArguments} from './safe-argument.js';

export type JournalReading = {entries: JournalEntry[]} | {problem: CommandFailure};

export async function readJournal(tools: NodeTools, query: JournalQuery): Promise<JournalReading> {
  const args = checkedArguments(() => journalctlArgs({...query, follow: false}));
  if (!args.ok) return {problem: args.failure};
  const outcome = await tools.runner.run('journalctl', args.value, {
    timeoutMs: 15_000,
    maxOutputBytes: 32 * 1024 * 1024,
  });
  return outcome.ok ? {entries: parseJournal(outcome.stdout)} : {problem: outcome.failure};
}

// journalctl -f prints the last lines first, then new ones as they come; resolves when the signal stops it.
export async function followJournal(
  tools: NodeTools,
  query: JournalQuery,
  onEntry: (entry: JournalEntry) => void,
  signal: AbortSignal,
): Promise<CommandFailure | undefined> {
  const outcome = await tools.runner.follow(
    'journalctl',
    journalctlArgs({...query, follow: true}),
    (line) => {
      const entry = parseJournalLine(line);
      if (entry) onEntry(entry);
    },
    {signal},
  );
  return outcome.ok ? undefined : outcome.failure;
}
