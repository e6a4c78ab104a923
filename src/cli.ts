#!/usr/bin/env node
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readDecision } from './decide.ts';
import { init } from './init.ts';
import { selectDecider } from './runners/index.ts';
import { readSettings } from './settings.ts';
import { runProcess } from './shell/process.ts';

const USAGE = `looop-action replay <beat> [--decision N] [--runner R] [--model M] [--tick-command C]
                           [--stream-format F] [--state-branch B] [--prompt-file P]

Runs a recorded decision's prompt (runs/<beat>/prompt.<N>.md on the state branch, fetched
through this checkout's origin) through a runner and prints the move it answers. It acts on
nothing and writes nothing. Settings come from the flags, else from the INPUT_* variables a
workflow step would have.`;

const flags = {
  decision: { type: 'string' },
  runner: { type: 'string' },
  model: { type: 'string' },
  'tick-command': { type: 'string' },
  'stream-format': { type: 'string' },
  'state-branch': { type: 'string' },
  'prompt-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The flags become the INPUT_* variables the action reads, so both are parsed by one set of rules. */
function inputsFrom(values: Record<string, string | boolean | undefined>): Record<string, string> {
  const names = ['runner', 'model', 'tick-command', 'stream-format', 'state-branch'];
  return Object.fromEntries(names.flatMap((name) => (typeof values[name] === 'string' ? [[`INPUT_${name.toUpperCase()}`, values[name]]] : [])));
}

/** git as the person at the terminal runs it: their own config and credentials reach the origin. */
async function git(args: readonly string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const exit = await runProcess({ file: 'git', args, cwd: process.cwd(), env: { ...env, GIT_TERMINAL_PROMPT: '0' }, timeoutMs: 120_000 });
  return { ok: exit.code === 0, stdout: exit.stdout, stderr: exit.stderrTail.trim() };
}

async function recordedPrompt(branch: string, beat: string, decision: string): Promise<string> {
  const ref = `refs/looop-replay/${branch}`;
  const fetched = await git(['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${branch}:${ref}`]);
  if (!fetched.ok) throw new Error(`could not fetch the state branch "${branch}" from origin: ${fetched.stderr}`);
  try {
    const file = `runs/${beat}/prompt.${decision}.md`;
    const shown = await git(['show', `${ref}:${file}`]);
    if (!shown.ok) throw new Error(`${file} is not on the state branch "${branch}": only the last 20 beats that decided are kept`);
    return shown.stdout;
  } finally {
    await git(['update-ref', '-d', ref]);
  }
}

async function replay(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: flags, allowPositionals: true });
  const [beat] = positionals;
  if (values.help === true || beat === undefined) {
    console.log(USAGE);
    return beat === undefined && values.help !== true ? 2 : 0;
  }
  const env = { ...process.env, ...inputsFrom(values) };
  const settings = readSettings(env);
  const prompt = values['prompt-file'] === undefined ? await recordedPrompt(settings.stateBranch, beat, values.decision ?? '1') : await readFile(values['prompt-file'], 'utf8');
  const temp = await mkdtemp(path.join(os.tmpdir(), 'looop-replay-'));
  try {
    const run = await selectDecider(settings, env, temp)(prompt, settings.model);
    const decided = readDecision(run.result);
    const cost = run.result.costUsd === undefined ? '' : `, $${run.result.costUsd.toFixed(4)}`;
    console.error(`replayed beat ${beat} with ${settings.runner}${settings.model === undefined ? '' : ` (${settings.model})`} in ${run.durationMs} ms${cost}`);
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

async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === 'replay') return replay(rest);
  if (verb === 'init') return init(rest);
  console.error(`${verb === undefined ? 'no command' : `unknown command "${verb}"`}.\n\n${USAGE}`);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`looop-action: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
