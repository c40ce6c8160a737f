import {homedir, hostname, userInfo} from 'node:os';
import {createDebugPods} from '../cluster/debug-pods.js';
import type {DebugPods} from '../cluster/debug-pods.js';
import {openClusterSession} from '../cluster/cluster-session.js';
import type {ClusterSession} from '../cluster/cluster-session.js';
import type {World} from '../ui/world.js';
import {createLogSource} from '../cluster/log-source.js';
import {createSystemNodeTools} from '../node-tools/node-tools.js';
import {createInteractiveRunner} from '../node-tools/spawn-runner.js';
import {editorCommand} from '../state/editor-command.js';
import {runNodeOnly, runsOnNode} from './node-only.js';
import {KviewError} from '../cluster/kview-error.js';
import {runApp} from '../ui/run-app.js';
import {parseArgs, USAGE, UsageError} from './parse-args.js';
import packageJson from '../../package.json' with {type: 'json'};
import {runConfigCommand} from './config-command.js';
import {configLocation, readConfig} from './config-file.js';
import {contextSettings, problemsLine} from '../state/config/context-settings.js';
import {resolveSkin} from '../state/config/skin.js';
import type {Settings} from '../state/config/settings.js';
import {createPortForwarder} from '../cluster/port-forward.js';
import {createForwardRegistry} from '../ui/forward-service.js';
import type {ForwardRegistry} from '../ui/forward-service.js';
import {clipboardTerminalFromEnvironment} from '../resources/osc52.js';
import type {ClipboardTerminal} from '../resources/osc52.js';
import {tmuxClipboardOptions} from '../node-tools/tmux-options.js';
import {createSpawnRunner} from '../node-tools/spawn-runner.js';

interface Configured {
  settings: Settings;
  problems: readonly string[];
  forwards: ForwardRegistry;
  clipboard: ClipboardTerminal;
  // Flags over the config file's node section.
  debug: {image?: string; namespace?: string; deadlineSeconds?: number};
}

// Every debug pod kview created in this run, whichever context it was in: deleted when kview ends.
const debugPodSessions: DebugPods[] = [];
const DEBUG_CLEANUP_TIMEOUT_MS = 5000;

async function deleteDebugPods(): Promise<void> {
  const deleting = Promise.all(debugPodSessions.map((pods) => pods.cleanup().catch(() => [])));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string[][]>((resolve) => {
    timer = setTimeout(() => resolve([]), DEBUG_CLEANUP_TIMEOUT_MS);
  });
  const deleted = (await Promise.race([deleting, late])).flat();
  clearTimeout(timer);
  // After SIGHUP the terminal may be gone; the pods are deleted whether or not this line can be written.
  process.stderr.once('error', () => undefined);
  if (deleted.length > 0) process.stderr.write(`kview: deleted debug pod ${deleted.join(', ')}\n`);
}

async function main(argv: string[]): Promise<number> {
  if (argv[0] === 'config') {
    return runConfigCommand(argv.slice(1), process.env, {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
    });
  }
  const options = parseArgs(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`kview ${packageJson.version}\n`);
    return 0;
  }
  // A config file that cannot be read or is wrong never stops kview: its problems go to the flash line.
  const configured = {
    ...readConfig(configLocation(options.config, process.env, homedir())),
    debug: {image: options.debugImage, namespace: options.debugNamespace, deadlineSeconds: options.debugPodDeadline},
  };
  const skin = resolveSkin(configured.settings.skin, process.env);
  const nodeOnlyConfig = {skin, settings: configured.settings, configProblem: problemsLine(configured.problems)};
  if (options.node || options.journalDir) {
    await runNodeOnly({
      reason: undefined,
      readonly: options.readonly,
      journalDirectory: options.journalDir,
      ...nodeOnlyConfig,
    });
    return 0;
  }
  const session = openClusterSession({
    kubeconfigPath: options.kubeconfig,
    context: options.context,
    namespace: options.namespace,
    environment: process.env,
    homeDirectory: homedir(),
    isRoot: process.getuid?.() === 0,
  });
  const namespace = options.allNamespaces
    ? undefined
    : options.namespace === undefined
      ? startNamespace(configured.settings, session)
      : session.connection.namespace;
  // Checked before the terminal test so `kview < /dev/null` against a dead server still says what is wrong first.
  try {
    await session.checkPodsReadable(namespace);
  } catch (error) {
    // On a node, an unreachable API server is exactly when the node pane is needed: open it instead of exiting.
    if (
      error instanceof KviewError &&
      !options.check &&
      isUnreachable(error) &&
      process.stdout.isTTY &&
      (await runsOnNode())
    ) {
      process.stderr.write(`kview: ${error.message}; opening the node pane (node-only mode)\n`);
      await runNodeOnly({reason: error.message, readonly: options.readonly, ...nodeOnlyConfig});
      return 0;
    }
    throw error;
  }
  if (options.check) {
    const {connection} = session;
    process.stdout.write(
      `ok: context ${connection.contextName} (${connection.source}), server ${connection.server}, ` +
        `pods readable in ${namespace ?? 'all namespaces'}\n`,
    );
    return 0;
  }
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    throw new KviewError(
      'kview needs an interactive terminal (stdin and stdout must be a TTY)',
      'run it in a terminal, or with `ssh -t` when starting it over SSH; use kubectl for scripts',
    );
  }
  const forwards = createForwardRegistry({now: Date.now, isRoot: process.getuid?.() === 0});
  const clipboard = await clipboardTerminal(process.env);
  try {
    await runApp(worldFor(session, namespace, options.readonly, {...configured, forwards, clipboard}), {
      wide: options.wide,
      skin,
      beforeSignalExit: deleteDebugPods,
    });
  } finally {
    // Forwards and debug pods end with kview: every listener is closed and every pod deleted before the exit.
    await forwards.stopAll();
    await deleteDebugPods();
  }
  return 0;
}

