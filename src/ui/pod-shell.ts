import type {TerminalStreams} from '../cluster/pod-terminal.js';
import {noShellLine, sessionEndLine, SHELLS, shellWasMissing} from '../state/shell-choice.js';
import type {HandedTerminal, TerminalHandover} from './terminal-handover.js';
import type {ClusterApi} from './world.js';

export interface ContainerRef {
  namespace: string;
  pod: string;
  container: string;
}

// s: a shell in the container, bash where the image has it, else sh; the line says how it ended.
export function shellInto(
  cluster: Pick<ClusterApi, 'openPodTerminal'>,
  handover: TerminalHandover,
  ref: ContainerRef,
): Promise<string> {
  const what = `shell in ${ref.namespace}/${ref.pod} (${ref.container})`;
  return handover.run('raw', async (terminal) => {
    terminal.output.write(`kview: ${what}; exit returns to kview\r\n`);
    for (const shell of SHELLS) {
      const end = await cluster.openPodTerminal({...ref, mode: 'exec', command: shell}, streamsOf(terminal));
      if (!shellWasMissing(end)) return sessionEndLine(what, end);
    }
    return noShellLine(ref.namespace, ref.pod, ref.container);
  });
}

// a: the container's own process (its stdin and tty), as kubectl attach -it; ctrl-p ctrl-q leaves it running.
export function attachTo(
  cluster: Pick<ClusterApi, 'openPodTerminal'>,
  handover: TerminalHandover,
  ref: ContainerRef,
): Promise<string> {
  const what = `attach to ${ref.namespace}/${ref.pod} (${ref.container})`;
  return handover.run('raw', async (terminal) => {
    terminal.output.write(
      `kview: ${what}; ctrl-p ctrl-q detaches. If you don't see a command prompt, try pressing enter.\r\n`,
    );
    const end = await cluster.openPodTerminal({...ref, mode: 'attach'}, streamsOf(terminal));
    return sessionEndLine(what, end);
  });
}

function streamsOf(terminal: HandedTerminal): TerminalStreams {
  return {
    onInput: terminal.onInput,
    output: terminal.output,
    onResize(listener) {
      // Node turns SIGWINCH into this event on the terminal's stream.
      terminal.output.on('resize', listener);
      return () => terminal.output.off('resize', listener);
    },
  };
}
