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

// Detects the node once, then reads every check on mount and again for each refresh.
export function useNodeReport(
  tools: NodeTools,
  options: {
    identity?: NodeIdentity;
    journalDirectory?: string;
    apiNode?: NodeObservations['apiNode'];
    lookupApiNode?: (nodeName: string) => Promise<NodeObservations['apiNode'] | undefined>;
    refreshCount: number;
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
  const {journalDirectory, refreshCount} = options;
  const [lookedUp, setLookedUp] = useState<NodeObservations['apiNode'] | undefined>();
  const apiNode = options.apiNode ?? lookedUp;
  // The caller may pass a new function on every render; the lookup runs once per node name, not per render.
  const lookup = useLatest(options.lookupApiNode);
  const nodeName = identity?.nodeName;

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

  useEffect(() => {
    if (identity) return;
    let current = true;
    detectNode(tools).then(
      (found) => {
        if (!current) return;
        const resolved = found ?? (journalDirectory ? offlineIdentity(tools.hostname) : undefined);
        if (resolved) setIdentity(resolved);
        else setNotANode(true);
      },
      (error: unknown) => {
        if (current) setDetectProblem(`cannot detect the node: ${errorLine(error)}`);
      },
    );
    return () => {
      current = false;
    };
  }, [tools, identity, journalDirectory]);

  useEffect(() => {
    if (!identity) return;
    let current = true;
    readNodeReport(tools, identity, {journalDirectory, apiNode}).then(
      (report) => {
        if (!current) return;
        setReading({report, problem: undefined});
        setReadFor(refreshCount);
      },
      (error: unknown) => {
        if (!current) return;
        // A report that could not be read again is not shown as if it were current.
        setReading({report: undefined, problem: `cannot read the node: ${errorLine(error)}`});
        setReadFor(refreshCount);
      },
    );
    return () => {
      current = false;
    };
  }, [tools, identity, journalDirectory, apiNode, refreshCount]);

  const problem = detectProblem ?? reading.problem;
  const loading = !notANode && detectProblem === undefined && (identity === undefined || readFor !== refreshCount);
  return {identity, report: reading.report, loading, notANode, problem};
}
