import {homedir} from 'node:os';
import {printConfig} from '../state/config/print-config.js';
import {configLocation, readConfig} from './config-file.js';
import {UsageError} from './parse-args.js';

export const CONFIG_USAGE = `Usage: kview config [--config FILE]   print the effective configuration (every default and key)
       kview config --check FILE       check a config file: one line per problem, exit 0 when there is none`;

// `kview config`: the effective configuration as a file to copy and edit; `--check FILE` validates one.
export function runConfigCommand(
  argv: readonly string[],
  environment: Readonly<Record<string, string | undefined>>,
  output: {out: (text: string) => void; err: (text: string) => void},
  homeDirectory = homedir(),
): number {
  let check: string | undefined;
  let flag: string | undefined;
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index] ?? '';
    const [name, inline] = argument.startsWith('--') && argument.includes('=') ? argument.split(/=(.*)/s) : [argument];
    if (name === '-h' || name === '--help') {
      output.out(`${CONFIG_USAGE}\n`);
      return 0;
    }
    if (name !== '--check' && name !== '--config')
      throw new UsageError(`unknown argument "${argument}" for kview config`);
    const value = inline ?? argv[++index];
    if (!value) throw new UsageError(`${name} needs a file`);
    if (name === '--check') check = value;
    else flag = value;
  }
  const location = check ? {path: check, explicit: true} : configLocation(flag, environment, homeDirectory);
  const {settings, problems, source} = readConfig(location);
  if (check) {
    for (const problem of problems) output.out(`${problem}\n`);
    if (problems.length === 0) output.out(`ok: ${check}\n`);
    return problems.length === 0 ? 0 : 1;
  }
  for (const problem of problems) output.err(`kview: ${problem}\n`);
  output.out(printConfig(settings, source));
  return 0;
}
