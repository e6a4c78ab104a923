import type { Decider } from '../beat/ports.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SettingsError, type Settings } from '../settings.ts';
import { runnerEnvironment } from '../io/environment.ts';
import { describeExit, runProcess } from '../io/process.ts';
import { programMissing } from './causes.ts';
import { runnerLauncher, runnerSource } from './install.ts';
import type { RunnerResult } from './result.ts';
import type { StreamFormat } from './streams/index.ts';

/** One decision: the prompt in, the runner's normalized result out. */
export type { Decider, DecisionRun } from '../beat/ports.ts';

/** How a runner is started: a program and its arguments, or a shell command line. */
export interface Invocation {
  readonly file: string;
  readonly args: readonly string[];
  /** The prompt goes on stdin unless the command line carries it. */
  readonly stdin: boolean;
  readonly format: StreamFormat;
  /** Variables the preset sets for its runner, over the step's environment. */
  readonly env?: Readonly<Record<string, string>>;
}

const PROMPT_PLACEHOLDER = '{{prompt_file}}';
const RAW_KEPT_BYTES = 256 * 1024;
/** A runner that printed its final result gets this long to exit on its own. */
const LINGER_MS = 5000;

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

function withModel(args: readonly string[], flag: string, model: string | undefined): string[] {
  return model === undefined ? [...args] : [...args, flag, model];
}

/**
 * opencode has no "no tools" flag; a permission rule that denies every tool makes its turn a
 * pure answer. It is merged into any config the workflow already passes the same way.
 */
function opencodeConfig(env: NodeJS.ProcessEnv): string {
  let config: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(env.OPENCODE_CONFIG_CONTENT ?? '{}');
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) config = parsed as Record<string, unknown>;
  } catch {
    throw new SettingsError('OPENCODE_CONFIG_CONTENT is not JSON: the opencode preset adds its "permission" rule to it.');
  }
  return JSON.stringify({ ...config, permission: { '*': 'deny' } });
}

/**
 * The exact command line of a decision, from the preset or the workflow's tick-command. Each
 * preset runs unattended and, wherever the runner allows it, without tools: the decider answers.
 * Presets that take the prompt as an argument get it whole (a prompt is bounded well below the
 * 128 KiB a single argument may hold).
 */
export function invocation(settings: Settings, model: string | undefined, prompt: { file: string; text: string }, env: NodeJS.ProcessEnv = {}): Invocation {
  const format = streamFormat(settings);
  if (settings.tickCommand !== undefined) {
    const command = settings.tickCommand.replaceAll(PROMPT_PLACEHOLDER, quote(prompt.file));
    return { file: 'bash', args: ['-c', command], stdin: !settings.tickCommand.includes(PROMPT_PLACEHOLDER), format };
  }
  switch (settings.runner) {
    case 'claude':
      // --tools "" turns every tool off. The prompt goes on stdin because an argument right
      // after --tools "" would be taken as its value. Most beats need little judgment: the
      // default is the cheap model, and escalate reaches a stronger one.
      return { file: 'claude', args: withModel(['-p', '--output-format', 'stream-json', '--verbose', '--tools', ''], '--model', model ?? 'haiku'), stdin: true, format };
    case 'codex':
      // A read-only sandbox: codex cannot turn its tools off, but nothing it runs can write.
      return { file: 'codex', args: [...withModel(['exec', '--json', '--skip-git-repo-check', '--sandbox', 'read-only'], '--model', model), prompt.text], stdin: false, format };
    case 'opencode':
      return {
        file: 'opencode',
        args: [...withModel(['run', '--format', 'json', '--title', 'looop decision'], '-m', model), prompt.text],
        stdin: false,
        format,
        env: { OPENCODE_CONFIG_CONTENT: opencodeConfig(env) },
      };
    case 'pi':
      return { file: 'pi', args: [...withModel(['-p', '--mode', 'json', '--no-session', '--no-tools'], '--model', model), prompt.text], stdin: false, format };
    case 'custom':
    case 'openai':
      throw new SettingsError(`runner "${settings.runner}" has no command line: ${settings.runner === 'custom' ? 'set input "tick-command"' : 'it is an HTTP call, not a process'}.`);
  }
}

