import type {DescribeInputs} from '../cluster/describe-inputs.js';
import type {RowObject} from '../cluster/types.js';
import {annotationsLines, formatLabels, labelsLines} from './describe-format.js';

// kubectl's ConfigMap, Secret, ServiceAccount, PriorityClass and Endpoints describers. Go prints the data maps in random order; kview sorts
// them, so its output is one of the orders kubectl can print.

function header(object: RowObject): string[] {
  return [
    `Name:\t${object.metadata?.name ?? ''}`,
    `Namespace:\t${object.metadata?.namespace ?? ''}`,
    ...labelsLines('Labels', object.metadata?.labels),
    ...annotationsLines('Annotations', object.metadata?.annotations),
  ];
}

export function describeConfigMap(inputs: DescribeInputs): string[] {
  const object = inputs.object;
  const data = (object['data'] ?? {}) as Record<string, string>;
  const binary = (object['binaryData'] ?? {}) as Record<string, string>;
  // kubectl writes each value followed by a blank line; a value's own newlines become lines.
  let text = '\nData\n====\n';
  for (const key of Object.keys(data).sort()) text += `${key}:\n----\n${data[key] ?? ''}\n\n`;
  text += '\nBinaryData\n====\n';
  for (const key of Object.keys(binary).sort()) text += `${key}: ${decodedLength(binary[key] ?? '')} bytes\n`;
  text += '\n';
  return [...header(object), ...text.replace(/\n$/, '').split('\n')];
}

// A secret's values are never shown: each key with its size in bytes (kubectl would print a service account
// token itself).
export function describeSecret(inputs: DescribeInputs): string[] {
  const object = inputs.object;
  const data = (object['data'] ?? {}) as Record<string, string>;
  return [
    ...header(object),
    '',
    `Type:\t${typeof object['type'] === 'string' ? object['type'] : ''}`,
    '',
    'Data',
    '====',
    ...Object.keys(data)
      .sort()
      .map((key) => `${key}:\t${decodedLength(data[key] ?? '')} bytes`),
  ];
}

function decodedLength(base64: string): number {
  return Buffer.from(base64, 'base64').length;
}

export function describeServiceAccount(inputs: DescribeInputs): string[] {
  const account = inputs.object as RowObject & {
    secrets?: Array<{name?: string}>;
    imagePullSecrets?: Array<{name?: string}>;
  };
  const secrets = inputs.secrets;
  const existing = new Set((secrets ?? []).map((secret) => secret.metadata?.name));
  // A referenced secret that does not exist is marked, but only when the list could be read.
  const missing = (name: string) => secrets !== undefined && !existing.has(name);
  const tokens = (secrets ?? []).filter(
    (secret) =>
      secret['type'] === 'kubernetes.io/service-account-token' &&
      secret.metadata?.annotations?.['kubernetes.io/service-account.name'] === account.metadata?.name &&
      secret.metadata?.annotations?.['kubernetes.io/service-account.uid'] === account.metadata?.uid,
  );
  const sections: Array<[string, string[]]> = [
    ['Image pull secrets:', (account.imagePullSecrets ?? []).map((secret) => secret.name ?? '')],
    ['Mountable secrets: ', (account.secrets ?? []).map((secret) => secret.name ?? '')],
    ['Tokens:            ', tokens.map((secret) => secret.metadata?.name ?? '')],
  ];
  const lines = header(account);
  for (const [title, names] of sections) {
    if (names.length === 0) lines.push(`${title}\t<none>`);
    names.forEach((name, index) =>
      lines.push(`${index === 0 ? title : ' '.repeat(title.length)}\t${name}${missing(name) ? ' (not found)' : ''}`),
    );
  }
  return lines;
}

export function describePriorityClass(inputs: DescribeInputs): string[] {
  const priorityClass = inputs.object as RowObject & {
    value?: number;
    globalDefault?: boolean;
    preemptionPolicy?: string;
    description?: string;
  };
  return [
    `Name:\t${priorityClass.metadata?.name ?? ''}`,
    `Value:\t${priorityClass.value ?? 0}`,
    `GlobalDefault:\t${priorityClass.globalDefault ?? false}`,
    `PreemptionPolicy:\t${priorityClass.preemptionPolicy ?? ''}`,
    `Description:\t${priorityClass.description ?? ''}`,
    `Annotations:\t${formatLabels(priorityClass.metadata?.annotations)}`,
  ];
}

interface EndpointSubset {
  addresses?: Array<{ip: string}>;
  notReadyAddresses?: Array<{ip: string}>;
  ports?: Array<{name?: string; port: number; protocol?: string}>;
}

export function describeEndpoints(inputs: DescribeInputs): string[] {
  const lines = [...header(inputs.object), 'Subsets:'];
  for (const subset of (inputs.object['subsets'] ?? []) as EndpointSubset[]) {
    const ips = (addresses: Array<{ip: string}> | undefined) =>
      (addresses ?? []).map((address) => address.ip).join(',') || '<none>';
    lines.push(`  Addresses:\t${ips(subset.addresses)}`, `  NotReadyAddresses:\t${ips(subset.notReadyAddresses)}`);
    if ((subset.ports ?? []).length > 0) {
      lines.push(
        '  Ports:',
        '    Name\tPort\tProtocol',
        '    ----\t----\t--------',
        ...(subset.ports ?? []).map((port) => `    ${port.name || '<unset>'}\t${port.port}\t${port.protocol ?? ''}`),
      );
    }
    lines.push('');
  }
  return lines;
}
