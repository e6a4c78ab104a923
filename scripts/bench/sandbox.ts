/** Throwaway repositories with a bare origin, and the bundled action run in them as GitHub runs it. */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const project = path.resolve(import.meta.dirname, '../..');

export interface Sandbox {
  root: string;
  workspace: string;
  origin: string;
  env: Record<string, string>;
  git(args: string[], cwd?: string, input?: string | Buffer): string;
}

export interface Run {
  ms: number;
  rssMb: number;
}

/**
 * Writes the process's peak memory (VmHWM, kB) to a file at exit. Not getrusage's maxRSS: Linux
 * keeps that across exec, so a child reports at least what the bench process held when it
 * forked (85 MB after the parsing pass, over a beat's 64). The file's name is in the hook
 * itself: the action re-executes itself with its flags but without the step's environment.
 */
function rssHook(file: string): string {
  return `data:text/javascript,import{readFileSync,writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(${encodeURIComponent(JSON.stringify(file))},/VmHWM:\\s*(\\d+)/.exec(readFileSync("/proc/self/status","utf8"))[1]))`;
}

const made: string[] = [];

/** Removes every sandbox this process made. */
export function removeSandboxes(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/**
 * Where sandboxes go: the system's temporary folder, or LOOOP_BENCH_DIR. (On the development
 * machine a file made under /tmp costs ten times one made elsewhere on the same disk, which
 * a beat that writes a thousand goals into its view feels; GitHub's RUNNER_TEMP is an ordinary folder.)
 */
export const BENCH_DIR = path.resolve(process.env.LOOOP_BENCH_DIR ?? os.tmpdir());

/** A new folder of the bench's, removed with the sandboxes. */
export function benchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(BENCH_DIR, prefix));
  made.push(dir);
  return dir;
}

