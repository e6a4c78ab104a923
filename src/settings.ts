import { PROMPT_BUDGET } from './prompt/budget.ts';
import { z } from 'zod';
import { loadYaml, yaml } from './text/yaml.ts';
import { parsePattern } from './moves/allow.ts';

/** Everything the workflow file decides. The loop reads it once and can never change it. */
export interface Settings {
  /** Which LLM runner decides. */
  readonly runner: RunnerName;
  /** The decision's model; undefined leaves the runner's default. */
  readonly model: string | undefined;
  /** The stronger model for `escalate`. */
  readonly escalationModel: string | undefined;
  /** A shell command that overrides the preset's decision command. */
  readonly tickCommand: string | undefined;
  /** A shell command that overrides the preset's worker command. */
  readonly workerCommand: string | undefined;
  /** How to read the tick command's output; undefined uses the preset's own. */
  readonly streamFormat: StreamFormatName | undefined;
  readonly apiUrl: string | undefined;
  readonly apiKey: string | undefined;
  /** For the GitHub API, and GitHub Models when runner openai has no api-key; never handed to a sensor, command or runner process. */
  readonly githubToken: string | undefined;
  readonly stateBranch: string;
  /** Command patterns that run without a person. */
  readonly allow: readonly string[];
  readonly approvers: readonly string[];
  readonly dailyBudget: number;
  readonly dailyBudgetUsd: number | undefined;
  /** The most tokens a decision's prompt may take; what gives way past it is said in the prompt and the summary. */
  readonly promptBudget: number;
  /** USD per million tokens, by model, for runners that report no cost. */
  readonly prices: Readonly<Record<string, { readonly input: number; readonly output: number }>>;
  /** Workers live at once (dispatched, running or waiting for an answer). */
  readonly maxWorkers: number;
  /** The workflow file a worker runs in, e.g. looop-worker.yml. */
  readonly workerWorkflow: string;
  /** In mode worker: the worker this run works on (from the dispatch's input). */
  readonly workerId: string | undefined;
  /** For a worker's push and pull request; undefined uses github-token. Never handed to the agent. */
  readonly workerToken: string | undefined;
  /** How long a worker's agent may run before it is killed and the worker recorded failed. */
  readonly workerTimeoutMs: number;
  /** What one worker may cost: a spawn needs this much of the daily USD budget left; undefined counts a worker as one decision. */
  readonly workerBudgetUsd: number | undefined;
  /** Variables passed through the scrubbed environment of sensors and commands. */
  readonly sensorEnv: readonly string[];
  readonly tickTimeoutMs: number;
  readonly sensorTimeoutMs: number;
  readonly commandTimeoutMs: number;
  readonly dryRun: boolean;
  /** What this step does: one beat, or check a steering change (and, on a push, wake a beat). */
  readonly mode: Mode;
  /** The workflow file a check on a push dispatches for one beat, e.g. looop.yml. */
  readonly beatWorkflow: string;
  /**
   * The runner CLI's exact npm version, installed when a decision is due; undefined installs
   * the version the preset was tested with; `installed` uses the program already on PATH.
   */
  readonly runnerVersion: string | undefined;
}

export const modes = ['beat', 'check', 'worker'] as const;
export type Mode = (typeof modes)[number];

export const runnerNames = ['claude', 'codex', 'opencode', 'pi', 'custom', 'openai'] as const;
export type RunnerName = (typeof runnerNames)[number];

export const streamFormats = ['text', 'claude', 'codex', 'opencode', 'pi'] as const;
export type StreamFormatName = (typeof streamFormats)[number];

export class SettingsError extends Error {
  override name = 'SettingsError';
}

const optional = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? undefined : s));

// Comment lines go first: a comment holding a comma must not turn its words into entries.
const list = z.string().transform((s) =>
  s
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .flatMap((line) => line.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== ''),
);

const lines = z.string().transform((s) =>
  s
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#')),
);

/** Each allow line must be a pattern that cannot be read as "anything": the workflow is the policy, and a typo must not widen it. */
function checkPatterns(patterns: readonly string[], ctx: z.RefinementCtx): void {
  for (const pattern of patterns) {
    const parsed = parsePattern(pattern);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `has the line ${JSON.stringify(pattern)}, which is not a pattern: ${parsed.why}` });
  }
}

const wholeNumber = (min: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min));

/** Seconds, up to GitHub's own job limit of 6 hours (and well inside what a timer can hold). */
const seconds = wholeNumber(1)
  .pipe(z.number().max(21_600, 'must be at most 21600 seconds (6 hours, the longest a GitHub job runs)'))
  .transform((s) => s * 1000);

