import {test} from 'node:test';
import type {TestContext} from 'node:test';
import assert from 'node:assert/strict';
import {useState} from 'react';
import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {waitForFrame} from './scripted-world.js';

// The boundary on its own, around views that fail in each way React and the keyboard can fail: while rendering,
// and in a key handler (outside React, where no boundary would see it). A sibling outside the boundary stands
// for the header and status line, and must keep drawing.
const {render} = await import('ink-testing-library');
const {ViewBoundary} = await import('../../src/ui/ViewBoundary.js');
const {StandaloneKeys} = await import('../../src/ui/StandaloneKeys.js');
const {useViewKeys} = await import('../../src/ui/input-gate.js');

const unhandled: unknown[] = [];
process.on('uncaughtException', (error) => unhandled.push(error));

function RendersBadData({data}: {data: {rows?: string[]}}) {
  // A renderer meeting data it did not expect: `rows` is missing, and .map throws a TypeError.
  return <Text>{(data.rows as string[]).map((row) => row).join(',')}</Text>;
}

function ThrowsOnKey() {
  const [count, setCount] = useState(0);
  useViewKeys((input) => {
    if (input === 'x') throw new Error('handler failed \u001b[2Jwith an escape\nand a second line');
    setCount((value) => value + 1);
  });
  return <Text>{`keys: ${count}`}</Text>;
}

function screen(context: TestContext, view: ReactNode, onBack: () => void) {
  const app = render(
    <StandaloneKeys>
      <Box flexDirection="column">
        <Text>header stays</Text>
        <ViewBoundary onBack={onBack}>{view}</ViewBoundary>
        <Text>status stays</Text>
      </Box>
    </StandaloneKeys>,
  );
  context.after(() => app.unmount());
  return app;
}

test('a renderer that throws becomes one line; the rest of the screen still draws, and Esc goes back', async (context) => {
  let backs = 0;
  const app = screen(context, <RendersBadData data={{}} />, () => (backs += 1));
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('this view failed'));
  const lines = frame.split('\n');
  assert.equal(lines.length, 3, 'header, one line, status');
  assert.equal(lines[0], 'header stays');
  assert.match(
    lines[1] ?? '',
    /^this view failed: Cannot read properties of undefined \(reading 'map'\) \(Esc goes back/,
  );
  assert.equal(lines[2], 'status stays');
  assert.doesNotMatch(frame, /\bat \w+ \(|\.tsx?:\d+/, 'no stack trace');
  app.stdin.write('\u001b');
  await waitForFrame(app.lastFrame, () => backs === 1);
  assert.deepEqual(unhandled, []);
});

test('a key handler that throws fails its view (one inert line), not kview', async (context) => {
  const app = screen(context, <ThrowsOnKey />, () => undefined);
  await waitForFrame(app.lastFrame, (text) => text.includes('keys: 0'));
  app.stdin.write('a');
  await waitForFrame(app.lastFrame, (text) => text.includes('keys: 1'));
  app.stdin.write('x');
  const frame = await waitForFrame(app.lastFrame, (text) => text.includes('this view failed'));
  assert.deepEqual(frame.split('\n'), [
    'header stays',
    'this view failed: handler failed with an escape (Esc goes back, : opens another view)',
    'status stays',
  ]);
  assert.deepEqual(unhandled, [], 'nothing reached the process');
});
