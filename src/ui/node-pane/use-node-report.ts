import {useEffect, useState} from 'react';
import {detectNode} from '../../node-tools/detect-node.js';
import type {NodeObservations} from '../../node-tools/findings.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import {offlineIdentity, readNodeReport} from '../../node-tools/node-report.js';
import type {NodeReport} from '../../node-tools/node-report.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {errorLine} from '../../resources/error-line.js';
import {useLatest} from '../use-latest.js';

export interface NodeReportState {
  identity: NodeIdentity | undefined;
  report: NodeReport | undefined;
  loading: boolean;
  // Set when this host is no node and there is no copied journal to read.
  notANode: boolean;
  // Why there is no report: detecting the node or reading it failed (one line; a refresh tries again).
  problem: string | undefined;
}

// Detects the node and reads every check on mount and again for each refresh.
export function useNodeReport(
  tools: NodeTools,
  options: {
    identity?: NodeIdentity;
    journalDirectory?: string;
    apiNode?: NodeObservations['apiNode'];
    lookupApiNode?: (nodeName: string) => Promise<NodeObservations['apiNode'] | undefined>;
    refreshCount: number;
    // The node the operator asked for (n on a row of the nodes view); its report is read only if kview runs on it.
    expectedNode?: string;
  },
): NodeReportState {
  const [identity, setIdentity] = useState(options.identity);
  const [reading, setReading] = useState<{report: NodeReport | undefined; problem: string | undefined}>({
    report: undefined,
    problem: undefined,
  });
  // The refresh the newest reading answers; loading until it is the one asked for.
  const [readFor, setReadFor] = useState<number | undefined>(undefined);
  const [notANode, setNotANode] = useState(false);
  const [detectProblem, setDetectProblem] = useState<string | undefined>(undefined);
  const {journalDirectory, refreshCount, expectedNode} = options;
  const [lookedUp, setLookedUp] = useState<NodeObservations['apiNode'] | undefined>();
  const apiNode = options.apiNode ?? lookedUp;
  // The caller may pass a new function on every render; the lookup runs once per node name, not per render.
  const lookup = useLatest(options.lookupApiNode);
  const nodeName = identity?.nodeName;
  // A node once found stays the node when one detection finds nothing (its commands failed for a moment).
  const known = useLatest(identity);

  useEffect(() => {
    if (!nodeName || !lookup.current || options.apiNode) return;
    let current = true;
    lookup.current(nodeName).then(
      (found) => {
        if (current && found) setLookedUp(found);
      },
      // The API may be down: the pane is what works then, and the finding is simply not made.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [nodeName, options.apiNode, lookup]);

  // Detection runs again with every refresh: a restarted kubelet has a new PID and evidence line, and the header
  // must not keep the old one. A caller that knows the node passes it and skips detection.
  useEffect(() => {
    if (options.identity) return;
    let current = true;
    detectNode(tools).then(
      (found) => {
        if (!current) return;
        const resolved = found ?? (journalDirectory ? offlineIdentity(tools.hostname) : undefined);
        // A node found again (its tools answer again after a kubelet restart cut a debug pod's exec) is a node.
        if (resolved) {
          setNotANode(false);
          setIdentity((previous) => (previous && sameIdentity(previous, resolved) ? previous : resolved));
        } else if (!known.current) setNotANode(true);
      },
      (error: unknown) => {
        if (current) setDetectProblem(`cannot detect the node: ${errorLine(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [tools, options.identity, journalDirectory, refreshCount, known]);

  // One read at a time. A refresh asked for while one is in flight (r pressed again) waits for it instead of
  // cancelling it: through a slow debug pod a read can take longer than the operator waits between two r, and
  // cancelled each time it would never finish, leaving the previous report on screen. When it finishes, the
  // newest refresh asked for is read next.
  const latestRefresh = useLatest(refreshCount);
  const [readWith, setReadWith] = useState<readonly unknown[]>([]);
  const [finished, setFinished] = useState(0);
  // Also read again when what a read depends on changed (the node found again, the API's view of it arrived).
  const inputs = [tools, identity, journalDirectory, apiNode] as const;
  const needsRead = readFor !== refreshCount || inputs.some((input, index) => readWith[index] !== input);
  useEffect(() => {
    if (!identity || !needsRead) return;
    // Another node's name: the pane says kview runs elsewhere and reads none of this host's units.
    if (expectedNode !== undefined && identity.nodeName !== expectedNode) return;
    let current = true;
    const answers = latestRefresh.current;
    const finish = (next: {report: NodeReport | undefined; problem: string | undefined}) => {
      if (!current) return;
      setReading(next);
      setReadWith([tools, identity, journalDirectory, apiNode]);
      setReadFor(answers);
      setFinished((count) => count + 1);
    };
    readNodeReport(tools, identity, {journalDirectory, apiNode}).then(
      (report) => finish({report, problem: undefined}),
      // A report that could not be read again is not shown as if it were current.
      (error: unknown) => finish({report: undefined, problem: `cannot read the node: ${errorLine(error)}`}),
    );
    return () => {
      current = false;
    };
  }, [tools, identity, journalDirectory, apiNode, expectedNode, needsRead, finished, latestRefresh]);

  const problem = detectProblem ?? reading.problem;
  // kview runs on another node than the one asked for: nothing is read, so nothing is loading either.
  const elsewhere = expectedNode !== undefined && identity !== undefined && identity.nodeName !== expectedNode;
  const loading =
    !notANode && !elsewhere && detectProblem === undefined && (identity === undefined || readFor !== refreshCount);
  return {identity, report: reading.report, loading, notANode, problem};
}

// Equal in every field keeps the old object, so a refresh that found the same node re-reads nothing twice.
function sameIdentity(a: NodeIdentity, b: NodeIdentity): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
