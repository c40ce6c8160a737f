// The editor kubectl edit would open: $KUBE_EDITOR, then $EDITOR, then vi. The value is split on spaces into a
// program and its arguments ("code --wait"), never given to a shell.
export function editorCommand(environment: Record<string, string | undefined>): readonly string[] {
  for (const name of ['KUBE_EDITOR', 'EDITOR']) {
    const words = (environment[name] ?? '').trim().split(/\s+/).filter(Boolean);
    if (words.length > 0) return words;
  }
  return ['vi'];
}