const boolean = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(['true', 'false', '']))
  .transform((s) => s === 'true');

const usd = optional.pipe(
  z
    .string()
    .regex(/^\d+(\.\d+)?$/, 'expected an amount in USD such as 5 or 2.50')
    .transform(Number)
    .optional(),
);

const priceTable = z.record(
  z.string(),
  z.object({ input: z.number().nonnegative(), output: z.number().nonnegative() }).strict(),
);

const prices = z.string().transform((text, ctx) => {
  if (text.trim() === '') return {};
  try {
    const parsed = priceTable.safeParse(yaml().parse(text));
    if (parsed.success) return parsed.data;
    ctx.addIssue({ code: 'custom', message: 'expected "model: {input: USD, output: USD}" per line, per million tokens' });
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `not YAML: ${(error as Error).message}` });
  }
  return z.NEVER;
});

// A branch name git accepts and that cannot be mistaken for an option or a path outside refs/heads.
export const branchName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/, 'expected a branch name such as loop-state')
  .refine(
    (b) => b.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.') && !part.endsWith('.lock')) && !b.includes('..'),
    'is not a branch name git accepts (no empty, dot-led or .lock parts, no "..")',
  );

export const workflowFile = (example: string) => z.string().trim().regex(/^[A-Za-z0-9._-]+\.ya?ml$/, `expected a workflow file name such as ${example}`);
/** Use the runner program already on PATH instead of installing one. */
export const USE_INSTALLED = 'installed';

// Exact versions only: the tool cache keeps an install under its version, and a range or a
// tag would keep whatever it meant on the day it was filled. The pattern also keeps the value
// from being read as an npm option or a path outside the cache.
const runnerVersion = optional.refine(
  (v) => v === undefined || v === USE_INSTALLED || /^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$/.test(v),
  `expected an exact version such as 2.1.330, or "${USE_INSTALLED}" to use the program already on PATH`,
);

const variableName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected environment variable names');

const inputs = z.object({
  runner: z
    .string()
    .trim()
    .pipe(
      z.enum(runnerNames, {
        error: (issue) =>
          issue.input === ''
            ? `is required: choose one of ${runnerNames.join(', ')} (there is no default)`
            : `expected one of ${runnerNames.join(', ')}`,
      }),
    ),
  model: optional,
  'escalation-model': optional,
  'tick-command': optional,
  'worker-command': optional,
  'stream-format': optional.pipe(z.enum(streamFormats).optional()),
  'api-url': optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  'api-key': optional,
  'github-token': optional,
  'state-branch': branchName,
  allow: lines.superRefine(checkPatterns),
  approvers: list.pipe(z.array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/, 'expected GitHub logins'))),
  'daily-budget': wholeNumber(0),
  'daily-budget-usd': usd,
  'prompt-budget': optional.pipe(
    z
      .string()
      .regex(/^\d+$/, 'expected a whole number of tokens')
      .transform(Number)
      .pipe(z.number().int().min(PROMPT_BUDGET.min, `expected at least ${PROMPT_BUDGET.min} tokens: the instructions and the move schema alone take about 1,000`))
      .optional(),
  ),
  prices,
  'max-workers': wholeNumber(0),
  'worker-workflow': workflowFile('looop-worker.yml'),
  'worker-id': optional.pipe(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'expected a worker id such as fix-docs ([a-z0-9][a-z0-9-]{0,63})').optional()),
  'worker-token': optional,
  'worker-timeout': seconds,
  'worker-budget-usd': usd,
  'sensor-env': list.pipe(z.array(variableName)),
  'tick-timeout': seconds,
  'sensor-timeout': seconds,
  'command-timeout': seconds,
  'dry-run': boolean,
  mode: z
    .string()
    .trim()
    .pipe(z.enum(modes, { error: () => `expected one of ${modes.join(', ')}` })),
  'beat-workflow': workflowFile('looop.yml'),
  'runner-version': runnerVersion,
});

type InputName = keyof typeof inputs.shape;

/** The defaults of action.yml, so a local run without INPUT_ variables behaves like the action. */
const defaults: Partial<Record<InputName, string>> = {
  'state-branch': 'loop-state',
  'daily-budget': '48',
  'max-workers': '2',
  'worker-workflow': 'looop-worker.yml',
  'worker-timeout': '3600',
  'tick-timeout': '600',
  'sensor-timeout': '60',
  'command-timeout': '600',
  'dry-run': 'false',
  mode: 'beat',
  'beat-workflow': 'looop.yml',
};

