import {test} from 'node:test';
import assert from 'node:assert/strict';
import {commandsFor, keymap} from '../../src/state/keymap.js';

test('every binding is reachable through its own keys', () => {
  for (const binding of keymap) {
    for (const spec of binding.keys) {
      const key = spec.special ? {[spec.special]: true} : {ctrl: Boolean(spec.ctrl)};
      const scope = binding.scope === 'global' ? 'table' : binding.scope;
      // An action's key works on a row of its kinds (each of them).
      for (const kind of binding.kinds ?? [undefined]) {
        assert.deepEqual(
          commandsFor(spec.input ?? '', key, scope, keymap, kind),
          [binding.command],
          `${spec.label} -> ${binding.command} on ${kind ?? 'any row'}`,
        );
      }
    }
  }
});

test("the journal reader shares the log view's reading keys; units, boots and priority replace containers", () => {
  assert.deepEqual(commandsFor('twx/', {}, 'journal'), [
    'logs.cycleTimestamps',
    'logs.toggleWrap',
    'logs.cycleContext',
    'app.filter',
  ]);
  assert.deepEqual(commandsFor('pucab', {}, 'journal'), [
    'journal.cyclePriority',
    'logs.nextContainer',
    'logs.toggleAllContainers',
    'logs.togglePrevious',
  ]);
  assert.deepEqual(commandsFor('pca', {}, 'logs'), [
    'logs.togglePrevious',
    'logs.nextContainer',
    'logs.toggleAllContainers',
  ]);
  assert.deepEqual(commandsFor('u', {}, 'logs'), []);
});

test('a burst "jjj" from key repeat is three moves', () => {
  assert.deepEqual(commandsFor('jjj', {}), ['cursor.down', 'cursor.down', 'cursor.down']);
});

test('ctrl-f is page down but a plain z is nothing', () => {
  assert.deepEqual(commandsFor('f', {ctrl: true}), ['cursor.pageDown']);
  assert.deepEqual(commandsFor('z', {}), []);
});

test('no binding uses a key that tmux, screen or terminal flow control swallows', () => {
  const eaten = new Set(['a', 'b', 's', 'q']);
  for (const binding of keymap) {
    for (const spec of binding.keys) assert.ok(!(spec.ctrl && eaten.has(spec.input ?? '')), spec.label);
  }
});

test('no key is bound twice within a scope, counting the global keys in every scope and every kind of row', () => {
  const kinds = [undefined, ...new Set(keymap.flatMap((binding) => binding.kinds ?? []))];
  for (const scope of ['table', 'text', 'logs', 'journal', 'node'] as const) {
    for (const kind of kinds) {
      const seen = new Set<string>();
      for (const binding of keymap.filter(
        (entry) =>
          (entry.scope === scope || entry.alsoIn?.includes(scope) || entry.scope === 'global') &&
          (entry.kinds === undefined || (kind !== undefined && entry.kinds.includes(kind))),
      )) {
        for (const spec of binding.keys) {
          const id = `${spec.ctrl ? 'ctrl-' : ''}${spec.input ?? spec.special}`;
          assert.ok(!seen.has(id), `${id} bound twice in ${scope} on ${kind ?? 'any row'}`);
          seen.add(id);
        }
      }
    }
  }
});

test('caps lock and num lock states do not swallow keys', () => {
  const locked = {capsLock: true, numLock: true} as unknown as Parameters<typeof commandsFor>[1];
  assert.deepEqual(commandsFor('j', locked), ['cursor.down']);
});
