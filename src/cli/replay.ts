import { RUNS_DIR, runsPath } from '../state/layout.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDecision } from '../beat/decide.ts';
import { selectDecider, type Decider } from '../runners/index.ts';
import { branchName, SettingsError, type Settings } from '../settings.ts';
import { runProcess } from '../io/process.ts';
import { inTerminalWords, readTerminalSettings, UsageError } from './terminal.ts';

export const REPLAY_USAGE = `looop-action replay [<beat>] [--decision N] [--runner R] [--model M] [--tick-command C]
                    [--stream-format F] [--api-url U] [--state-branch B] [--prompt-file P]

Runs a recorded decision's prompt (runs/<beat>/prompt.<N>.md on the state branch, fetched
through this checkout's origin) through a runner and prints the move it answers. It acts on
nothing and writes nothing. Without a beat, it lists the beats it can replay.

  <beat>            a beat id as the journal shows it: <run id>-<attempt> (e.g. 8123456789-1),
                    or local-<id> for a beat run outside GitHub
  --decision N      which decision of the beat (an escalated beat has 2); default 1
  --runner R        claude, codex, opencode, pi, custom or openai (required to replay)
  --prompt-file P   replay this prompt file instead of a recorded one (no fetch)
  --state-branch B  the state branch; default loop-state

The runner gets this terminal's environment, where its API key lives. For runner openai,
OPENAI_API_KEY is the key, else GH_TOKEN or GITHUB_TOKEN (GitHub Models).`;

const FLAGS = ['runner', 'model', 'tick-command', 'stream-format', 'api-url', 'state-branch'] as const;

const options = {
  runner: { type: 'string' },
  model: { type: 'string' },
  'tick-command': { type: 'string' },
  'stream-format': { type: 'string' },
  'api-url': { type: 'string' },
  'state-branch': { type: 'string' },
  decision: { type: 'string' },
  'prompt-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The ids the action gives beats (src/context.ts): the run and its attempt, or local- and a base-36 time. */
const BEAT_ID = /^(\d{1,20}-\d{1,6}|local-[0-9a-z]{1,16})$/;

/** git as the person at the terminal runs it: their own config and credentials reach the origin. */
async function git(args: readonly string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const exit = await runProcess({ file: 'git', args, cwd: process.cwd(), env: { ...env, GIT_TERMINAL_PROMPT: '0' }, timeoutMs: 120_000 });
  return { ok: exit.code === 0, stdout: exit.stdout, stderr: exit.stderrTail.trim() };
}

/** The state branch, fetched into a ref of our own for as long as `use` runs. */
async function withStateBranch<T>(branch: string, use: (ref: string) => Promise<T>): Promise<T> {
  const ref = `refs/looop-replay/${branch}`;
  const fetched = await git(['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${branch}:${ref}`]);
  if (!fetched.ok) throw new Error(`could not fetch the state branch "${branch}" from origin (run this inside a clone of the repository): ${fetched.stderr}`);
  try {
    return await use(ref);
  } finally {
    await git(['update-ref', '-d', ref]);
  }
}

/** Recorded decisions by beat, from the runs/ folder: what can be replayed. */
async function keptBeats(ref: string): Promise<Map<string, string[]>> {
  const listed = await git(['ls-tree', '-r', '--name-only', ref, '--', `${RUNS_DIR}/`]);
  const beats = new Map<string, string[]>();
  for (const file of listed.stdout.split('\n')) {
    const match = /^runs\/([^/]+)\/prompt\.(\d+)\.md$/.exec(file);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    beats.set(match[1], [...(beats.get(match[1]) ?? []), match[2]]);
  }
  return beats;
}

function beatList(beats: Map<string, string[]>, branch: string): string {
  if (beats.size === 0) return `No beat on the state branch "${branch}" has a recorded decision yet: a beat records one only when it decides.`;
  const lines = [...beats].map(([beat, decisions]) => `  ${beat}${decisions.length > 1 ? `  (decisions ${decisions.join(', ')})` : ''}`);
  return `Beats that can be replayed (the last that decided, kept on "${branch}"):\n${lines.join('\n')}`;
}

async function recordedPrompt(branch: string, beat: string, decision: string): Promise<string> {
  return withStateBranch(branch, async (ref) => {
    const file = `${runsPath(beat)}prompt.${decision}.md`;
    const shown = await git(['show', `${ref}:${file}`]);
    if (shown.ok) return shown.stdout;
    throw new Error(`${file} is not on the state branch "${branch}": only the last beats that decided are kept.\n${beatList(await keptBeats(ref), branch)}`);
  });
}

function parse(args: string[]) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message, { usage: REPLAY_USAGE });
  }
}