// The namespace kview opens on without -n: the context's from the config file, else the kubeconfig's.
function startNamespace(settings: Settings, session: ClusterSession): string | undefined {
  return contextSettings(settings, session.connection.contextName).namespace ?? session.connection.namespace;
}

function worldFor(
  session: ClusterSession,
  namespace: string | undefined,
  readonly: boolean,
  configured: Configured,
): World {
  const {connection} = session;
  return {
    settings: configured.settings,
    configProblems: configured.problems,
    identity: {
      contextName: connection.contextName,
      clusterName: connection.clusterName,
      server: connection.server,
      userName: connection.userName,
      source: connection.source,
    },
    namespace,
    readonly,
    cluster: session,
    logs: createLogSource(session.client),
    forwards: configured.forwards.forSession(
      createPortForwarder({kubeConfig: connection.kubeConfig, client: session.client}),
      (question) => session.can(question),
    ),
    clipboard: configured.clipboard,
    nodeTools: createSystemNodeTools(),
    interactive: createInteractiveRunner(),
    editor: editorCommand(process.env),
    debugPods: readonly ? undefined : debugPodsFor(session, configured),
    now: Date.now,
    switchContext: (context) => {
      const next = session.withContext(context);
      return worldFor(next, startNamespace(configured.settings, next), readonly, {...configured, problems: []});
    },
  };
}

// OSC 52's route out of this terminal: inside tmux its options decide (asked once, with a timeout).
async function clipboardTerminal(environment: NodeJS.ProcessEnv): Promise<ClipboardTerminal> {
  const terminal = clipboardTerminalFromEnvironment(environment);
  if (!terminal.inTmux) return terminal;
  return {...terminal, ...(await tmuxClipboardOptions(createSpawnRunner(environment)))};
}

function debugPodsFor(session: ClusterSession, configured: Configured): DebugPods {
  const {nodeDebug} = configured.settings;
  const pods = createDebugPods(
    session.client,
    session.connection.kubeConfig,
    {
      image: configured.debug.image ?? nodeDebug.image,
      namespace: configured.debug.namespace ?? nodeDebug.namespace,
      deadlineSeconds: configured.debug.deadlineSeconds ?? nodeDebug.deadlineSeconds,
    },
    {user: userInfo().username, host: hostname(), pid: process.pid},
    {isAlive},
  );
  debugPodSessions.push(pods);
  return pods;
}

// Signal 0 checks that a process exists; EPERM means it does, under another user.
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isUnreachable(error: KviewError): boolean {
  return error.kind === 'connection-refused' || error.kind === 'unreachable';
}

function report(error: unknown): number {
  if (error instanceof KviewError) {
    process.stderr.write(`kview: ${error.message}\n  hint: ${error.hint}\n`);
  } else if (error instanceof UsageError) {
    process.stderr.write(`kview: ${error.message}\n  hint: see kview --help\n`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `kview: unexpected failure: ${message.split('\n')[0]}\n  hint: please report this with the command you ran\n`,
    );
  }
  return 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(report(error)),
);