export function sandbox(): Sandbox {
  const root = benchDir('looop-bench-');
  const workspace = path.join(root, 'workspace');
  const origin = path.join(root, 'origin.git');
  mkdirSync(path.join(root, 'home'));
  mkdirSync(path.join(root, 'tmp'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: path.join(root, 'home'), LANG: 'C.UTF-8' };
  const git = (args: string[], cwd = workspace, input?: string | Buffer): string =>
    execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', ...args], { cwd, env, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, ...(input === undefined ? {} : { input }) });
  git(['init', '-q', '--bare', '-b', 'main', origin], root);
  // As GitHub serves a fetch and takes a push: blobs a partial fetch asks to leave out are left
  // out, and no garbage collection runs inside a push.
  git(['config', 'uploadpack.allowFilter', 'true'], origin);
  git(['config', 'receive.autogc', 'false'], origin);
  git(['init', '-q', '-b', 'main', workspace], root);
  git(['remote', 'add', 'origin', origin]);
  git(['commit', '-q', '--allow-empty', '-m', 'start']);
  git(['push', '-q', 'origin', 'HEAD:main']);
  for (const file of ['summary', 'output']) writeFileSync(path.join(root, file), '');
  return { root, workspace, origin, env, git };
}

/** Runs a bundled action's entry in the sandbox's checkout, with the step's environment. */
export async function runAction(box: Sandbox, entry: string, extraEnv: Record<string, string> = {}): Promise<Run> {
  const rssFile = path.join(box.root, 'rss');
  const started = performance.now();
  const run = await spawnAsync(process.execPath, [...reportFlags(), '--import', rssHook(rssFile), entry], {
    cwd: box.workspace,
    env: {
      ...box.env,
      INPUT_RUNNER: 'custom',
      'INPUT_TICK-COMMAND': 'echo \'{"type":"noop","reason":"bench"}\'',
      GITHUB_WORKSPACE: box.workspace,
      RUNNER_TEMP: path.join(box.root, 'tmp'),
      GITHUB_STEP_SUMMARY: path.join(box.root, 'summary'),
      GITHUB_OUTPUT: path.join(box.root, 'output'),
      ...extraEnv,
    },
  });
  const ms = performance.now() - started;
  if (run.code !== 0) throw new Error(`${entry} failed: ${run.stdout}${run.stderr}`);
  return { ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

/** The bundle the bench runs: this checkout's, or another build's to compare with (LOOOP_BENCH_ACTION). */
export const ACTION = process.env.LOOOP_BENCH_ACTION ?? path.join(project, 'dist/index.js');

/** Async, so a GitHub stand-in in this process can answer the beat while it runs. */
export function beat(box: Sandbox, github?: { url: string }): Promise<Run> {
  return runAction(box, ACTION, github === undefined ? {} : { 'INPUT_GITHUB-TOKEN': 'ghs_bench', GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'bench/project' });
}

/**
 * How long one run may take before the bench calls it hung: a beat takes seconds. Once, on this
 * machine, a seed beat sat in epoll_wait with no child for nine minutes and never came back;
 * the report it is asked for (its JS stack and the libuv handles that kept it alive) is what
 * that hang did not leave.
 */
const HANG_MS = hangLimit(process.env.LOOOP_BENCH_HANG_SECONDS);

function hangLimit(setting: string | undefined): number {
  const seconds = Number(setting ?? 120);
  // setTimeout fires at once past 2^31 - 1 ms, as for NaN or 0.
  if (!(seconds > 0 && seconds <= 2_147_483)) throw new Error(`LOOOP_BENCH_HANG_SECONDS must be a number of seconds above 0 and at most 2147483, not ${JSON.stringify(setting)}`);
  return seconds * 1000;
}

const REPORT_SIGNAL = 'SIGUSR2';
const REPORT_GRACE_MS = 5000;

/** Node's flags for every run the bench times (the minimal action's too, so both carry them): a diagnostic report on REPORT_SIGNAL. */
function reportFlags(): string[] {
  return ['--report-on-signal', `--report-signal=${REPORT_SIGNAL}`, `--report-directory=${BENCH_DIR}`];
}

function spawnAsync(file: string, args: string[], options: { cwd: string; env: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    let hung = false;
    const watchdog = setTimeout(() => {
      hung = true;
      child.kill(REPORT_SIGNAL);
      setTimeout(() => child.kill('SIGKILL'), REPORT_GRACE_MS).unref();
    }, HANG_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(watchdog);
      if (hung) reject(new Error(hangMessage(child.pid, args, stdout, stderr)));
      else resolve({ code, stdout, stderr });
    });
  });
}

function hangMessage(pid: number | undefined, args: string[], stdout: string, stderr: string): string {
  return (
    `${args.at(-1) ?? ''} (pid ${String(pid)}) ran for ${HANG_MS / 1000}s without ending, and was killed (LOOOP_BENCH_HANG_SECONDS sets the limit). ` +
    `${reportsOf(pid)} Its output so far:\n${stdout}${stderr}`
  );
}

/** Where the run's diagnostic report is, said as a sentence. */
function reportsOf(pid: number | undefined): string {
  let reports: string[];
  try {
    reports = readdirSync(BENCH_DIR).filter((file) => file.startsWith('report.') && file.includes(`.${String(pid)}.`));
  } catch (error) {
    return `Its diagnostic report could not be looked for in ${BENCH_DIR}: ${(error as Error).message}.`;
  }
  return reports.length > 0 ? `Its diagnostic report (JS stack, libuv handles): ${reports.map((file) => path.join(BENCH_DIR, file)).join(', ')}.` : 'It wrote no diagnostic report.';
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** A person's change to the state branch: files to write, executable when `mode` says so. */
export function steer(box: Sandbox, files: Record<string, string>, executable = false): void {
  const clone = mkdtempSync(path.join(box.root, 'steer-'));
  box.git(['clone', '-q', '--branch', 'loop-state', box.origin, clone], box.root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    writeFileSync(path.join(clone, file), content);
    if (executable) chmodSync(path.join(clone, file), 0o755);
  }
  box.git(['add', '-A'], clone);
  box.git(['commit', '-q', '-m', 'steer'], clone);
  box.git(['push', '-q', 'origin', 'HEAD:loop-state'], clone);
}
