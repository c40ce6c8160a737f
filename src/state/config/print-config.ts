import {formatKeySpec} from './key-spec.js';
import {bindingName} from './remap-keys.js';
import {SKINS} from './settings.js';
import type {Settings} from './settings.js';

// The effective configuration as a config file, every default and every key included, so it can be copied to
// ~/.config/kview/config.yaml and edited; parseConfig reads it back to the same settings.
export function printConfig(settings: Settings, source: string): string {
  const lines = [
    `# kview configuration (effective: ${source})`,
    '',
    `# ${SKINS.join(', ')}; auto: default, basic8 on the Linux console (TERM=linux), none with NO_COLOR`,
    `theme: ${settings.skin}`,
    '',
    '# Every command and its keys: a key, ctrl-<letter>, space, enter, esc, tab, up, down, left, right, pgup, pgdn,',
    '# home, end, delete. ctrl-a, ctrl-b, ctrl-s and ctrl-q are refused (screen, tmux and flow control take them).',
    'keys:',
  ];
  let scope = '';
  for (const binding of settings.keymap) {
    if (binding.scope !== scope) {
      scope = binding.scope;
      lines.push(`  # ${scope}`);
    }
    const keys = binding.keys.map((spec) => quote(formatKeySpec(spec)));
    const value = keys.length === 1 ? keys[0] : `[${keys.join(', ')}]`;
    lines.push(`  ${quote(bindingName(settings.keymap, binding))}: ${value}  # ${binding.description}`);
  }
  lines.push('', '# Names for : commands, e.g. dp: deployments, prod-web: pods prod app=web');
  const aliases = Object.entries(settings.aliases);
  if (aliases.length === 0) lines.push('aliases: {}');
  else lines.push('aliases:', ...aliases.map(([name, command]) => `  ${quote(name)}: ${quote(command)}`));
  const {logs, nodeDebug} = settings;
  lines.push(
    '',
    'logs:',
    `  tail: ${logs.tail}  # lines shown first`,
    `  since: ${quote(logs.since)}  # instead of the tail: 5m, 1h30m, 09:30, today`,
    `  timestamps: ${logs.timestamps}  # off, utc, local`,
    `  wrap: ${logs.wrap}`,
    `  bufferLines: ${logs.bufferLines}  # lines kept before the oldest are dropped`,
    '',
    '# The debug pod of the remote node pane (image, namespace, seconds until Kubernetes ends it)',
    'node:',
    `  debugImage: ${quote(nodeDebug.image)}`,
    `  debugNamespace: ${quote(nodeDebug.namespace)}`,
    `  debugDeadlineSeconds: ${nodeDebug.deadlineSeconds}`,
    '',
    '# Per kubeconfig context: readonly, namespace, view (a : command or alias), favourites (namespaces on 1-9)',
  );
  const contexts = Object.entries(settings.contexts);
  if (contexts.length === 0) lines.push('contexts: {}');
  else lines.push('contexts:');
  for (const [name, context] of contexts) {
    lines.push(`  ${quote(name)}:`);
    if (context.readonly !== undefined) lines.push(`    readonly: ${context.readonly}`);
    if (context.namespace !== undefined) lines.push(`    namespace: ${quote(context.namespace)}`);
    if (context.view !== undefined) lines.push(`    view: ${quote(context.view)}`);
    if (context.favourites) lines.push(`    favourites: [${context.favourites.map(quote).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

// Plain where YAML reads the text back as the same string, JSON-quoted (valid YAML) elsewhere.
function quote(text: string): string {
  const plain =
    /^[A-Za-z_][\w./@:-]*$/.test(text) && !text.endsWith(':') && !/^(true|false|null|yes|no|on|off|~)$/i.test(text);
  return plain || /^(off|utc|local)$/.test(text) ? text : JSON.stringify(text);
}
