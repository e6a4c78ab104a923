import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Sandbox } from './git.ts';

export const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE = path.join(PROJECT, 'dist/index.js');
/** The stand-in runners' sources, and where test/setup/runners.ts writes them as JavaScript (each run, before any test). */
export const RUNNER_SOURCES = path.join(PROJECT, 'test/fixtures/runners');
export const RUNNERS = path.join(PROJECT, 'node_modules/.cache/looop-test-runners');
export const STREAMS = path.join(PROJECT, 'test/fixtures/runner-streams');

export interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Record<string, string>;
  /** The job summary as a person reads it: the escapes that keep untrusted words plain text undone. */
  readonly summary: string;
  /** The job summary as written, escapes and all. */
  readonly summaryMarkdown: string;
}

/** Undoes src/text/markdown.ts's plainText: its entities and line breaks. */
export function readSummary(markdown: string): string {
  return markdown
    .replace(/<br>/g, '\n')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
}

export interface ActionOptions {
  readonly inputs: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly runId?: string;
  readonly eventName?: string;
  readonly event?: unknown;
  /** Told the action's process id as it starts (a test can kill it mid-beat). */
  readonly onSpawn?: (pid: number) => void;
  /** Node's own flags before the bundle (the re-executed process keeps them). */
  readonly nodeArgs?: readonly string[];
}

let runs = 0;

/** Runs the bundled action as GitHub does: node dist/index.js with INPUT_*, GITHUB_* and an event file. */
export function runAction(sandbox: Sandbox, options: ActionOptions): Promise<ActionRun> {
  const n = ++runs;
  const outputFile = path.join(sandbox.temp, `output-${n}`);
  const summaryFile = path.join(sandbox.temp, `summary-${n}`);
  const eventFile = path.join(sandbox.temp, `event-${n}.json`);
  for (const file of [outputFile, summaryFile]) writeFileSync(file, '');
  writeFileSync(eventFile, JSON.stringify(options.event ?? {}));
  const inputs = Object.fromEntries(Object.entries(options.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const env = {
    ...sandbox.env,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: sandbox.workspace,
    GITHUB_REPOSITORY: 'octo/project',
    GITHUB_RUN_ID: options.runId ?? String(1000 + n),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_EVENT_NAME: options.eventName ?? 'schedule',
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: sandbox.temp,
    ...inputs,
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), BUNDLE], { cwd: sandbox.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const summaryMarkdown = readFileSync(summaryFile, 'utf8');
      resolve({ code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readSummary(summaryMarkdown), summaryMarkdown });
    });
  });
}

/** GITHUB_OUTPUT's heredoc format: name<<delimiter, value lines, delimiter. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (match === null) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '');
    outputs[name ?? ''] = value.join('\n');
  }
  return outputs;
}
