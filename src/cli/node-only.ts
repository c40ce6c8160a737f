import {detectNode} from '../node-tools/detect-node.js';
import {createSystemNodeTools} from '../node-tools/node-tools.js';
import type {NodeTools} from '../node-tools/node-tools.js';
import {checkedPath} from '../node-tools/safe-argument.js';
import {runNodeOnlyScreen} from '../ui/node-pane/run-node-only.js';
import type {Skin} from '../state/config/skin.js';
import type {Settings} from '../state/config/settings.js';

export interface NodeOnlyOptions {
  // Why the cluster view is not shown (e.g. "the connection to the server 127.0.0.1:6443 was refused"); undefined
  // when the operator asked for the node pane with --node.
  reason: string | undefined;
  tools?: NodeTools;
  readonly: boolean;
  journalDirectory?: string;
  skin?: Skin;
  settings?: Settings;
  // The config file's problems in one line (problemsLine), shown where the mode line is.
  configProblem?: string;
}

// The line above the pane in node-only mode: what is wrong with the API and what kview shows instead.
export function nodeOnlyModeLine(options: Pick<NodeOnlyOptions, 'reason' | 'journalDirectory'>): string | undefined {
  if (options.journalDirectory) return `offline: reading the journal copied to ${options.journalDirectory}`;
  if (!options.reason) return undefined;
  return `node-only mode: ${options.reason}; pods and logs come from the container runtime and /var/log/pods`;
}

// True when kview runs on a Kubernetes node, so the CLI can fall back to node-only mode when the API is down.
export async function runsOnNode(tools: NodeTools = createSystemNodeTools()): Promise<boolean> {
  return (await detectNode(tools)) !== undefined;
}

export async function runNodeOnly(options: NodeOnlyOptions): Promise<void> {
  const journalDirectory = options.journalDirectory === undefined ? undefined : checkedPath(options.journalDirectory);
  await runNodeOnlyScreen({
    tools: options.tools ?? createSystemNodeTools(),
    readonly: options.readonly,
    modeLine:
      [nodeOnlyModeLine({reason: options.reason, journalDirectory}), options.configProblem]
        .filter((part) => part !== undefined)
        .join('; ') || undefined,
    journalDirectory,
    skin: options.skin,
    settings: options.settings,
  });
}
