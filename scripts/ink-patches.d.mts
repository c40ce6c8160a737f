import type {Plugin} from 'esbuild';

export interface InkPatch {
  name: string;
  file: RegExp;
  from: string;
  to: string;
  imports?: Record<string, [local: string, module: string]>;
  expect?: string[];
}
export const inkPatches: InkPatch[];
export function applyPatch(source: string, patch: InkPatch, path?: string): string;
export function inkPatchesPlugin(patches?: InkPatch[]): Plugin;
