// A metav1.LabelSelector as the API serves it.
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{key: string; operator: string; values?: string[]}>;
}

// The selector as kubectl prints and sends it (metav1.LabelSelectorAsSelector(...).String()): matchLabels and
// matchExpressions as requirements sorted by key, values sorted. Enter on a workload, its logs and its describe
// all use this one text, so they pick the same pods (k9s drops the expressions and finds none). An empty selector
// selects everything and prints as "".
export function labelSelectorString(selector: LabelSelector): string {
  const requirements: Array<{key: string; text: string}> = Object.entries(selector.matchLabels ?? {}).map(
    ([key, value]) => ({key, text: `${key}=${value}`}),
  );
  for (const expression of selector.matchExpressions ?? []) {
    const values = [...(expression.values ?? [])].sort();
    const list = values.length === 1 ? (values[0] ?? '') : values.join(',');
    const text =
      expression.operator === 'In'
        ? `${expression.key} in (${list})`
        : expression.operator === 'NotIn'
          ? `${expression.key} notin (${list})`
          : expression.operator === 'Exists'
            ? expression.key
            : expression.operator === 'DoesNotExist'
              ? `!${expression.key}`
              : undefined;
    if (text !== undefined) requirements.push({key: expression.key, text});
  }
  return requirements
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((requirement) => requirement.text)
    .join(',');
}
