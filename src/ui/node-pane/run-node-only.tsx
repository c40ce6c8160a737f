import React from 'react';
import {render, useApp} from 'ink';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {useTerminalSize} from '../use-terminal-size.js';
import {NodePane} from './NodePane.js';

const ENTER_ALTERNATE_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALTERNATE_SCREEN = '\u001b[?25h\u001b[?1049l';

export interface NodeOnlyScreenOptions {
  tools: NodeTools;
  readonly: boolean;
  // The one line shown above the pane: why it runs on its own.
  modeLine: string | undefined;
  journalDirectory: string | undefined;
}

function NodeOnlyRoot({options}: {options: NodeOnlyScreenOptions}) {
  const {columns, rows} = useTerminalSize();
  const {exit} = useApp();
  return <NodePane tools={options.tools} width={columns} height={rows} isActive readonly={options.readonly}
    onQuit={exit} modeLine={options.modeLine} journalDirectory={options.journalDirectory} />;
}

// Full screen like the cluster view: the scrollback is restored on quit, on a signal and on a crash.
export async function runNodeOnlyScreen(options: NodeOnlyScreenOptions): Promise<void> {
  const stdout = process.stdout;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALTERNATE_SCREEN);
  };
  stdout.write(ENTER_ALTERNATE_SCREEN);
  process.once('exit', restore);
  const onSignal = (signal: NodeJS.Signals) => {
    restore();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  try {
    const instance = render(<NodeOnlyRoot options={options} />,
      {exitOnCtrlC: false, patchConsole: false, incrementalRendering: true, maxFps: 30});
    await instance.waitUntilExit();
  } finally {
    restore();
  }
}
