import {rfc1123zOrZero} from './time-zone.js';
import type {TimeZone} from './time-zone.js';

export interface ContainerSpec {
  name: string;
  image?: string;
  command?: string[];
  args?: string[];
  ports?: Array<{containerPort: number; hostPort?: number; protocol?: string}>;
  envFrom?: Array<{
    prefix?: string;
    configMapRef?: {name?: string; optional?: boolean};
    secretRef?: {name?: string; optional?: boolean};
  }>;
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: Record<
      string,
      {key?: string; name?: string; fieldPath?: string; apiVersion?: string; resource?: string; optional?: boolean}
    >;
  }>;
  resources?: {limits?: Record<string, string>; requests?: Record<string, string>};
  volumeMounts?: Array<{name: string; mountPath: string; readOnly?: boolean; subPath?: string}>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
}

interface Probe {
  exec?: {command?: string[]};
  httpGet?: {path?: string; port?: number | string; host?: string; scheme?: string};
  tcpSocket?: {port?: number | string; host?: string};
  initialDelaySeconds?: number;
  timeoutSeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

type State = Partial<
  Record<
    'running' | 'waiting' | 'terminated',
    {startedAt?: string; finishedAt?: string; reason?: string; message?: string; exitCode?: number; signal?: number}
  >
>;

export interface ContainerStatusShape {
  name: string;
  containerID?: string;
  imageID?: string;
  ready?: boolean;
  restartCount?: number;
  state?: State;
  lastState?: State;
}

// kubectl's describeContainers: basic info, command, state, resources, probes, environment, mounts. In a pod
// template (`space` is "  ") kubectl indents the label and the container's name, but not the lines under it.
export function describeContainers(
  label: string,
  containers: ContainerSpec[],
  statuses: ContainerStatusShape[],
  zone: TimeZone,
  space = '',
): string[] {
  if (containers.length === 0) return [`${space}${label}: <none>`];
  const lines = [`${space}${label}:`];
  for (const container of containers) {
    const status = statuses.find((entry) => entry.name === container.name);
    lines.push(`  ${space ? ' ' : ''}${container.name}:`);
    if (status) lines.push(`    Container ID:\t${status.containerID ?? ''}`);
    lines.push(`    Image:\t${container.image ?? ''}`);
    if (status) lines.push(`    Image ID:\t${status.imageID ?? ''}`);
    const ports = (container.ports ?? []).map((port) => `${port.containerPort}/${port.protocol ?? 'TCP'}`);
    const hostPorts = (container.ports ?? []).map((port) => `${port.hostPort ?? 0}/${port.protocol ?? 'TCP'}`);
    lines.push(ports.length > 1 ? `    Ports:\t${ports.join(', ')}` : `    Port:\t${ports[0] ?? '<none>'}`);
    lines.push(
      hostPorts.length > 1 ? `    Host Ports:\t${hostPorts.join(', ')}` : `    Host Port:\t${hostPorts[0] ?? '<none>'}`,
    );
    for (const [title, values] of [
      ['Command', container.command],
      ['Args', container.args],
    ] as const) {
      if ((values ?? []).length === 0) continue;
      lines.push(`    ${title}:`);
      for (const value of values ?? []) for (const part of value.split('\n')) lines.push(`      ${part}`);
    }
    if (status) {
      lines.push(...stateLines('State', status.state, zone));
      if (status.lastState?.terminated) lines.push(...stateLines('Last State', status.lastState, zone));
      lines.push(`    Ready:\t${status.ready ? 'True' : 'False'}`, `    Restart Count:\t${status.restartCount ?? 0}`);
    }
    for (const [title, values] of [
      ['Limits', container.resources?.limits],
      ['Requests', container.resources?.requests],
    ] as const) {
      if (!values || Object.keys(values).length === 0) continue;
      lines.push(
        `    ${title}:`,
        ...Object.keys(values)
          .sort()
          .map((name) => `      ${name}:\t${values[name]}`),
      );
    }
    for (const [title, probe] of [
      ['Liveness', container.livenessProbe],
      ['Readiness', container.readinessProbe],
      ['Startup', container.startupProbe],
    ] as const) {
      if (probe) lines.push(`    ${title}:\t${probeText(probe)}`);
    }
    if ((container.envFrom ?? []).length > 0) lines.push(...environmentFromLines(container));
    lines.push(...environmentLines(container), ...mountLines(container));
  }
  return lines;
}

function stateLines(title: string, state: State | undefined, zone: TimeZone): string[] {
  if (state?.running)
    return [`    ${title}:\tRunning`, `      Started:\t${rfc1123zOrZero(state.running.startedAt, zone)}`];
  if (state?.terminated) {
    const terminated = state.terminated;
    const lines = [`    ${title}:\tTerminated`];
    if (terminated.reason) lines.push(`      Reason:\t${terminated.reason}`);
    if (terminated.message) lines.push(`      Message:\t${terminated.message}`);
    lines.push(`      Exit Code:\t${terminated.exitCode ?? 0}`);
    if ((terminated.signal ?? 0) > 0) lines.push(`      Signal:\t${terminated.signal}`);
    lines.push(
      `      Started:\t${rfc1123zOrZero(terminated.startedAt, zone)}`,
      `      Finished:\t${rfc1123zOrZero(terminated.finishedAt, zone)}`,
    );
    return lines;
  }
  const lines = [`    ${title}:\tWaiting`];
  if (state?.waiting?.reason) lines.push(`      Reason:\t${state.waiting.reason}`);
  return lines;
}

function probeText(probe: Probe): string {
  const timing =
    `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s ` +
    `period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${timing}`;
  if (probe.httpGet) {
    const scheme = (probe.httpGet.scheme ?? 'HTTP').toLowerCase();
    return `http-get ${scheme}://${probe.httpGet.host ?? ''}:${probe.httpGet.port ?? ''}${probe.httpGet.path ?? ''} ${timing}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port ?? ''} ${timing}`;
  return `unknown ${timing}`;
}

function environmentLines(container: ContainerSpec): string[] {
  const env = container.env ?? [];
  const lines = [env.length === 0 ? '    Environment:\t<none>' : '    Environment:'];
  for (const variable of env) {
    if (!variable.valueFrom) {
      (variable.value ?? '')
        .split('\n')
        .forEach((part, index) => lines.push(index === 0 ? `      ${variable.name}:\t${part}` : `      \t${part}`));
      continue;
    }
    const [source, reference] = Object.entries(variable.valueFrom)[0] ?? [];
    if (source === 'fieldRef') {
      lines.push(`      ${variable.name}:\t (${reference?.apiVersion ?? 'v1'}:${reference?.fieldPath ?? ''})`);
    } else if (source === 'resourceFieldRef') {
      lines.push(`      ${variable.name}:\t (${reference?.resource ?? ''})`);
    } else if (source === 'secretKeyRef' || source === 'configMapKeyRef') {
      const where = source === 'secretKeyRef' ? 'in secret' : 'of config map';
      lines.push(
        `      ${variable.name}:\t<set to the key '${reference?.key ?? ''}' ${where} '${reference?.name ?? ''}'>` +
          `\tOptional: ${reference?.optional ?? false}`,
      );
    } else {
      lines.push(`      ${variable.name}:\t${source ?? ''}`);
    }
  }
  return lines;
}

function environmentFromLines(container: ContainerSpec): string[] {
  return [
    '    Environment Variables from:',
    ...(container.envFrom ?? []).map((source) => {
      const from = source.configMapRef ? 'ConfigMap' : source.secretRef ? 'Secret' : '';
      const reference = source.configMapRef ?? source.secretRef;
      const prefix = source.prefix ? ` with prefix '${source.prefix}'` : '';
      return `      ${reference?.name ?? ''}\t${from}${prefix}\tOptional: ${reference?.optional ?? false}`;
    }),
  ];
}

function mountLines(container: ContainerSpec): string[] {
  const mounts = [...(container.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
  if (mounts.length === 0) return ['    Mounts:\t<none>'];
  return [
    '    Mounts:',
    ...mounts.map((mount) => {
      const flags = [mount.readOnly ? 'ro' : 'rw', ...(mount.subPath ? [`path="${mount.subPath}"`] : [])];
      return `      ${mount.mountPath} from ${mount.name} (${flags.join(',')})`;
    }),
  ];
}
