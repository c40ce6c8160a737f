import {useLayoutEffect, useRef} from 'react';
import type {Dispatch} from 'react';
import type {Key} from 'ink';
import type {ContainerDetail} from '../../node-tools/container-detail.js';
import type {NodeReport} from '../../node-tools/node-report.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import type {PodDetail} from '../../node-tools/pod-detail.js';
import {podLogsOfFile} from '../../node-tools/pod-log-files.js';
import {restartRefusal} from '../../node-tools/unit-reader.js';
import {commandsFor} from '../../state/keymap.js';
import {useKeymap} from '../settings-context.js';
import {listShown, paneKeyOutcome} from '../../state/node-pane-keys.js';
import {activeList, nodePaneReducer} from '../../state/node-pane-state.js';
import type {NodePaneAction, NodePaneState, PodLogFiles} from '../../state/node-pane-state.js';
import {useViewKeys} from '../input-gate.js';
import {useLatest} from '../use-latest.js';
import type {SectionView} from './section-view.js';

export interface PaneKeysInput {
  state: NodePaneState;
  dispatch: Dispatch<NodePaneAction>;
  view: SectionView;
  report: NodeReport | undefined;
  pod: PodDetail | undefined;
  container: ContainerDetail | undefined;
  tools: NodeTools;
  readonly: boolean;
  isActive: boolean;
  onBack: (() => void) | undefined;
  onQuit: () => void;
}

// The pane's keyboard. Ink re-subscribes input handlers after each paint, so a key typed right after a change
// could reach an old closure: the handler reads what is on screen now through a ref. Returns the keys typed
// after a reader was asked for and before it was drawn, which the reader applies first.
export function usePaneKeys(input: PaneKeysInput): void {
  const latestRef = useLatest(input);
  const keys = useKeymap();
  // Keys of a burst that came after one changed the list on screen (a section, the runtime view, a detail) wait
  // for the render that draws the new list, so "vG" lands on the last row of the new list.
  const waiting = useRef<Array<{input: string; key: Key}>>([]);
  // Each action is also applied to the ref's copy (the reducer is pure), so keys arriving before the next render
  // (a burst of "jjj" and Enter) see the cursor where the earlier keys left it.
  const state = useRef(input.state);
  useLayoutEffect(() => {
    state.current = input.state;
  });

  const onKey = (text: string, chunkKey: Key) => {
    const keys = chunkKey.ctrl || text.length <= 1 ? [{input: text, key: chunkKey}] : burstKeys(text, chunkKey);
    if (waiting.current.length > 0 && !state.current.reader) {
      waiting.current.push(...keys);
      return;
    }
    for (const [index, {input: character, key}] of keys.entries()) {
      if (state.current.reader) {
        const typed = {type: 'typedAhead', typed: {input: character, key}} as const;
        state.current = nodePaneReducer(state.current, typed);
        latestRef.current.dispatch(typed);
        continue;
      }
      const shown = listShown(state.current);
      if (!runCommands(character, key)) return;
      if (listShown(state.current) !== shown) {
        waiting.current.push(...keys.slice(index + 1));
        return;
      }
    }
  };

  // The commands one key means; false once the pane has quit.
  function runCommands(character: string, key: Key): boolean {
    const {view, report, pod, container, tools, readonly, dispatch, onBack, onQuit} = latestRef.current;
    for (const command of commandsFor(character, key, 'node', keys)) {
      const current = state.current;
      const systemdAvailable =
        report?.units !== undefined &&
        !report.units.some((reading) => 'problem' in reading && reading.problem.kind === 'no-systemd');
      const outcome = paneKeyOutcome(current, command, {
        selected: view.lines[current.lists[activeList(current)].cursor]?.target,
        rowCount: view.lines.length,
        podLogs: podLogsOpen(pod, container),
        restartRefusal: () => restartRefusal({readonly, isRoot: tools.isRoot, systemdAvailable}),
      });
      if (outcome.kind === 'quit') {
        onQuit();
        return false;
      }
      if (outcome.kind === 'leave') onBack?.();
      else {
        state.current = nodePaneReducer(current, outcome.action);
        dispatch(outcome.action);
      }
    }
    return true;
  }

  useViewKeys(onKey, input.isActive && !input.state.reader);
  useLayoutEffect(() => {
    for (const typed of waiting.current.splice(0)) onKey(typed.input, typed.key);
  });
}

// Keys read in one chunk (Tab then Enter typed quickly in the restart dialog, or a burst over a slow link) are one
// key per character, each named as Ink names it alone: a tab or carriage return in the burst is Tab or Enter.
function burstKeys(text: string, key: Key): Array<{input: string; key: Key}> {
  return [...text].map((character) => ({
    input: character,
    key: {...key, tab: character === '\t', return: character === '\r'},
  }));
}

// The log files of the pod walk or container detail on screen.
function podLogsOpen(pod: PodDetail | undefined, container: ContainerDetail | undefined): PodLogFiles | undefined {
  const directory = pod?.logDirectory;
  if (directory) {
    return {
      directory: directory.path,
      namespace: directory.namespace,
      pod: directory.pod,
      containers: directory.containers.map((entry) => entry.name),
    };
  }
  const file = container?.logFile ? podLogsOfFile(container.logFile) : undefined;
  return file
    ? {directory: file.directory, namespace: file.namespace, pod: file.pod, containers: [file.container]}
    : undefined;
}
