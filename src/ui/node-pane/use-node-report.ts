import {useEffect, useRef, useState} from 'react';
import {detectNode} from '../../node-tools/detect-node.js';
import type {NodeObservations} from '../../node-tools/findings.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import {offlineIdentity, readNodeReport} from '../../node-tools/node-report.js';
import type {NodeReport} from '../../node-tools/node-report.js';
import type {NodeTools} from '../../node-tools/node-tools.js';

export interface NodeReportState {
  identity: NodeIdentity | undefined;
  report: NodeReport | undefined;
  loading: boolean;
  // Set when this host is no node and there is no copied journal to read.
  notANode: boolean;
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
  const [report, setReport] = useState<NodeReport | undefined>();
  const [loading, setLoading] = useState(true);
  const [notANode, setNotANode] = useState(false);
  const {journalDirectory, refreshCount, expectedNode} = options;
  const [lookedUp, setLookedUp] = useState<NodeObservations['apiNode'] | undefined>();
  const apiNode = options.apiNode ?? lookedUp;
  // The caller may pass a new function on every render; the lookup runs once per node name, not per render.
  const lookup = useRef(options.lookupApiNode);
  lookup.current = options.lookupApiNode;
  const nodeName = identity?.nodeName;

  useEffect(() => {
    if (!nodeName || !lookup.current || options.apiNode) return;
    let current = true;
    lookup.current(nodeName).then(
      (found) => {
        if (current && found) setLookedUp(found);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [nodeName, options.apiNode]);

  // Detection runs again with every refresh: a restarted kubelet has a new PID and evidence line, and the header
  // must not keep the old one. A caller that knows the node passes it and skips detection.
  useEffect(() => {
    if (options.identity) return;
    let current = true;
    void detectNode(tools).then((found) => {
      if (!current) return;
      const resolved = found ?? (journalDirectory ? offlineIdentity(tools.hostname) : undefined);
      if (resolved) setIdentity((previous) => (previous && sameIdentity(previous, resolved) ? previous : resolved));
      else {
        setNotANode(true);
        setLoading(false);
      }
    });
    return () => {
      current = false;
    };
  }, [tools, options.identity, journalDirectory, refreshCount]);

  useEffect(() => {
    if (!identity) return;
    // Another node's name: the pane says kview runs elsewhere and reads none of this host's units.
    if (expectedNode !== undefined && identity.nodeName !== expectedNode) return;
    let current = true;
    setLoading(true);
    void readNodeReport(tools, identity, {journalDirectory, apiNode}).then((read) => {
      if (!current) return;
      setReport(read);
      setLoading(false);
    });
    return () => {
      current = false;
    };
  }, [tools, identity, journalDirectory, apiNode, refreshCount, expectedNode]);

  return {identity, report, loading, notANode};
}

// Equal in every field keeps the old object, so a refresh that found the same node re-reads nothing twice.
function sameIdentity(a: NodeIdentity, b: NodeIdentity): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
