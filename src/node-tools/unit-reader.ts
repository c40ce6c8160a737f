import type {CommandFailure} from './command-runner.js';
import type {NodeIdentity} from './node-flavour.js';
import type {NodeTools} from './node-tools.js';
import {checkedArguments, checkedUnitName} from './safe-argument.js';
import {parseSystemctlShow, systemctlShowArgs} from './systemctl-show.js';
import type {UnitStatus} from './systemctl-show.js';

export type UnitReading = {unit: string; status: UnitStatus} | {unit: string; problem: CommandFailure};

export function watchedUnits(identity: NodeIdentity): string[] {
  return [identity.kubeletUnit, ...(identity.runtimeUnit ? [identity.runtimeUnit] : [])];
}

export async function readUnits(tools: NodeTools, units: readonly string[]): Promise<UnitReading[]> {
  return Promise.all(
    units.map(async (unit): Promise<UnitReading> => {
      const args = checkedArguments(() => systemctlShowArgs(unit));
      if (!args.ok) return {unit, problem: args.failure};
      const outcome = await tools.runner.run('systemctl', args.value, {timeoutMs: 5000});
      return outcome.ok ? {unit, status: parseSystemctlShow(outcome.stdout, unit)} : {unit, problem: outcome.failure};
    }),
  );
}

// Why restarting is not offered, or undefined when it is.
export function restartRefusal(options: {
  readonly: boolean;
  isRoot: boolean;
  systemdAvailable: boolean;
}): string | undefined {
  if (options.readonly) return 'restart is not offered: kview runs with --readonly';
  if (!options.isRoot) return 'restart is not offered: kview is not running as root';
  if (!options.systemdAvailable) return 'restart is not offered: systemd is not running on this host';
  return undefined;
}

export async function restartUnit(tools: NodeTools, unit: string): Promise<{ok: true} | {ok: false; line: string}> {
  const name = checkedArguments(() => checkedUnitName(unit));
  if (!name.ok) return {ok: false, line: name.failure.line};
  const before = await invocationOf(tools, name.value);
  const queued = tools.queuedRestarts === true;
  const outcome = await tools.runner.run(
    'systemctl',
    queued ? ['restart', '--no-block', '--', name.value] : ['restart', '--', name.value],
    {timeoutMs: 60_000},
  );
  if (outcome.ok && !queued) return {ok: true};
  if (!outcome.ok && outcome.failure.kind !== 'disconnected') return {ok: false, line: outcome.failure.line};
  // Queued, or the connection was cut: the unit's new invocation (systemd's id of a run), read once the node
  // answers again, says that the restart happened.
  for (let waited = 0; waited < RECONNECT_WAIT_MS; waited += RECONNECT_POLL_MS) {
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_POLL_MS));
    const after = await invocationOf(tools, name.value);
    if (after !== undefined && after !== '' && after !== before) return {ok: true};
  }
  return {ok: false, line: `${name.value}: no new run of the unit within 60s of the restart`};
}

const RECONNECT_WAIT_MS = 60_000;
const RECONNECT_POLL_MS = 1000;

// systemd's id of the unit's current run; a restart gives it a new one.
async function invocationOf(tools: NodeTools, unit: string): Promise<string | undefined> {
  const read = await tools.runner.run('systemctl', ['show', '--property=InvocationID', '--value', '--', unit], {
    timeoutMs: 5000,
  });
  return read.ok ? read.stdout.trim() : undefined;
}
