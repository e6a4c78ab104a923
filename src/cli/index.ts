#!/usr/bin/env node
// Read when bundling, so the version printed is the one the package was built as.
import manifest from '../../package.json' with { type: 'json' };
import { UsageError } from './terminal.ts';
import { loadYaml } from '../text/yaml.ts';

/** A verb: what `looop-action <verb> …` runs. It handles its own `--help` and returns the exit code. */
interface Verb {
  /** The verb's arguments, for the overview. */
  readonly args: string;
  /** What it does, in a few words. */
  readonly does: string;
  readonly load: () => Promise<(args: string[]) => Promise<number>>;
}

// The verbs. Adding one is one line here; its module exports `async function <verb>(args): Promise<number>`.
const VERBS: Readonly<Record<string, Verb>> = {
  init: { args: '[--repo OWNER/NAME] …', does: 'create the state branch, with the steer workflow, as yourself', load: async () => (await import('./init.ts')).init },
  replay: { args: '[<beat>] --runner R …', does: "run a beat's recorded decision again and print the move; no beat lists them", load: async () => (await import('./replay.ts')).replay },
};

const USAGE = `looop-action <command> [arguments]

Commands:
${[...Object.entries(VERBS).map(([name, verb]) => [`${name} ${verb.args}`, verb.does]), ['help [<command>]', "this text, or a command's own"]]
  .map(([what = '', does = '']) => `  ${what.padEnd(30)} ${does}`)
  .join('\n')}

Options:
  -h, --help                     this text
  --version                      the version of looop-action

Exit status: 0 done, 1 failed, 2 the command line was wrong.`;

/** Errors that mean the person typed something the command does not take: usage follows them. */
function isUsageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
}

async function runVerb(name: string, args: string[]): Promise<number> {
  const verb = VERBS[name];
  if (verb === undefined) {
    console.error(`looop-action: unknown command ${JSON.stringify(name)}.\n\n${USAGE}`);
    return 2;
  }
  try {
    // A terminal is not an idle beat: the YAML parser is there for whatever the verb reads.
    await loadYaml();
    return await (await verb.load())(args);
  } catch (error) {
    if (!isUsageError(error)) throw error;
    const usage = error instanceof UsageError && error.usage !== undefined ? error.usage : `Run "looop-action ${name} --help" for its usage.`;
    console.error(`looop-action ${name}: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
}

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    console.error(USAGE);
    return 2;
  }
  if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    console.log(USAGE);
    return 0;
  }
  if (first === 'help') return runVerb(rest[0] ?? '', ['--help']);
  if (first === '--version') {
    console.log(manifest.version);
    return 0;
  }
  if (first.startsWith('-')) {
    console.error(`looop-action: unknown option ${JSON.stringify(first)}: options go after the command.\n\n${USAGE}`);
    return 2;
  }
  return runVerb(first, rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`looop-action: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
