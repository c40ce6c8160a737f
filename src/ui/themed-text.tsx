import {createContext, useContext} from 'react';
import type {ComponentProps} from 'react';
import {Text as InkText} from 'ink';
import type {Skin} from '../state/config/skin.js';
import {skinColours} from './theme.js';

export const SkinContext = createContext<Skin>('default');

// Ink's Text drawn in the skin in force: the one place a colour name becomes what the terminal is sent.
export function Text(props: ComponentProps<typeof InkText>) {
  const skin = useContext(SkinContext);
  const {color, backgroundColor, dimColor, bold, inverse} = props;
  return <InkText {...props} {...skinColours(skin, {color, backgroundColor, dimColor, bold, inverse})} />;
}

// A colour for what is not a Text (a Box's border), through the same skin.
export function useSkinColor(color: string): string | undefined {
  return skinColours(useContext(SkinContext), {color}).color;
}
