import {Text} from './themed-text.js';
import type {ViewTarget} from '../state/navigation.js';
import type {ActionRequest} from '../state/action-types.js';
import {ContainersView} from './ContainersView.js';
import {ContextsView} from './ContextsView.js';
import {ObjectTextView} from './ObjectTextView.js';
import {TableView} from './TableView.js';
import {LogView} from './LogView.js';
import {ForwardsView} from './ForwardsView.js';
import {NodePane} from './node-pane/NodePane.js';
import {RemoteNodePane} from './node-pane/RemoteNodePane.js';
import {NODE_KIND} from '../cluster/resource-kind.js';
import type {ResourceKind} from '../cluster/resource-kind.js';
import {apiNodeReadiness} from '../node-tools/api-node-status.js';
import type {World} from './world.js';

interface ViewSwitchProps {
  world: World;
  target: ViewTarget;
  width: number;
  height: number;
  active: boolean;
  initialWide: boolean;
  onNavigate: (target: ViewTarget) => void;
  onAction: (request: ActionRequest) => void;
  onPortForward?: (target: {
    kind: ResourceKind;
    namespace: string | undefined;
    name: string;
    container?: string;
  }) => void;
  onFlash: (message: string) => void;
  onSwitchContext: (context: string) => void;
  onBack: () => void;
}

// One component per kind of view; the navigation entry says which. Views get their keys from the App through
// the input gate (input-gate.ts); `active` is false while a prompt, dialog or the help covers them.
export function ViewSwitch(props: ViewSwitchProps) {
  const {world, target, width, height} = props;
  switch (target.type) {
    case 'table':
      return (
        <TableView
          world={world}
          target={target}
          width={width}
          height={height}
          initialWide={props.initialWide}
          onNavigate={props.onNavigate}
          onAction={props.onAction}
          onPortForward={props.onPortForward}
          onFlash={props.onFlash}
        />
      );
    case 'forwards':
      return (
        <ForwardsView forwards={world.forwards} now={world.now} width={width} height={height} onFlash={props.onFlash} />
      );
    case 'containers':
      return (
        <ContainersView
          world={world}
          namespace={target.namespace}
          pod={target.pod}
          width={width}
          height={height}
          onNavigate={props.onNavigate}
          onPortForward={props.onPortForward}
          onFlash={props.onFlash}
        />
      );
    case 'describe':
    case 'yaml':
      return (
        <ObjectTextView
          world={world}
          mode={target.type}
          kind={target.kind}
          namespace={target.namespace}
          name={target.name}
          search={target.search}
          width={width}
          height={height}
          onFlash={props.onFlash}
        />
      );
    case 'contexts':
      return (
        <ContextsView
          contexts={world.cluster.contexts}
          current={world.identity.contextName}
          active={props.active}
          onPick={props.onSwitchContext}
        />
      );
    case 'logs':
      return (
        <LogView
          source={world.logs}
          target={target.target}
          width={width}
          height={height}
          isActive={props.active}
          onBack={props.onBack}
          now={world.now}
        />
      );
    case 'node':
      return world.nodeTools ? (
        <NodePane
          tools={world.nodeTools}
          width={width}
          height={height}
          isActive={props.active}
          readonly={world.readonly}
          onBack={props.onBack}
          expectedNode={target.node}
          remote={world.cluster}
          debugPods={world.debugPods}
          lookupApiNode={(name) =>
            world.cluster.getObject(NODE_KIND, undefined, name).then(apiNodeReadiness, () => undefined)
          }
        />
      ) : target.node ? (
        <RemoteNodePane
          access={world.cluster}
          node={target.node}
          reason="kview runs on no node here"
          width={width}
          height={height}
          isActive={props.active}
          readonly={world.readonly}
          now={world.now}
          onBack={props.onBack}
          hiddenKeys={[]}
          debugPods={world.debugPods}
        />
      ) : (
        <Text color="red">the node pane needs the machine kview runs on</Text>
      );
  }
}
