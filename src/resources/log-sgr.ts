import {sanitizeText} from './sanitize-text.js';

// Colours a program wrote into its log (SGR escape sequences) are kept as styles kview renders itself; every other
// escape sequence is removed (sanitizeText), so a log line can colour its text but never move the cursor, clear the
// screen or set the title. The result is plain text plus the ranges of it that carry a style.
export interface SgrStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

export interface StyledRange {
  start: number;
  end: number;
  style: SgrStyle;
}

export interface StyledText {
  text: string;
  ranges: StyledRange[];
}

const SGR = /\u001b\[([0-9;:]*)m/g;
const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

// Text between SGR sequences is sanitized piece by piece and tabs are expanded across the pieces, so the ranges
// index the text exactly as it is drawn.
export function styledText(raw: string): StyledText {
  let text = '';
  const ranges: StyledRange[] = [];
  let style: SgrStyle = {};
  let position = 0;
  const append = (piece: string) => {
    const expanded = expandTabs(sanitizeText(piece), text.length - (text.lastIndexOf('\n') + 1));
    if (expanded === '') return;
    if (Object.keys(style).length > 0) ranges.push({start: text.length, end: text.length + expanded.length, style});
    text += expanded;
  };
  for (const match of raw.matchAll(SGR)) {
    append(raw.slice(position, match.index));
    style = applySgr(style, match[1] ?? '');
    position = (match.index ?? 0) + match[0].length;
  }
  append(raw.slice(position));
  return {text, ranges};
}

// One SGR sequence's parameters applied to the current style (ECMA-48: 0 resets, 1-7 set, 22-27 clear, 30-49 and
// 90-107 colours, 38/48 with ;5;N for 256 colours or ;2;R;G;B for true colour).
export function applySgr(current: SgrStyle, parameters: string): SgrStyle {
  const codes = parameters === '' ? [0] : parameters.split(/[;:]/).map((part) => Number(part || 0));
  let style = {...current};
  for (let index = 0; index < codes.length; index++) {
    const code = codes[index] ?? 0;
    if (code === 0) style = {};
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 3) style.italic = true;
    else if (code === 4) style.underline = true;
    else if (code === 7) style.inverse = true;
    else if (code === 22) style = without(style, 'bold', 'dim');
    else if (code === 23) style = without(style, 'italic');
    else if (code === 24) style = without(style, 'underline');
    else if (code === 27) style = without(style, 'inverse');
    else if (code >= 30 && code <= 37) style.color = NAMES[code - 30];
    else if (code >= 90 && code <= 97) style.color = `${NAMES[code - 90]}Bright`;
    else if (code === 39) style = without(style, 'color');
    else if (code >= 40 && code <= 47) style.backgroundColor = NAMES[code - 40];
    else if (code >= 100 && code <= 107) style.backgroundColor = `${NAMES[code - 100]}Bright`;
    else if (code === 49) style = without(style, 'backgroundColor');
    else if (code === 38 || code === 48) {
      const {colour, used} = extendedColour(codes, index + 1);
      if (colour) style[code === 38 ? 'color' : 'backgroundColor'] = colour;
      index += used;
    }
  }
  return style;
}

function extendedColour(codes: readonly number[], from: number): {colour: string | undefined; used: number} {
  const kind = codes[from];
  if (kind === 5) {
    const value = codes[from + 1];
    return {colour: value !== undefined && value <= 255 ? `ansi256(${value})` : undefined, used: 2};
  }
  if (kind === 2) {
    const rgb = codes.slice(from + 1, from + 4);
    const valid = rgb.length === 3 && rgb.every((value) => value <= 255);
    return {colour: valid ? `rgb(${rgb.join(',')})` : undefined, used: 4};
  }
  return {colour: undefined, used: 0};
}

function without(style: SgrStyle, ...keys: Array<keyof SgrStyle>): SgrStyle {
  const copy = {...style};
  for (const key of keys) delete copy[key];
  return copy;
}

function expandTabs(text: string, startColumn: number): string {
  if (!text.includes('\t')) return text;
  let column = startColumn;
  let result = '';
  for (const character of text) {
    if (character === '\t') {
      const spaces = 8 - (column % 8);
      result += ' '.repeat(spaces);
      column += spaces;
    } else {
      result += character;
      column = character === '\n' ? 0 : column + 1;
    }
  }
  return result;
}