function checkArguments(beat: string | undefined, extra: string[], decision: string | undefined): void {
  if (extra.length > 0) throw new UsageError(`replay takes one beat, and was given also ${extra.map((a) => JSON.stringify(a)).join(' ')}`, { usage: REPLAY_USAGE });
  if (beat !== undefined && !BEAT_ID.test(beat)) {
    throw new UsageError(`${JSON.stringify(beat)} is not a beat id: expected <run id>-<attempt> such as 8123456789-1, or local-<id>, as the journal shows them`, { usage: REPLAY_USAGE });
  }
  if (decision !== undefined && !/^[1-9]\d{0,2}$/.test(decision)) throw new UsageError(`--decision ${JSON.stringify(decision)} is not a decision number: expected 1, 2, …`, { usage: REPLAY_USAGE });
}

async function listBeats(stateBranch: string | undefined): Promise<number> {
  // Listing needs no runner: only the branch is read, by the rule the action reads it with.
  const parsed = branchName.safeParse(stateBranch ?? 'loop-state');
  if (!parsed.success) throw new UsageError(`--state-branch ${parsed.error.issues.map((issue) => issue.message).join('; ')}`, { usage: REPLAY_USAGE });
  const branch = parsed.data;
  console.log(await withStateBranch(branch, async (ref) => beatList(await keptBeats(ref), branch)));
  return 0;
}

async function promptFrom(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`could not read --prompt-file ${JSON.stringify(file)}: ${(error as Error).message}`, { cause: error });
  }
}

function deciderFor(settings: Settings, env: NodeJS.ProcessEnv, temp: string): Decider {
  try {
    return selectDecider(settings, env, temp);
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(inTerminalWords(error.message, FLAGS), { cause: error, usage: REPLAY_USAGE });
    throw error;
  }
}

export async function replay(args: string[]): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help === true) {
    console.log(REPLAY_USAGE);
    return 0;
  }
  const [beat, ...extra] = positionals;
  checkArguments(beat, extra, values.decision);
  const promptFile = values['prompt-file'];
  if (beat === undefined && promptFile === undefined) return listBeats(values['state-branch']);
  const { settings, env } = readTerminalSettings({ flags: FLAGS, values, env: process.env }, REPLAY_USAGE);
  const prompt = promptFile === undefined ? await recordedPrompt(settings.stateBranch, beat ?? '', values.decision ?? '1') : await promptFrom(promptFile);
  const temp = await mkdtemp(path.join(os.tmpdir(), 'looop-replay-'));
  try {
    const run = await deciderFor(settings, env, temp)(prompt, settings.model);
    const decided = readDecision(run.result);
    const cost = run.result.costUsd === undefined ? '' : `, $${run.result.costUsd.toFixed(4)}`;
    const what = beat === undefined ? `the prompt in ${promptFile ?? ''}` : `beat ${beat}`;
    console.error(`replayed ${what} with ${settings.runner}${settings.model === undefined ? '' : ` (${settings.model})`} in ${run.durationMs} ms${cost}`);
    if (decided.kind === 'move') {
      console.log(JSON.stringify(decided.move, null, 2));
      return 0;
    }
    console.error(`no move: ${decided.error}`);
    return 1;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
