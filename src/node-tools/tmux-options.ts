import type {CommandRunner} from './command-runner.js';

// tmux's options that decide whether an application's OSC 52 reaches the clipboard: set-clipboard (a server
// option) and allow-passthrough (a window option, tmux 3.3+). Asked of the tmux server kview runs under (the
// client finds it through $TMUX); an older tmux or no answer leaves a value unknown.
export async function tmuxClipboardOptions(
  runner: CommandRunner,
): Promise<{tmuxSetClipboard?: string; tmuxPassthrough?: string}> {
  const ask = async (args: readonly string[]): Promise<string | undefined> => {
    const outcome = await runner.run('tmux', args, {timeoutMs: 2000, maxOutputBytes: 1024});
    const value = outcome.ok ? outcome.stdout.trim() : '';
    return /^[a-z]+$/.test(value) ? value : undefined;
  };
  const [tmuxSetClipboard, tmuxPassthrough] = await Promise.all([
    ask(['show-options', '-sv', 'set-clipboard']),
    ask(['show-options', '-gwv', 'allow-passthrough']),
  ]);
  return {
    ...(tmuxSetClipboard ? {tmuxSetClipboard} : {}),
    ...(tmuxPassthrough ? {tmuxPassthrough} : {}),
  };
}
