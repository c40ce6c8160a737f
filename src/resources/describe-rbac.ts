import type {DescribeInputs} from '../cluster/describe-inputs.js';
import type {RowObject} from '../cluster/types.js';
import {annotationsLines, goList, labelsLines} from './describe-format.js';

// kubectl's Role/ClusterRole and RoleBinding/ClusterRoleBinding describers.

interface PolicyRule {
  verbs?: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

function header(object: RowObject): string[] {
  return [
    `Name:\t${object.metadata?.name ?? ''}`,
    ...labelsLines('Labels', object.metadata?.labels),
    ...annotationsLines('Annotations', object.metadata?.annotations),
  ];
}

export function describeRole(inputs: DescribeInputs): string[] {
  const rules = compactRules(((inputs.object['rules'] ?? []) as PolicyRule[]).flatMap(breakdownRule));
  rules.sort((a, b) => (ruleString(a) < ruleString(b) ? -1 : ruleString(a) > ruleString(b) ? 1 : 0));
  return [
    ...header(inputs.object),
    'PolicyRule:',
    '  Resources\tNon-Resource URLs\tResource Names\tVerbs',
    '  ---------\t-----------------\t--------------\t-----',
    ...rules.map(
      (rule) =>
        `  ${combineResourceGroup(rule.resources ?? [], rule.apiGroups ?? [])}\t${goList(rule.nonResourceURLs)}\t` +
        `${goList(rule.resourceNames)}\t${goList(rule.verbs)}`,
    ),
  ];
}

// rbac.BreakdownRule: one rule per group, resource, verb and resource name; one per non-resource URL and verb.
function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const rules: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of rule.verbs ?? []) {
        const names = rule.resourceNames ?? [];
        if (names.length === 0) rules.push({apiGroups: [group], resources: [resource], verbs: [verb]});
        for (const name of names) {
          rules.push({apiGroups: [group], resources: [resource], verbs: [verb], resourceNames: [name]});
        }
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) {
    for (const verb of rule.verbs ?? []) rules.push({nonResourceURLs: [url], verbs: [verb]});
  }
  return rules;
}

// rbac.CompactRules: the verbs of rules on the same group, resource and name merged, in the order they come.
function compactRules(rules: PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    if ((rule.nonResourceURLs ?? []).length > 0) {
      compacted.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups?.[0], rule.resources?.[0], rule.resourceNames?.[0] ?? null]);
    const existing = simple.get(key);
    if (!existing) simple.set(key, {...rule, verbs: [...(rule.verbs ?? [])]});
    else for (const verb of rule.verbs ?? []) if (!existing.verbs?.includes(verb)) existing.verbs?.push(verb);
  }
  return [...compacted, ...simple.values()];
}

// PolicyRule.String(), the generated Go text kubectl sorts the rules by.
function ruleString(rule: PolicyRule): string {
  return (
    `&PolicyRule{Verbs:${goList(rule.verbs)},APIGroups:${goList(rule.apiGroups)},Resources:${goList(rule.resources)},` +
    `ResourceNames:${goList(rule.resourceNames)},NonResourceURLs:${goList(rule.nonResourceURLs)},}`
  );
}

// CombineResourceGroup: "deployments.apps/scale" from the resource "deployments/scale" in the group "apps".
function combineResourceGroup(resources: string[], groups: string[]): string {
  const resource = resources[0];
  if (resource === undefined) return '';
  const [base, subresource] = resource.split(/\/(.*)/s);
  const group = groups[0];
  return `${base ?? ''}${group ? `.${group}` : ''}${subresource !== undefined ? `/${subresource}` : ''}`;
}

export function describeRoleBinding(inputs: DescribeInputs): string[] {
  const binding = inputs.object as RowObject & {
    roleRef?: {kind?: string; name?: string};
    subjects?: Array<{kind?: string; name?: string; namespace?: string}>;
  };
  return [
    ...header(binding),
    'Role:',
    `  Kind:\t${binding.roleRef?.kind ?? ''}`,
    `  Name:\t${binding.roleRef?.name ?? ''}`,
    'Subjects:',
    '  Kind\tName\tNamespace',
    '  ----\t----\t---------',
    ...(binding.subjects ?? []).map(
      (subject) => `  ${subject.kind ?? ''}\t${subject.name ?? ''}\t${subject.namespace ?? ''}`,
    ),
  ];
}
