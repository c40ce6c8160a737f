import {useApp} from 'ink';
import {runFullScreen} from '../full-screen.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {StandaloneKeys} from '../StandaloneKeys.js';
import {ViewBoundary} from '../ViewBoundary.js';
import {useTerminalSize} from '../use-terminal-size.js';
import {NodePane} from './NodePane.js';
import type {Skin} from '../../state/config/skin.js';
import {DEFAULT_SETTINGS} from '../../state/config/settings.js';
import type {Settings} from '../../state/config/settings.js';
import {SettingsContext} from '../settings-context.js';

export interface NodeOnlyScreenOptions {
  tools: NodeTools;
  readonly: boolean;
  // The one line shown above the pane: why it runs on its own.
  modeLine: string | undefined;
  journalDirectory: string | undefined;
  skin?: Skin;
  // The config file's keys and log defaults, as in the cluster view.
  settings?: Settings;
}

function NodeOnlyRoot({options}: {options: NodeOnlyScreenOptions}) {
  const {columns, rows} = useTerminalSize();
  const {exit} = useApp();
  return (
    <StandaloneKeys>
      <ViewBoundary onQuit={exit}>
        <NodePane
          tools={options.tools}
          width={columns}
          height={Math.max(4, rows - 1)}
          isActive
          readonly={options.readonly}
          onQuit={exit}
          modeLine={options.modeLine}
          journalDirectory={options.journalDirectory}
        />
      </ViewBoundary>
    </StandaloneKeys>
  );
}

// Full screen like the cluster view: the scrollback is restored on quit, on a signal and on a crash.
export async function runNodeOnlyScreen(options: NodeOnlyScreenOptions): Promise<void> {
  await runFullScreen(
    <SettingsContext.Provider value={options.settings ?? DEFAULT_SETTINGS}>
      <NodeOnlyRoot options={options} />
    </SettingsContext.Provider>,
    options.skin,
  );
}
