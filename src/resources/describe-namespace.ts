import type {DescribeInputs} from '../cluster/describe-inputs.js';
import type {RowObject} from '../cluster/types.js';
import type {DescribeClock} from './describe-clock.js';
import {annotationsLines, labelsLines} from './describe-format.js';
import {rfc1123zOrZero} from './time-zone.js';

// kubectl's describeNamespace with its quotas and limit ranges, and the ResourceQuota and LimitRange describers.

interface QuotaShape {
  metadata?: RowObject['metadata'];
  spec?: {scopes?: string[]};
  status?: {hard?: Record<string, string>; used?: Record<string, string>};
}

interface LimitItem {
  type?: string;
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.',
  NotTerminating:
    'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.',
  BestEffort:
    'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.',
  NotBestEffort:
    'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.',
};

export function describeNamespace(inputs: DescribeInputs, clock: DescribeClock): string[] {
  const namespace = inputs.object as RowObject & {
    status?: {phase?: string; conditions?: Array<Record<string, string | undefined>>};
  };
  const lines = [
    `Name:\t${namespace.metadata?.name ?? ''}`,
    ...labelsLines('Labels', namespace.metadata?.labels),
    ...annotationsLines('Annotations', namespace.metadata?.annotations),
    `Status:\t${namespace.status?.phase ?? ''}`,
  ];
  const conditions = namespace.status?.conditions ?? [];
  if (conditions.length > 0) {
    lines.push(
      'Conditions:',
      '  Type\tStatus\tLastTransitionTime\tReason\tMessage',
      '  ----\t------\t------------------\t------\t-------',
      ...conditions.map(
        (condition) =>
          `  ${condition['type'] ?? ''}\t${condition['status'] ?? ''}\t` +
          `${rfc1123zOrZero(condition['lastTransitionTime'], clock.zone)}\t${condition['reason'] ?? ''}\t${condition['message'] ?? ''}`,
      ),
    );
  }
  if (inputs.quotas) lines.push('', ...quotasLines(inputs.quotas));
  if (inputs.limitRanges) lines.push('', ...limitRangesLines(inputs.limitRanges));
  return lines;
}

function quotasLines(quotas: readonly RowObject[]): string[] {
  if (quotas.length === 0) return ['No resource quota.'];
  const lines = ['Resource Quotas'];
  const sorted = ([...quotas] as QuotaShape[]).sort((a, b) =>
    (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1,
  );
  for (const quota of sorted) {
    lines.push(`  Name:\t${quota.metadata?.name ?? ''}`);
    const scopes = [...(quota.spec?.scopes ?? [])].sort();
    if (scopes.length > 0) {
      lines.push(`  Scopes:\t${scopes.join(', ')}`);
      for (const scope of scopes) if (SCOPE_HELP[scope]) lines.push(`  * ${SCOPE_HELP[scope]}`);
    }
    lines.push('  Resource\tUsed\tHard', '  --------\t---\t---');
    const hard = quota.status?.hard ?? {};
    for (const resource of Object.keys(hard).sort()) {
      lines.push(`  ${resource}\t${quota.status?.used?.[resource] ?? '0'}\t${hard[resource] ?? ''}`);
    }
  }
  return lines;
}

function limitRangesLines(ranges: readonly RowObject[]): string[] {
  if (ranges.length === 0) return ['No LimitRange resource.'];
  return [
    'Resource Limits',
    ' Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio',
    ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------',
    ...ranges.flatMap((range) => limitItemLines(range, ' ')),
  ];
}

// Go walks each item's resources in map order; kview sorts them by name, one of the orders kubectl prints.
function limitItemLines(range: RowObject, prefix: string): string[] {
  const items = (range['spec'] as {limits?: LimitItem[]} | undefined)?.limits ?? [];
  return items.flatMap((item) => {
    const maps = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const resources = [...new Set(maps.flatMap((map) => Object.keys(map ?? {})))].sort();
    return resources.map(
      (resource) => `${prefix}${item.type ?? ''}\t${resource}\t${maps.map((map) => map?.[resource] ?? '-').join('\t')}`,
    );
  });
}

export function describeResourceQuota(inputs: DescribeInputs): string[] {
  const quota = inputs.object as QuotaShape & RowObject;
  const lines = [`Name:\t${quota.metadata?.name ?? ''}`, `Namespace:\t${quota.metadata?.namespace ?? ''}`];
  const scopes = [...(quota.spec?.scopes ?? [])].sort();
  if (scopes.length > 0) {
    lines.push(`Scopes:\t${scopes.join(', ')}`);
    for (const scope of scopes) if (SCOPE_HELP[scope]) lines.push(` * ${SCOPE_HELP[scope]}`);
  }
  lines.push('Resource\tUsed\tHard', '--------\t----\t----');
  const hard = quota.status?.hard ?? {};
  for (const resource of Object.keys(hard).sort()) {
    lines.push(`${resource}\t${quota.status?.used?.[resource] ?? '0'}\t${hard[resource] ?? ''}`);
  }
  return lines;
}

export function describeLimitRange(inputs: DescribeInputs): string[] {
  const range = inputs.object;
  return [
    `Name:\t${range.metadata?.name ?? ''}`,
    `Namespace:\t${range.metadata?.namespace ?? ''}`,
    'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio',
    '----\t--------\t---\t---\t---------------\t-------------\t-----------------------',
    ...limitItemLines(range, ''),
  ];
}
