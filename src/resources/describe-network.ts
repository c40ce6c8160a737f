import type {DescribeInputs, ServiceBackend} from '../cluster/describe-inputs.js';
import type {RowObject} from '../cluster/types.js';
import {annotationsLines, formatLabels, labelsLines} from './describe-format.js';

// kubectl's describeService and describeIngressV1 (an extensions/v1beta1 or networking/v1beta1 ingress is read
// in the v1 layout, as kubectl prints it on any server that serves networking.k8s.io/v1).

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
  nodePort?: number;
}

interface ServiceShape {
  spec?: {
    selector?: Record<string, string>;
    type?: string;
    ipFamilyPolicy?: string;
    ipFamilies?: string[];
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    loadBalancerIP?: string;
    externalName?: string;
    ports?: ServicePort[];
    sessionAffinity?: string;
    externalTrafficPolicy?: string;
    internalTrafficPolicy?: string;
    healthCheckNodePort?: number;
    loadBalancerSourceRanges?: string[];
  };
  status?: {loadBalancer?: {ingress?: Array<{ip?: string; hostname?: string; ipMode?: string}>}};
}

interface EndpointSliceShape {
  ports?: Array<{name?: string; port?: number}> | null;
  endpoints?: Array<{addresses: string[]; conditions?: {ready?: boolean}}> | null;
}

export function describeService(inputs: DescribeInputs): string[] {
  const service = inputs.object as ServiceShape & RowObject;
  const spec = service.spec ?? {};
  const lines = [
    `Name:\t${service.metadata?.name ?? ''}`,
    `Namespace:\t${service.metadata?.namespace ?? ''}`,
    ...labelsLines('Labels', service.metadata?.labels),
    ...annotationsLines('Annotations', service.metadata?.annotations),
    `Selector:\t${formatLabels(spec.selector)}`,
    `Type:\t${spec.type ?? ''}`,
  ];
  if (spec.ipFamilyPolicy) lines.push(`IP Family Policy:\t${spec.ipFamilyPolicy}`);
  lines.push(
    `IP Families:\t${(spec.ipFamilies ?? []).length > 0 ? (spec.ipFamilies ?? []).join(',') : '<none>'}`,
    `IP:\t${spec.clusterIP ?? ''}`,
    `IPs:\t${(spec.clusterIPs ?? []).length > 0 ? (spec.clusterIPs ?? []).join(',') : '<none>'}`,
  );
  if ((spec.externalIPs ?? []).length > 0) lines.push(`External IPs:\t${(spec.externalIPs ?? []).join(',')}`);
  if (spec.loadBalancerIP) lines.push(`Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) lines.push(`External Name:\t${spec.externalName}`);
  const ingress = service.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const text = ingress
      .map((entry) => (entry.ip ? `${entry.ip}${entry.ipMode ? ` (${entry.ipMode})` : ''}` : (entry.hostname ?? '')))
      .join(', ');
    lines.push(`LoadBalancer Ingress:\t${text}`);
  }
  for (const port of spec.ports ?? []) {
    const name = port.name || '<unset>';
    const protocol = port.protocol ?? '';
    lines.push(`Port:\t${name}\t${port.port}/${protocol}`, `TargetPort:\t${port.targetPort ?? 0}/${protocol}`);
    if (port.nodePort) lines.push(`NodePort:\t${name}\t${port.nodePort}/${protocol}`);
    lines.push(`Endpoints:\t${endpointSlicesText(inputs.endpointSlices ?? [], port.name ?? '')}`);
  }
  lines.push(`Session Affinity:\t${spec.sessionAffinity ?? ''}`);
  if (spec.externalTrafficPolicy) lines.push(`External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) lines.push(`Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) lines.push(`HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) {
    lines.push(`LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}`);
  }
  return lines;
}

// formatEndpointSlices: ready endpoints of the named port as host:port, the first three and "+ N more...".
export function endpointSlicesText(slices: readonly RowObject[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const shown: string[] = [];
  let count = 0;
  const add = (text: string) => {
    if (shown.length < 3) shown.push(text);
    count += 1;
  };
  for (const object of slices) {
    const slice = object as EndpointSliceShape;
    const endpoints = (slice.endpoints ?? []).filter((endpoint) => endpoint.conditions?.ready !== false);
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const endpoint of endpoints) add(endpoint.addresses[0] ?? '');
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? '') !== portName) continue;
      for (const endpoint of endpoints) add(hostPort(endpoint.addresses[0] ?? '', port.port ?? 0));
    }
  }
  return count > 3 ? `${shown.join(',')} + ${count - 3} more...` : shown.join(',');
}

