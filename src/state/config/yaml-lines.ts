// The line of each mapping key in a block-style YAML file, by its path ("keys", "action.delete"), so a problem
// found after js-yaml has parsed the file can still name its line. Flow-style values ({a: 1}) and sequences
// belong to the line of the key that holds them.
export type LineIndex = (path: readonly string[]) => number;

const KEY_LINE = /^(\s*)(?:-\s+)?("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"{[][^#]*?)\s*:(?:\s|$)/;

export function lineIndex(text: string): LineIndex {
  const lines = new Map<string, number>();
  const stack: Array<{indent: number; key: string}> = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const match = KEY_LINE.exec(line);
    if (!match || /^\s*#/.test(line)) return;
    const indent = (match[1] ?? '').length;
    const key = unquote(match[2] ?? '');
    while (stack.length > 0 && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    stack.push({indent, key});
    const path = stack.map((entry) => entry.key).join('\u0000');
    if (!lines.has(path)) lines.set(path, index + 1);
  });
  return (path) => {
    // The deepest part of the path the file spells as a key, else the first line.
    for (let length = path.length; length > 0; length--) {
      const line = lines.get(path.slice(0, length).join('\u0000'));
      if (line !== undefined) return line;
    }
    return 1;
  };
}

function unquote(key: string): string {
  if (key.startsWith('"')) {
    // YAML's double-quoted escapes are JSON's for what a config key could hold (\" \\ \n \uXXXX).
    try {
      return JSON.parse(key) as string;
    } catch {
      return key.slice(1, -1).replace(/\\(.)/g, '$1');
    }
  }
  if (key.startsWith("'")) return key.slice(1, -1).replace(/''/g, "'");
  return key;
}
