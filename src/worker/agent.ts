import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runnerEnvironment } from '../io/environment.ts';
import { describeExit, runProcess } from '../io/process.ts';
import type { Invocation } from '../runners/index.ts';
import { runnerLauncher, runnerSource } from '../runners/install.ts';
import type { RunnerResult } from '../runners/result.ts';
import type { AgentRun } from './ports.ts';
import type { StreamFormat } from '../runners/streams/index.ts';
import { SettingsError, type Settings } from '../settings.ts';

/**
 * The worker's agent: unlike a decision, it has tools and edits files, but only in the folder of
 * the branch's files it is given, with the runner environment (its API keys) and never a token.
 */

const PROMPT_PLACEHOLDER = '{{prompt_file}}';
const RAW_KEPT_BYTES = 256 * 1024;
/** An agent that printed its final result gets this long to exit on its own. */
const LINGER_MS = 5000;

type AgentSettings = Pick<Settings, 'runner' | 'model' | 'workerCommand' | 'streamFormat' | 'runnerVersion'>;

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function withModel(args: readonly string[], flag: string, model: string | undefined): string[] {
  return model === undefined ? [...args] : [...args, flag, model];
}

function streamFormat(settings: AgentSettings): StreamFormat {
  return settings.streamFormat ?? (settings.runner === 'custom' || settings.runner === 'openai' ? 'text' : settings.runner);
}

/**
 * The agent's command line: worker-command when set, else the runner's preset with its tools
 * on, unattended, and kept off the web where the runner allows it (a page could carry
 * instructions; the work is in the repository).
 */
export function agentInvocation(settings: AgentSettings, prompt: { file: string; text: string }): Invocation {
  const format = streamFormat(settings);
  const { workerCommand, model } = settings;
  if (workerCommand !== undefined) {
    return { file: 'bash', args: ['-c', workerCommand.replaceAll(PROMPT_PLACEHOLDER, quote(prompt.file))], stdin: !workerCommand.includes(PROMPT_PLACEHOLDER), format };
  }
  switch (settings.runner) {
    case 'claude':
      // acceptEdits: file edits go through unasked; anything else a -p run would need to ask for is refused.
      return {
        file: 'claude',
        args: withModel(['-p', '--output-format', 'stream-json', '--verbose', '--max-turns', '40', '--permission-mode', 'acceptEdits', '--disallowedTools', 'WebFetch,WebSearch'], '--model', model),
        stdin: true,
        format,
      };
    case 'codex':
      // workspace-write lets it write the folder only, and keeps the network off by default.
      return { file: 'codex', args: [...withModel(['exec', '--json', '--sandbox', 'workspace-write', '--skip-git-repo-check'], '--model', model), prompt.text], stdin: false, format };
    case 'opencode':
      return { file: 'opencode', args: [...withModel(['run', '--format', 'json', '--title', 'looop worker'], '-m', model), prompt.text], stdin: false, format };
    case 'pi':
      return { file: 'pi', args: [...withModel(['-p', '--mode', 'json', '--no-session'], '--model', model), prompt.text], stdin: false, format };
    case 'custom':
    case 'openai':
      throw new SettingsError(`runner "${settings.runner}" has no agent to work with: set input "worker-command" to an agent CLI that edits files in its working folder.`);
  }
}

export type { AgentRun } from './ports.ts';

export interface AgentRequest {
  readonly settings: AgentSettings & Pick<Settings, 'workerTimeoutMs'>;
  /** The step's environment: the agent gets the runner's share of it. */
  readonly env: NodeJS.ProcessEnv;
  /** The folder of the branch's files, where the agent works (no .git). */
  readonly folder: string;
  /** A folder of the action's for the prompt file and an installed CLI. */
  readonly scratch: string;
  readonly prompt: string;
}

/** Runs the agent once, bounded by worker-timeout (its whole process group is killed then). */
export async function runAgent(request: AgentRequest): Promise<AgentRun> {
  const { settings, env } = request;
  const promptFile = path.join(request.scratch, 'worker-prompt.md');
  await writeFile(promptFile, request.prompt);
  const how = agentInvocation(settings, { file: promptFile, text: request.prompt });
  const program = await runnerLauncher(runnerSource({ runner: settings.runner, runnerVersion: settings.runnerVersion, tickCommand: settings.workerCommand }, how.file), env, request.scratch)();
  const parser = (await import('../runners/streams/index.ts')).streamParser(how.format);
  let raw = '';
  const exit = await runProcess({
    file: program.file,
    args: [...program.args, ...how.args],
    cwd: request.folder,
    env: { ...runnerEnvironment(env), ...how.env },
    timeoutMs: settings.workerTimeoutMs,
    ...(how.stdin ? { stdin: request.prompt } : {}),
    onStdout: (chunk) => {
      raw = (raw + chunk).slice(-RAW_KEPT_BYTES);
      parser.push(chunk);
    },
    isFinished: () => parser.finished(),
    lingerMs: LINGER_MS,
  });
  const parsed = parser.end();
  const stderr = exit.stderrTail.trim().slice(-500);
  const failed = (message: string): RunnerResult => ({ ...parsed, ok: false, failure: { kind: 'exit', message: stderr === '' ? message : `${message}; stderr: ${stderr}` } });
  if (exit.timedOut && !parsed.ok) return { result: { ...parsed, ok: false, failure: { kind: 'timeout', message: `killed at its timeout (worker-timeout, ${describeExit(exit, settings.workerTimeoutMs)})` } }, timedOut: true, durationMs: exit.durationMs };
  if (exit.spawnError !== undefined) return { result: failed(describeExit(exit, settings.workerTimeoutMs)), timedOut: false, durationMs: exit.durationMs };
  if (how.format === 'text') return { result: exit.code === 0 ? { ...parsed, ok: true } : failed(describeExit(exit, settings.workerTimeoutMs)), timedOut: false, durationMs: exit.durationMs };
  if (!parsed.ok && parsed.failure !== undefined && stderr !== '') return { result: { ...parsed, failure: { ...parsed.failure, message: `${parsed.failure.message}; stderr: ${stderr}` } }, timedOut: false, durationMs: exit.durationMs };
  return { result: parsed, timedOut: false, durationMs: exit.durationMs };
}
