import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SettingsError, type Settings, type StreamFormatName } from '../settings.ts';
import { runnerEnvironment } from '../shell/environment.ts';
import { describeExit, runProcess } from '../shell/process.ts';
import type { RunnerResult } from './result.ts';
import { streamParser, type StreamFormat } from './streams/index.ts';

/** One decision: the prompt in, the runner's normalized result out. */
export type Decider = (prompt: string, model: string | undefined) => Promise<DecisionRun>;

export interface DecisionRun {
  readonly result: RunnerResult;
  /** What the runner printed (its end, when long), for the record and for error messages. */
  readonly raw: string;
  readonly durationMs: number;
}

/** How a runner is started: a program and its arguments, or a shell command line. */
export interface Invocation {
  readonly file: string;
  readonly args: readonly string[];
  /** The prompt goes on stdin unless the command reads it from the prompt file. */
  readonly stdin: boolean;
  readonly format: StreamFormat;
}

const PROMPT_PLACEHOLDER = '{{prompt_file}}';
const RAW_KEPT_BYTES = 256 * 1024;
/** A runner that printed its final result gets this long to exit on its own. */
const LINGER_MS = 5000;

const supportedFormats: ReadonlySet<StreamFormatName> = new Set(['text', 'claude', 'codex']);

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The exact command line of a decision, from the preset or the workflow's tick-command. */
export function invocation(settings: Settings, model: string | undefined, promptFile: string): Invocation {
  if (settings.tickCommand !== undefined) {
    const command = settings.tickCommand.replaceAll(PROMPT_PLACEHOLDER, quote(promptFile));
    return { file: 'bash', args: ['-c', command], stdin: !settings.tickCommand.includes(PROMPT_PLACEHOLDER), format: streamFormat(settings) };
  }
  if (settings.runner === 'claude') {
    // --tools "" turns every tool off: the decider answers, it never acts. The prompt goes on
    // stdin because an argument right after --tools "" would be taken as its value.
    const args = ['-p', '--output-format', 'stream-json', '--verbose', '--tools', ''];
    return { file: 'claude', args: model === undefined ? args : [...args, '--model', model], stdin: true, format: streamFormat(settings) };
  }
  throw new SettingsError(
    `runner "${settings.runner}" has no preset in this version yet: set input "tick-command" (and "stream-format"), or use runner claude or custom.`,
  );
}

function streamFormat(settings: Settings): StreamFormat {
  const format: StreamFormatName = settings.streamFormat ?? (settings.runner === 'custom' || settings.runner === 'openai' ? 'text' : settings.runner);
  if (!isSupported(format)) {
    throw new SettingsError(`stream-format "${format}" is not supported by this version; use text, claude or codex.`);
  }
  return format;
}

function isSupported(format: StreamFormatName): format is StreamFormat {
  return supportedFormats.has(format);
}

/** The real decider: the runner as a child process, bounded by tick-timeout. */
export function processDecider(settings: Settings, env: NodeJS.ProcessEnv, tempDir: string): Decider {
  // Wiring mistakes fail the step before the beat starts, not as a decide failure later.
  invocation(settings, settings.model, PROMPT_PLACEHOLDER);
  return async (prompt, model) => {
    const dir = await mkdtemp(path.join(tempDir, 'looop-decide-'));
    try {
      const promptFile = path.join(dir, 'prompt.md');
      await writeFile(promptFile, prompt);
      const how = invocation(settings, model, promptFile);
      const parser = streamParser(how.format);
      let raw = '';
      const exit = await runProcess({
        file: how.file,
        args: how.args,
        cwd: dir,
        env: runnerEnvironment(env),
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
  if (exit.spawnError !== undefined) return { ...result, ok: false, failure: { kind: 'exit', message: withStderr(describeExit(exit, timeoutMs)) } };
  if (exit.timedOut && !result.ok) return { ...result, ok: false, failure: { kind: 'timeout', message: describeExit(exit, timeoutMs) } };
  if (format === 'text' && exit.code !== 0 && !exit.timedOut) {
    return { ...result, ok: false, failure: { kind: 'exit', message: withStderr(describeExit(exit, timeoutMs)) } };
  }
  if (!result.ok && result.failure !== undefined) return { ...result, failure: { ...result.failure, message: withStderr(result.failure.message) } };
  return result;
}
