// The log filter: a case-insensitive regular expression as k9s takes it, "!" in front to invert.
export interface LogFilter {
  source: string;
  pattern: RegExp;
  isInverse: boolean;
}

export type CompiledFilter = {ok: true; filter: LogFilter | undefined} | {ok: false; error: string};

export function compileFilter(text: string): CompiledFilter {
  const isInverse = text.startsWith('!');
  const expression = isInverse ? text.slice(1) : text;
  if (expression === '') return {ok: true, filter: undefined};
  try {
    return {ok: true, filter: {source: text, pattern: new RegExp(expression, 'i'), isInverse}};
  } catch (error) {
    return {ok: false, error: `invalid regular expression: ${error instanceof Error ? error.message : String(error)}`};
  }
}

export function isMatch(filter: LogFilter, text: string): boolean {
  return filter.pattern.test(text) !== filter.isInverse;
}

// [start, end) ranges to highlight; an inverse filter matches what the pattern does not, so nothing is marked.
export function matchRanges(filter: LogFilter | undefined, text: string): Array<[number, number]> {
  if (!filter || filter.isInverse) return [];
  const global = new RegExp(filter.pattern.source, 'gi');
  const ranges: Array<[number, number]> = [];
  for (const match of text.matchAll(global)) {
    const start = match.index ?? 0;
    if (match[0].length === 0) continue;
    ranges.push([start, start + match[0].length]);
    if (ranges.length > 200) break;
  }
  return ranges;
}
