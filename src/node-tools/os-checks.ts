import {LAST_REBOOT_ARGS, parseLastReboot, parseUptimeSeconds} from './boot-history.js';
import type {BootRecord} from './boot-history.js';
import {DF_ARGS, parseDiskUsage} from './disk-usage.js';
import type {MountUsage} from './disk-usage.js';
import {parseInterfaces, parseRoutes} from './network-config.js';
import type {NetworkInterface, Route} from './network-config.js';
import {NODEPORT_ARGS, parseNodePortRules} from './nodeport-rules.js';
import type {NodePortRule} from './nodeport-rules.js';
import type {NodeTools} from './node-tools.js';

// Each part is its value or the one line saying why it is missing, so one failure never hides the others.
export type Part<T> = {value: T} | {problem: string};

export interface OsChecks {
  mounts: Part<MountUsage[]>;
  uptimeSeconds: Part<number>;
  boots: Part<BootRecord[]>;
  interfaces: Part<NetworkInterface[]>;
  routes: Part<Route[]>;
  nodePorts: Part<NodePortRule[]>;
  syslogTail: Part<string[]>;
  kernLogTail: Part<string[]>;
}

const LOG_TAIL_BYTES = 64 * 1024;

export async function readOsChecks(tools: NodeTools, logLines = 50): Promise<OsChecks> {
  const command = async <T>(name: string, args: readonly string[], parse: (text: string) => T): Promise<Part<T>> => {
    const outcome = await tools.runner.run(name, args, {timeoutMs: 5000});
    return outcome.ok ? {value: parse(outcome.stdout)} : {problem: outcome.failure.line};
  };
  const tail = async (path: string): Promise<Part<string[]>> => {
    const read = await tools.files.readTail(path, LOG_TAIL_BYTES);
    return read.ok
      ? {
          value: read.text
            .split('\n')
            .filter((line) => line !== '')
            .slice(-logLines),
        }
      : {problem: read.problem};
  };
  const [mounts, uptime, boots, interfaces, routes, nodePorts, syslogTail, kernLogTail] = await Promise.all([
    command('df', DF_ARGS, parseDiskUsage),
    tools.files.readText(tools.paths.procUptime),
    command('last', LAST_REBOOT_ARGS, parseLastReboot),
    command('ip', ['-j', 'addr'], parseInterfaces),
    command('ip', ['-j', 'route'], parseRoutes),
    tools.isRoot
      ? command('iptables', NODEPORT_ARGS, parseNodePortRules)
      : Promise.resolve({problem: 'iptables: needs root; run kview as root to see NodePort rules'}),
    tail(tools.paths.syslog),
    tail(tools.paths.kernLog),
  ]);
  const seconds = uptime.ok ? parseUptimeSeconds(uptime.text) : undefined;
  return {
    mounts,
    boots,
    interfaces,
    routes,
    nodePorts,
    syslogTail,
    kernLogTail,
    uptimeSeconds:
      seconds !== undefined
        ? {value: seconds}
        : {problem: uptime.ok ? `${tools.paths.procUptime}: unreadable` : uptime.problem},
  };
}