/** The variable GitHub sets for an input: INPUT_ and the name upper-cased, spaces as underscores. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * GitHub Models' free tier takes 8,000 tokens in per request on its small models; the openai
 * runner, which is how a loop reaches it, keeps 1,000 of them for the answer (a model with one
 * window for both counts them there). Other runners' models take far more; 6,000 keeps a
 * decision cheap.
 */
const GITHUB_MODELS_TOKENS_IN = 8000;
const ANSWER_TOKENS = 1000;

export function defaultPromptBudget(runner: RunnerName): number {
  return runner === 'openai' ? GITHUB_MODELS_TOKENS_IN - ANSWER_TOKENS : PROMPT_BUDGET.default;
}

/** The settings, YAML loaded first when the prices need it. */
export async function loadSettings(env: NodeJS.ProcessEnv): Promise<Settings> {
  if (env[inputVariable('prices')]?.trim()) await loadYaml();
  return readSettings(env);
}

export function readSettings(env: NodeJS.ProcessEnv): Settings {
  const raw: Record<string, string> = Object.fromEntries(
    Object.keys(inputs.shape).map((name) => [name, env[inputVariable(name)] ?? defaults[name as InputName] ?? '']),
  );
  // A check decides nothing, so its workflow names no runner; it reads the rest as a beat would.
  if (raw.mode?.trim() === 'check' && raw.runner?.trim() === '') raw.runner = 'custom';
  const parsed = inputs.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `input "${String(issue.path[0])}" ${issue.message}`);
    throw new SettingsError(`${problems.join('; ')}. Fix the "with:" block of the workflow step.`);
  }
  const i = parsed.data;
  if (i.mode === 'beat' && i.runner === 'custom' && i['tick-command'] === undefined) {
    throw new SettingsError('input "runner" is custom, so input "tick-command" is required: the shell command that makes one decision.');
  }
  if (i.mode === 'worker' && i['worker-id'] === undefined) {
    throw new SettingsError('input "mode" is worker, so input "worker-id" is required: pass the dispatch\'s input, worker-id: ${{ inputs.worker-id }}.');
  }
  if (i.mode === 'worker' && i.runner === 'openai' && i['worker-command'] === undefined) {
    throw new SettingsError('input "runner" is openai, which answers but cannot edit files, so a worker needs input "worker-command": an agent CLI that works in the checkout (or use runner claude, codex, opencode or pi).');
  }
  if (i.mode === 'worker' && i.runner === 'custom' && i['worker-command'] === undefined) {
    throw new SettingsError('input "runner" is custom, so in mode worker input "worker-command" is required: the shell command that does one worker\'s work.');
  }
  if (i['runner-version'] !== undefined && (i.runner === 'custom' || i.runner === 'openai' || i['tick-command'] !== undefined)) {
    const why = i.runner === 'openai' && i['tick-command'] === undefined ? 'runner openai is an HTTP call' : 'the tick-command is your own command line';
    throw new SettingsError(
      `input "runner-version" is set, but ${why}: the action installs nothing for it. Leave runner-version empty, and install any program the command needs in an earlier step.`,
    );
  }
  return {
    runner: i.runner,
    model: i.model,
    escalationModel: i['escalation-model'],
    tickCommand: i['tick-command'],
    workerCommand: i['worker-command'],
    streamFormat: i['stream-format'],
    apiUrl: i['api-url'],
    apiKey: i['api-key'],
    githubToken: i['github-token'],
    stateBranch: i['state-branch'],
    allow: i.allow,
    approvers: i.approvers,
    dailyBudget: i['daily-budget'],
    dailyBudgetUsd: i['daily-budget-usd'],
    promptBudget: i['prompt-budget'] ?? defaultPromptBudget(i.runner),
    prices: i.prices,
    maxWorkers: i['max-workers'],
    workerWorkflow: i['worker-workflow'],
    workerId: i['worker-id'],
    workerToken: i['worker-token'],
    workerTimeoutMs: i['worker-timeout'],
    workerBudgetUsd: i['worker-budget-usd'],
    sensorEnv: i['sensor-env'],
    tickTimeoutMs: i['tick-timeout'],
    sensorTimeoutMs: i['sensor-timeout'],
    commandTimeoutMs: i['command-timeout'],
    dryRun: i['dry-run'],
    mode: i.mode,
    beatWorkflow: i['beat-workflow'],
    runnerVersion: i['runner-version'],
  };
}
