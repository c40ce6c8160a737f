// Turns a tmux `capture-pane -e` dump (text with SGR colour sequences) into an SVG of the terminal, so a real
// terminal session can become a PNG with Debian's rsvg-convert. Usage: node ansi-to-svg.mjs < pane.ansi > out.svg
import {readFileSync} from 'node:fs';

const CELL_WIDTH = 8.4;
const CELL_HEIGHT = 17;
const FONT_SIZE = 14;
const palette = ['#1d1f21', '#cc6666', '#b5bd68', '#f0c674', '#81a2be', '#b294bb', '#8abeb7', '#c5c8c6',
  '#666666', '#d54e53', '#b9ca4a', '#e7c547', '#7aa6da', '#c397d8', '#70c0b1', '#eaeaea'];
const DEFAULT_FG = '#c5c8c6';
const DEFAULT_BG = '#1d1f21';

function color256(n) {
  if (n < 16) return palette[n];
  if (n >= 232) {
    const level = 8 + (n - 232) * 10;
    return `rgb(${level},${level},${level})`;
  }
  const index = n - 16;
  const scale = (value) => (value === 0 ? 0 : 55 + value * 40);
  return `rgb(${scale(Math.floor(index / 36))},${scale(Math.floor(index / 6) % 6)},${scale(index % 6)})`;
}

function applySgr(style, codes) {
  const list = codes.length === 0 ? [0] : codes;
  for (let i = 0; i < list.length; i++) {
    const code = list[i];
    if (code === 0) Object.assign(style, {fg: undefined, bg: undefined, bold: false, dim: false, inverse: false});
    else if (code === 1) style.bold = true;
    else if (code === 2) style.dim = true;
    else if (code === 22) Object.assign(style, {bold: false, dim: false});
    else if (code === 7) style.inverse = true;
    else if (code === 27) style.inverse = false;
    else if (code >= 30 && code <= 37) style.fg = palette[code - 30];
    else if (code >= 90 && code <= 97) style.fg = palette[code - 90 + 8];
    else if (code === 39) style.fg = undefined;
    else if (code >= 40 && code <= 47) style.bg = palette[code - 40];
    else if (code >= 100 && code <= 107) style.bg = palette[code - 100 + 8];
    else if (code === 49) style.bg = undefined;
    else if ((code === 38 || code === 48) && list[i + 1] === 5) {
      style[code === 38 ? 'fg' : 'bg'] = color256(list[i + 2]);
      i += 2;
    } else if ((code === 38 || code === 48) && list[i + 1] === 2) {
      style[code === 38 ? 'fg' : 'bg'] = `rgb(${list[i + 2]},${list[i + 3]},${list[i + 4]})`;
      i += 4;
    }
  }
}

const escapeXml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const input = readFileSync(0, 'utf8').replace(/\n$/, '');
const lines = input.split('\n');
const columns = Math.max(80, ...lines.map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').length));
const parts = [];
const style = {};
lines.forEach((line, row) => {
  let column = 0;
  for (const token of line.matchAll(/\u001b\[([0-9;]*)m|([^\u001b]+)/g)) {
    if (token[1] !== undefined) {
      applySgr(style, token[1] === '' ? [] : token[1].split(';').map(Number));
      continue;
    }
    const text = token[2];
    let fg = style.fg ?? DEFAULT_FG;
    let bg = style.bg;
    if (style.inverse) [fg, bg] = [bg ?? DEFAULT_BG, fg];
    const x = column * CELL_WIDTH;
    const y = row * CELL_HEIGHT;
    if (bg) parts.push(`<rect x="${x}" y="${y}" width="${text.length * CELL_WIDTH}" height="${CELL_HEIGHT}" fill="${bg}"/>`);
    parts.push(`<text x="${x}" y="${y + 13}" fill="${fg}"${style.bold ? ' font-weight="bold"' : ''}`
      + `${style.dim ? ' opacity="0.6"' : ''} xml:space="preserve">${escapeXml(text)}</text>`);
    column += text.length;
  }
});
const width = Math.ceil(columns * CELL_WIDTH) + 16;
const height = lines.length * CELL_HEIGHT + 16;
process.stdout.write(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<rect width="100%" height="100%" fill="${DEFAULT_BG}"/>
<g transform="translate(8,8)" font-family="DejaVu Sans Mono, monospace" font-size="${FONT_SIZE}">
${parts.join('\n')}
</g>
</svg>
`);