function streamFormat(settings: Settings): StreamFormat {
  return settings.streamFormat ?? (settings.runner === 'custom' || settings.runner === 'openai' ? 'text' : settings.runner);
}

/** The real decider: the runner as a child process, bounded by tick-timeout. */
export function processDecider(settings: Settings, env: NodeJS.ProcessEnv, tempDir: string): Decider {
  // Wiring mistakes fail the step before the beat starts, not as a decide failure later.
  const wired = invocation(settings, settings.model, { file: PROMPT_PLACEHOLDER, text: '' }, env);
  const launcher = runnerLauncher(runnerSource(settings, wired.file), env, tempDir);
  return async (prompt, model) => {
    const program = await launcher();
    const dir = await mkdtemp(path.join(tempDir, 'looop-decide-'));
    try {
      const promptFile = path.join(dir, 'prompt.md');
      await writeFile(promptFile, prompt);
      const how = invocation(settings, model, { file: promptFile, text: prompt }, env);
      // The parsers (and their schemas) load when a decision is due: an idle beat makes none.
      const parser = (await import('./streams/index.ts')).streamParser(how.format);
      let raw = '';
      const exit = await runProcess({
        file: program.file,
        args: [...program.args, ...how.args],
        cwd: dir,
        env: { ...runnerEnvironment(env), ...how.env },
        timeoutMs: settings.tickTimeoutMs,
        ...(how.stdin ? { stdin: prompt } : {}),
        onStdout: (chunk) => {
          raw = (raw + chunk).slice(-RAW_KEPT_BYTES);
          parser.push(chunk);
        },
        isFinished: () => parser.finished(),
        lingerMs: LINGER_MS,
      });
      return { result: judge(parser.end(), exit, settings.tickTimeoutMs, how.format), raw, durationMs: exit.durationMs };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

/**
 * The stream decides success for formats that report it; the process only adds what the
 * stream cannot know (a timeout, a failure to start, a plain-text runner's exit code).
 */
function judge(result: RunnerResult, exit: Awaited<ReturnType<typeof runProcess>>, timeoutMs: number, format: StreamFormat): RunnerResult {
  const stderr = exit.stderrTail.trim().slice(-500);
  const withStderr = (message: string): string => (stderr === '' ? message : `${message}; stderr: ${stderr}`);
  if (!result.ok && programMissing(exit)) return { ...result, ok: false, failure: { kind: 'exit', message: withStderr(describeExit(exit, timeoutMs)), cause: 'program-missing' } };
  if (exit.spawnError !== undefined) return { ...result, ok: false, failure: { kind: 'exit', message: withStderr(describeExit(exit, timeoutMs)) } };
  if (exit.timedOut && !result.ok) return { ...result, ok: false, failure: { kind: 'timeout', message: describeExit(exit, timeoutMs) } };
  if (format === 'text' && exit.code !== 0 && !exit.timedOut) {
    return { ...result, ok: false, failure: { kind: 'exit', message: withStderr(describeExit(exit, timeoutMs)) } };
  }
  if (!result.ok && result.failure !== undefined) return { ...result, failure: { ...result.failure, message: withStderr(result.failure.message) } };
  return result;
}

/** The runner's decider: runner openai is an HTTP call, unless a tick-command overrides the preset. */
export function selectDecider(settings: Settings, env: NodeJS.ProcessEnv, tempDir: string): Decider {
  if (settings.runner !== 'openai' || settings.tickCommand !== undefined) return processDecider(settings, env, tempDir);
  // The HTTP client loads with the first decision: an idle beat makes none.
  return async (prompt, model) => (await import('./openai.ts')).openaiDecider(settings, env)(prompt, model);
}
