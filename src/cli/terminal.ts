import { readSettings, SettingsError, type Settings } from '../settings.ts';

/**
 * A verb run at a terminal reads the action's settings through the same rules as a workflow
 * step, but from its own flags and a few conventional environment variables, never from
 * INPUT_* variables a terminal happens to hold. Its errors name those flags and variables.
 */
export interface TerminalSource {
  /** The inputs this verb takes as flags of the same name. */
  readonly flags: readonly string[];
  /** The parsed flag values. */
  readonly values: Readonly<Record<string, unknown>>;
  readonly env: NodeJS.ProcessEnv;
}

/** Secrets come from the environment, never from a flag that `ps` would show. */
const FROM_ENV: Readonly<Record<string, readonly string[]>> = {
  'github-token': ['GH_TOKEN', 'GITHUB_TOKEN'],
  'api-key': ['OPENAI_API_KEY'],
};

/** The command line was wrong (a flag, an argument, a setting): the CLI prints usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The verb's usage, printed after the message. */
  readonly usage: string | undefined;
  constructor(message: string, options: ErrorOptions & { usage?: string } = {}) {
    super(message, options);
    this.usage = options.usage;
  }
}

function inputVariable(name: string): string {
  return `INPUT_${name.toUpperCase()}`;
}

/** What a person at the terminal calls an input: its flag, else the variable it is read from. */
function terminalName(input: string, flags: readonly string[]): string {
  if (flags.includes(input)) return `--${input}`;
  const vars = FROM_ENV[input];
  if (vars !== undefined) return `the environment variable ${vars.join(' or ')}`;
  return `the setting "${input}" (it has no flag here; its default applies)`;
}

/** Rewrites a settings error, written for a workflow's `with:` block, in the terminal's words. */
export function inTerminalWords(message: string, flags: readonly string[]): string {
  return message
    .replace(/input "([a-z-]+)"/g, (_, input: string) => terminalName(input, flags))
    .replace(/ ?Fix the "with:" block of the workflow step\./, '');
}

export function readTerminalSettings(source: TerminalSource, usage: string): { settings: Settings; env: NodeJS.ProcessEnv } {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(source.env).filter(([name]) => !name.startsWith('INPUT_')));
  for (const flag of source.flags) {
    const value = source.values[flag];
    if (typeof value === 'string') env[inputVariable(flag)] = value;
  }
  for (const [input, vars] of Object.entries(FROM_ENV)) {
    const value = vars.map((name) => source.env[name]).find((v) => v !== undefined && v !== '');
    if (value !== undefined) env[inputVariable(input)] = value;
  }
  try {
    return { settings: readSettings(env), env };
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(inTerminalWords(error.message, source.flags), { cause: error, usage });
    throw error;
  }
}
