import {test} from 'node:test';
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import {join, relative} from 'node:path';
import {skinColours} from '../../src/ui/theme.js';

// NO_COLOR and the Linux console are only honoured if every colour goes through the skin: Ink's Text only in
// themed-text.tsx, no border colour or third-party item component that picks its own colour.
const ui = new URL('../../src/ui/', import.meta.url).pathname;

function sources(directory: string): string[] {
  return readdirSync(directory, {withFileTypes: true}).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(directory, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(directory, entry.name)]
        : [],
  );
}

test("every colour in the UI goes through the skin: Ink's Text only in themed-text, no literal border colour", () => {
  const problems: string[] = [];
  for (const file of sources(ui)) {
    const path = relative(ui, file);
    const text = readFileSync(file, 'utf8');
    const inkImport = /^import \{([^}]*)\} from 'ink';/m.exec(text)?.[1] ?? '';
    if (path !== 'themed-text.tsx' && /\bText\b/.test(inkImport)) problems.push(`${path} imports Text from ink`);
    if (/border(?:Top|Bottom|Left|Right)?Color="/.test(text)) problems.push(`${path} has a literal border colour`);
    if (text.includes('<SelectInput') && !(text.includes('itemComponent=') && text.includes('indicatorComponent='))) {
      problems.push(`${path}: SelectInput draws its own colours`);
    }
  }
  assert.deepEqual(problems, []);
});

test('skins map colours by meaning: none drops them (a background becomes inverse), basic8 keeps the eight', () => {
  assert.deepEqual(skinColours('none', {color: 'red', bold: true}), {
    color: undefined,
    backgroundColor: undefined,
    bold: true,
    inverse: undefined,
  });
  assert.equal(skinColours('none', {backgroundColor: 'yellow', color: 'black'}).inverse, true);
  assert.equal(skinColours('basic8', {color: 'ansi256(196)'}).color, 'red');
  assert.equal(skinColours('basic8', {color: 'ansi256(208)'}).color, 'yellow');
  assert.equal(skinColours('basic8', {color: 'rgb(0,200,255)'}).color, 'cyan');
  assert.equal(skinColours('basic8', {color: 'greenBright'}).color, 'green');
  assert.deepEqual(
    [skinColours('basic8', {color: 'gray'}).color, skinColours('basic8', {color: 'gray'}).dimColor],
    [undefined, true],
  );
  assert.equal(skinColours('default', {color: 'yellow'}).color, '#b58900');
  assert.equal(skinColours('colorblind', {color: 'red'}).bold, true);
  assert.equal(skinColours('default', {color: 'ansi256(208)'}).color, 'ansi256(208)');
});
