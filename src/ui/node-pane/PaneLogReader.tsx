import {useMemo} from 'react';
import type {LogRequest, LogTarget} from '../../cluster/log-types.js';
import {createJournalLogSource, journalCommandLine} from '../../node-tools/journal-log-source.js';
import type {NodeIdentity} from '../../node-tools/node-flavour.js';
import type {NodeTools} from '../../node-tools/node-tools.js';
import {createPodFileLogSource} from '../../node-tools/pod-file-log-source.js';
import type {Command} from '../../state/keymap.js';
import type {PaneReader} from '../../state/node-pane-state.js';
import {LogView} from '../LogView.js';
import type {TypedKey} from '../LogView.js';

export interface PaneLogReaderProps {
  reader: PaneReader;
  tools: NodeTools;
  identity: NodeIdentity;
  units: readonly string[];
  journalDirectory: string | undefined;
  width: number;
  height: number;
  isActive: boolean;
  onBack: () => void;
  onQuit: (() => void) | undefined;
  typedAhead: readonly TypedKey[];
  hiddenKeys: readonly Command[];
}

// The log view over the pane, reading what the node itself holds: a unit's journal through journalctl, or a
// pod's files under the kubelet's pod log directory.
export function PaneLogReader(props: PaneLogReaderProps) {
  const {reader, tools, identity, units, journalDirectory} = props;
  const journalSource = useMemo(() => createJournalLogSource(tools), [tools]);
  const fileSource = useMemo(() => createPodFileLogSource(tools.files, tools.now), [tools]);
  // One target object per opened reader: the log view reopens its streams whenever the target changes.
  const target = useMemo((): LogTarget => {
    if (reader.kind === 'journal') {
      return {
        kind: 'journal',
        node: identity.nodeName,
        units,
        unit: reader.unit,
        allContainers: reader.unit === undefined,
        directory: journalDirectory,
      };
    }
    return {
      kind: 'podFiles',
      node: identity.nodeName,
      ...reader.pod,
      container: reader.container,
      allContainers: reader.container === undefined,
    };
  }, [reader, identity.nodeName, units, journalDirectory]);
  return (
    <LogView
      source={target.kind === 'journal' ? journalSource : fileSource}
      target={target}
      width={props.width}
      height={props.height}
      isActive={props.isActive}
      onBack={props.onBack}
      onQuit={props.onQuit}
      now={tools.now}
      initialTail={200}
      initialTimestamps={target.kind === 'journal' ? 'local' : 'off'}
      initialPrompt={reader.withFilter ? 'filter' : undefined}
      typedAhead={props.typedAhead}
      initialFilter={reader.kind === 'journal' ? reader.filter : undefined}
      hiddenKeys={props.hiddenKeys}
      equivalentCommand={(request) => equivalentCommand(target, request)}
    />
  );
}

function equivalentCommand(target: LogTarget, request: LogRequest): string {
  if (target.kind === 'journal') return journalCommandLine(target, request);
  if (target.kind !== 'podFiles') return '';
  const container = request.allContainers ? '*' : (request.container ?? target.containers[0] ?? '');
  return `tail -F ${target.directory}/${container}/${request.previous ? '<previous restart>' : '<latest restart>'}.log`;
}
