export interface CliOptions {
  kubeconfig?: string;
  config?: string;
  context?: string;
  namespace?: string;
  allNamespaces: boolean;
  readonly: boolean;
  wide: boolean;
  help: boolean;
  version: boolean;
  check: boolean;
  node: boolean;
  journalDir?: string;
  // The remote node pane's debug pod, over the config file's node section.
  debugImage?: string;
  debugNamespace?: string;
  debugPodDeadline?: number;
}

export class UsageError extends Error {}

type ValueFlag = 'kubeconfig' | 'config' | 'context' | 'namespace' | 'journalDir' | 'debugImage' | 'debugNamespace';

const VALUE_FLAGS: Record<string, ValueFlag | 'debugPodDeadline'> = {
  '--debug-image': 'debugImage',
  '--debug-namespace': 'debugNamespace',
  '--debug-pod-deadline': 'debugPodDeadline',
  '--config': 'config',
  '--journal-dir': 'journalDir',
  '--kubeconfig': 'kubeconfig',
  '--context': 'context',
  '--namespace': 'namespace',
  '-n': 'namespace',
};

const SWITCHES: Record<string, 'allNamespaces' | 'readonly' | 'wide' | 'help' | 'version' | 'check' | 'node'> = {
  '--node': 'node',
  '-A': 'allNamespaces',
  '--all-namespaces': 'allNamespaces',
  '--readonly': 'readonly',
  '-w': 'wide',
  '--wide': 'wide',
  '-h': 'help',
  '--help': 'help',
  '--version': 'version',
  '--check': 'check',
};

// kubectl's spellings: "--flag value", "--flag=value" and "-nvalue".
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    allNamespaces: false,
    readonly: false,
    wide: false,
    help: false,
    version: false,
    check: false,
    node: false,
  };
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const equals = argument.indexOf('=');
    const name = argument.startsWith('--') && equals > 0 ? argument.slice(0, equals) : argument;
    const switchName = SWITCHES[name];
    if (switchName && equals < 0) {
      options[switchName] = true;
      continue;
    }
    let valueFlag = VALUE_FLAGS[name];
    let value: string | undefined;
    if (valueFlag) {
      value = equals > 0 && argument.startsWith('--') ? argument.slice(equals + 1) : argv[++index];
    } else if (argument.startsWith('-n') && argument.length > 2 && !argument.startsWith('--')) {
      valueFlag = 'namespace';
      value = argument.slice(2);
    }
    if (!valueFlag) throw new UsageError(`unknown argument "${argument}"`);
    if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
    if (valueFlag === 'debugPodDeadline') options.debugPodDeadline = deadlineSeconds(name, value);
    else options[valueFlag] = value;
  }
  if (options.allNamespaces && options.namespace) {
    throw new UsageError('-A and -n cannot be used together');
  }
  return options;
}

// The pod's activeDeadlineSeconds: whole seconds, 10 s to a day (as the config file's debugDeadlineSeconds).
function deadlineSeconds(name: string, value: string): number {
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 10 || seconds > 86_400)
    throw new UsageError(`${name} takes whole seconds from 10 to 86400, not "${value}"`);
  return seconds;
}

export const USAGE = `kview: a terminal UI for Kubernetes clusters and the nodes they run on

Usage: kview [flags]
       kview config [--check FILE]   print the effective configuration, or check a config file

Flags:
  --kubeconfig PATH     kubeconfig file (default: $KUBECONFIG, ~/.kube/config, in-cluster,
                        then /etc/kubernetes/admin.conf when run as root on a control-plane node)
  --context NAME        kubeconfig context to use
  -n, --namespace NS    namespace to show (default: the context's namespace)
  -A, --all-namespaces  show every namespace
  -w, --wide            start with wide columns (like -o wide)
  --config FILE         config file (default: $KVIEW_CONFIG, $XDG_CONFIG_HOME/kview/config.yaml,
                        ~/.config/kview/config.yaml)
  --readonly            offer no action that changes the cluster
  --check               check the configuration and that pods can be listed, then exit
  --node                open the node troubleshooting pane (kubelet, runtime, journal, OS) without the API
  --journal-dir DIR     read a copied journal directory in the node pane (offline analysis; implies --node)
  --debug-image IMAGE   image of the remote node pane's debug pod (default: node.debugImage, busybox:1.36)
  --debug-namespace NS  namespace of the debug pod (default: node.debugNamespace, default)
  --debug-pod-deadline SECONDS
                        Kubernetes ends the debug pod after this long even if kview cannot (default 3600)
  -h, --help            this help
  --version             print the version

When the API server cannot be reached and kview runs on a node, it says so and opens the node pane.

Keys: press ? inside kview.`;
