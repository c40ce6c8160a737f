import type {SkinChoice} from './settings.js';

export type Skin = Exclude<SkinChoice, 'auto'>;

// NO_COLOR (any non-empty value, no-color.org) wins over everything; the Linux console has 8 colours, so a
// theme that needs more falls back to them there.
export function resolveSkin(choice: SkinChoice, environment: Readonly<Record<string, string | undefined>>): Skin {
  if ((environment.NO_COLOR ?? '') !== '') return 'none';
  if (choice === 'none') return 'none';
  if (environment.TERM === 'linux') return 'basic8';
  return choice === 'auto' ? 'default' : choice;
}