// net.JoinHostPort: IPv6 addresses in brackets.
function hostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

interface IngressBackend {
  service?: {name?: string; port?: {number?: number; name?: string}};
  serviceName?: string;
  servicePort?: number | string;
  resource?: {apiGroup?: string; kind?: string; name?: string};
}

interface IngressShape {
  spec?: {
    ingressClassName?: string;
    defaultBackend?: IngressBackend;
    backend?: IngressBackend;
    tls?: Array<{hosts?: string[]; secretName?: string}>;
    rules?: Array<{host?: string; http?: {paths?: Array<{path?: string; backend?: IngressBackend}>}}>;
  };
  status?: {loadBalancer?: {ingress?: Array<{ip?: string; hostname?: string}>}};
}

export function describeIngress(inputs: DescribeInputs): string[] {
  const ingress = inputs.object as IngressShape & RowObject;
  const spec = ingress.spec ?? {};
  const addresses = new Set(
    (ingress.status?.loadBalancer?.ingress ?? []).map((entry) => entry.ip || entry.hostname || '').filter(Boolean),
  );
  const backends = inputs.backends ?? {};
  const defaultBackend = spec.defaultBackend ?? spec.backend;
  const defaultText = defaultBackend ? backendText(defaultBackend, backends) : '<default>';
  const lines = [
    `Name:\t${ingress.metadata?.name ?? ''}`,
    ...labelsLines('Labels', ingress.metadata?.labels),
    `Namespace:\t${ingress.metadata?.namespace ?? ''}`,
    `Address:\t${[...addresses].sort().join(',')}`,
    `Ingress Class:\t${spec.ingressClassName ?? '<none>'}`,
    `Default backend:\t${defaultText}`,
  ];
  if ((spec.tls ?? []).length > 0) {
    lines.push('TLS:');
    for (const tls of spec.tls ?? []) {
      const hosts = (tls.hosts ?? []).join(',');
      lines.push(tls.secretName ? `  ${tls.secretName} terminates ${hosts}` : `  SNI routes ${hosts}`);
    }
  }
  lines.push('Rules:', '  Host\tPath\tBackends', '  ----\t----\t--------');
  const rules = (spec.rules ?? []).filter((rule) => rule.http);
  for (const rule of rules) {
    lines.push(`  ${rule.host || '*'}\t`);
    for (const path of rule.http?.paths ?? []) {
      lines.push(`    \t${path.path ?? ''} \t${path.backend ? backendText(path.backend, backends) : ''}`);
    }
  }
  if (rules.length === 0) lines.push(`  *\t*\t${defaultText}`);
  lines.push(...annotationsLines('Annotations', ingress.metadata?.annotations));
  return lines;
}

// describeBackendV1: "service:port (endpoints)", the endpoints of the service port the backend names.
function backendText(backend: IngressBackend, backends: Record<string, ServiceBackend>): string {
  const serviceName = backend.service?.name ?? backend.serviceName;
  if (serviceName === undefined) {
    const resource = backend.resource;
    if (!resource) return '';
    return `APIGroup: ${resource.apiGroup ?? '<none>'}, Kind: ${resource.kind ?? ''}, Name: ${resource.name ?? ''}`;
  }
  const portNumber =
    backend.service?.port?.number ?? (typeof backend.servicePort === 'number' ? backend.servicePort : 0);
  const portName = backend.service?.port?.name ?? (typeof backend.servicePort === 'string' ? backend.servicePort : '');
  const label = `${serviceName}:${portNumber !== 0 ? portNumber : portName}`;
  const found = backends[serviceName];
  if (!found || found.error !== undefined) return `${label} (<error: ${found?.error ?? 'not fetched'}>)`;
  const ports = (found.service?.['spec'] as ServiceShape['spec'] | undefined)?.ports ?? [];
  let servicePortName = '';
  for (const port of ports) {
    if (portNumber !== 0 && portNumber === port.port) servicePortName = port.name ?? '';
    else if (portName && portName === port.name) servicePortName = port.name;
  }
  return `${label} (${endpointSlicesText(found.endpointSlices ?? [], servicePortName)})`;
}
