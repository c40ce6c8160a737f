import type {Severity} from '../resources/pod-severity.js';
import type {Skin} from '../state/config/skin.js';

// Colours by meaning, so a component never picks a raw colour for a state.
export function severityColor(severity: Severity): string | undefined {
  switch (severity) {
    case 'ok':
      return undefined;
    case 'done':
      return 'gray';
    case 'progressing':
      return 'yellow';
    case 'failing':
      return 'red';
  }
}

// Components name the eight terminal colours by meaning (red fails, yellow warns, cyan labels, green is well);
// a skin decides what each of them, and every colour a log line writes, is drawn as.
export interface TextColours {
  color?: string;
  backgroundColor?: string;
  dimColor?: boolean;
  bold?: boolean;
  inverse?: boolean;
}

type Palette = Readonly<Record<string, string>>;

// Solarized's accents: chosen to keep their contrast on both dark and light backgrounds (plain yellow and cyan
// vanish on white, blue on black).
const DEFAULT: Palette = {
  red: '#dc322f',
  green: '#859900',
  yellow: '#b58900',
  blue: '#268bd2',
  magenta: '#d33682',
  cyan: '#2aa198',
};

// Okabe and Ito's palette, told apart with every common colour vision deficiency: what is well is blue, what
// warns orange, what fails vermillion (and bold).
const COLORBLIND: Palette = {
  red: '#d55e00',
  green: '#0072b2',
  yellow: '#e69f00',
  blue: '#56b4e9',
  magenta: '#cc79a7',
  cyan: '#56b4e9',
};

const BASIC = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

// The nearest of the eight colours to an RGB colour: each channel halved to on or off (the console's own rule).
function basicOfRgb(red: number, green: number, blue: number): string {
  const index = (red >= 128 ? 1 : 0) + (green >= 128 ? 2 : 0) + (blue >= 128 ? 4 : 0);
  return BASIC[index] ?? 'white';
}

function basicOf(colour: string): string | undefined {
  const name = colour.replace(/Bright$/, '');
  if ((BASIC as readonly string[]).includes(name)) return name;
  if (name === 'gray' || name === 'grey') return undefined;
  const rgb = /^rgb\((\d+),(\d+),(\d+)\)$/.exec(colour);
  if (rgb) return basicOfRgb(Number(rgb[1]), Number(rgb[2]), Number(rgb[3]));
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (hex) return basicOfRgb(parseInt(hex[1] ?? '0', 16), parseInt(hex[2] ?? '0', 16), parseInt(hex[3] ?? '0', 16));
  const indexed = /^ansi256\((\d+)\)$/.exec(colour);
  if (indexed) return basicOf256(Number(indexed[1]));
  return undefined;
}

function basicOf256(index: number): string {
  if (index < 16) return BASIC[index % 8] ?? 'white';
  if (index >= 232) return index >= 244 ? 'white' : 'black';
  const cube = index - 16;
  const level = (value: number) => (value === 0 ? 0 : 55 + value * 40);
  return basicOfRgb(level(Math.floor(cube / 36)), level(Math.floor(cube / 6) % 6), level(cube % 6));
}

export function skinColours(skin: Skin, style: TextColours): TextColours {
  const {color, backgroundColor} = style;
  if (color === undefined && backgroundColor === undefined) return style;
  switch (skin) {
    case 'none':
      // No colour at all (NO_COLOR); a highlight drawn as a background stays visible in inverse video.
      return {
        ...style,
        color: undefined,
        backgroundColor: undefined,
        inverse: backgroundColor !== undefined ? !style.inverse : style.inverse,
      };
    case 'basic8': {
      // gray is a bright colour the Linux console lacks: it becomes dim text.
      const isGray = color === 'gray' || color === 'grey';
      return {
        ...style,
        color: color === undefined ? undefined : basicOf(color),
        backgroundColor: backgroundColor === undefined ? undefined : basicOf(backgroundColor),
        dimColor: style.dimColor || isGray,
      };
    }
    case 'default':
    case 'colorblind': {
      const palette = skin === 'default' ? DEFAULT : COLORBLIND;
      return {
        ...style,
        color: color === undefined ? undefined : (palette[color] ?? color),
        backgroundColor: backgroundColor === undefined ? undefined : (palette[backgroundColor] ?? backgroundColor),
        bold: style.bold || (skin === 'colorblind' && color === 'red'),
      };
    }
  }
}
