import type {ClusterSession} from '../cluster/cluster-session.js';
import type {DebugPods} from '../cluster/debug-pods.js';
import type {TableWatchSink} from '../cluster/table-watch.js';
import type {LogSource} from '../cluster/log-types.js';
import type {NodeTools} from '../node-tools/node-tools.js';
import type {InteractiveRunner} from '../node-tools/command-runner.js';
import type {TimeZone} from '../resources/time-zone.js';
import type {Settings} from '../state/config/settings.js';
import type {ClipboardTerminal} from '../resources/osc52.js';
import type {ForwardService} from './forward-service.js';

// Everything the UI needs from outside, injected so tests can hand it a real cluster or a scripted one.
export type TableSink = TableWatchSink;

export interface ClusterIdentity {
  contextName: string;
  clusterName: string;
  server: string;
  userName: string;
  source: string;
}

// The part of a cluster session the views use.
export type ClusterApi = Pick<
  ClusterSession,
  | 'contexts'
  | 'watchTable'
  | 'quickPodCounts'
  | 'kinds'
  | 'getObject'
  | 'listObjects'
  | 'describeInputs'
  | 'can'
  | 'deleteObject'
  | 'scale'
  | 'rolloutRestart'
  | 'setImage'
  | 'setSuspended'
  | 'triggerCronJob'
  | 'replaceObject'
  | 'openPodTerminal'
  | 'setUnschedulable'
  | 'drain'
  | 'nodeUsage'
  | 'readNodeProxy'
  | 'readNodeLog'
  | 'readNodeLogRange'
>;

export interface World {
  identity: ClusterIdentity;
  // The namespace kview opened on; undefined means all namespaces (-A).
  namespace: string | undefined;
  readonly: boolean;
  // Why it is read-only when the flag is not the reason (the context's setting in the config file).
  readonlyReason?: string;
  cluster: ClusterApi;
  logs: LogSource;
  // Commands on the machine kview runs on (the node pane); absent where there is no such machine (tests).
  nodeTools?: NodeTools;
  // Node debug pods for the remote node pane; absent where kview creates none (tests, --readonly).
  debugPods?: DebugPods;
  now: () => number;
  // The zone absolute times are printed in; the process's local zone (TZ) when absent, as kubectl does.
  timeZone?: TimeZone;
  // A world for another kubeconfig context (the context picker); absent where switching is not possible.
  switchContext?: (context: string) => World;
  // Programs that take the terminal (the editor of E) and the editor's command ($KUBE_EDITOR, $EDITOR, vi);
  // absent where there is no terminal to give (tests).
  interactive?: InteractiveRunner;
  editor?: readonly string[];
  // The config file's settings (keys, aliases, logs, per-context settings); the defaults when absent.
  settings?: Settings;
  // The session's port-forwards (F, :pf); absent where nothing can listen (some tests).
  forwards?: ForwardService;
  // The terminal's clipboard route for OSC 52 copies (Y); read from the environment when absent.
  clipboard?: ClipboardTerminal;
  // What is wrong in the config file, one "file:line: problem" each; shown in the flash line at the start.
  configProblems?: readonly string[];
}
