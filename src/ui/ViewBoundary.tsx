import {Component} from 'react';
import type {ReactNode} from 'react';
import {Text} from './themed-text.js';
import {errorLine} from '../resources/error-line.js';
import {useViewKeys} from './input-gate.js';
import {ViewFailureContext} from './view-failure.js';

interface ViewBoundaryProps {
  children: ReactNode;
  // Esc on the failed view: back to where the operator came from. Without it Esc does nothing here.
  onBack?: () => void;
  // q on the failed view, where the view ran its own quit (the log view, the node pane).
  onQuit?: () => void;
}

// One per view: a view that throws (while rendering, in an effect or in a key handler) becomes one line saying so,
// and the header, the status line, ':' and Esc keep working around it.
export class ViewBoundary extends Component<ViewBoundaryProps, {failure: string | undefined}> {
  override state: {failure: string | undefined} = {failure: undefined};

  static getDerivedStateFromError(error: unknown): {failure: string} {
    return {failure: errorLine(error)};
  }

  private readonly fail = (error: unknown) => {
    this.setState({failure: errorLine(error)});
  };

  override render(): ReactNode {
    if (this.state.failure !== undefined) {
      return <FailedView line={this.state.failure} onBack={this.props.onBack} onQuit={this.props.onQuit} />;
    }
    return <ViewFailureContext.Provider value={this.fail}>{this.props.children}</ViewFailureContext.Provider>;
  }
}

function FailedView({line, onBack, onQuit}: {line: string; onBack?: () => void; onQuit?: () => void}) {
  // The failed view's keys are gone with it; Esc still leaves it and q still quits, as they would have.
  useViewKeys((input, key) => {
    if (key.escape) onBack?.();
    if (input === 'q' && !key.ctrl && !key.meta) onQuit?.();
  });
  return (
    <Text color="red" wrap="truncate-end">
      {`this view failed: ${line} (Esc goes back, : opens another view)`}
    </Text>
  );
}
