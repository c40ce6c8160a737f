import {StringDecoder} from 'node:string_decoder';

// Splits a byte stream into complete UTF-8 lines. A multi-byte character or a line cut between two chunks is held
// back until the rest arrives, so no line is ever split or garbled at a chunk boundary.
export function splitLines(): {push: (chunk: Buffer) => string[]; flush: () => string[]} {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  return {
    push(chunk: Buffer): string[] {
      const text = pending + decoder.write(chunk);
      const parts = text.split('\n');
      pending = parts.pop() ?? '';
      return parts;
    },
    flush(): string[] {
      const rest = pending + decoder.end();
      pending = '';
      return rest === '' ? [] : [rest];
    },
  };
}
