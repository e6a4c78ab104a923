/**
 * `npm run bench`: the figures that say whether the loop is cheap when idle, printed with
 * their targets. Runs the bundled action as GitHub does, on throwaway local repositories.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatJournalLine, JOURNAL_HEADER } from '../src/state/journal.ts';
import { buildPrompt } from '../src/prompt/build.ts';
import { senseResources } from '../src/resources/index.ts';
import { readStateDir } from '../src/state/read.ts';
import { claudeStream } from '../src/runners/streams/claude.ts';
import { startStandin } from '../test/github-standin/server.ts';

const project = path.resolve(import.meta.dirname, '..');
const RUNS = 9;
/**
 * Writes the process's peak memory to a file at exit. The file's name is in the hook itself: the
 * action re-executes itself with its flags but without the step's environment.
 */
function rssHook(file: string): string {
  return `data:text/javascript,import{writeFileSync}from"node:fs";process.on("exit",()=>writeFileSync(${encodeURIComponent(JSON.stringify(file))},String(process.resourceUsage().maxRSS)))`;
}

interface Sandbox {
  root: string;
  workspace: string;
  env: Record<string, string>;
  git(args: string[], cwd?: string): string;
}

function sandbox(): Sandbox {
  const root = mkdtempSync(path.join(os.tmpdir(), 'looop-bench-'));
  const workspace = path.join(root, 'workspace');
  const origin = path.join(root, 'origin.git');
  mkdirSync(path.join(root, 'home'));
  mkdirSync(path.join(root, 'tmp'));
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: path.join(root, 'home'), LANG: 'C.UTF-8' };
  const git = (args: string[], cwd = workspace): string =>
    execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', ...args], { cwd, env, encoding: 'utf8' });
  git(['init', '-q', '--bare', '-b', 'main', origin], root);
  git(['init', '-q', '-b', 'main', workspace], root);
  git(['remote', 'add', 'origin', origin]);
  git(['commit', '-q', '--allow-empty', '-m', 'start']);
  git(['push', '-q', 'origin', 'HEAD:main']);
  for (const file of ['summary', 'output']) writeFileSync(path.join(root, file), '');
  return { root, workspace, env, git };
}

/** Async, so a GitHub stand-in in this process can answer the beat while it runs. */
async function beat(box: Sandbox, github?: { url: string }): Promise<{ ms: number; rssMb: number }> {
  const rssFile = path.join(box.root, 'rss');
  const started = performance.now();
  const run = await spawnAsync(process.execPath, ['--import', rssHook(rssFile), path.join(project, 'dist/index.js')], {
    cwd: box.workspace,
    env: {
      ...box.env,
      INPUT_RUNNER: 'custom',
      'INPUT_TICK-COMMAND': 'echo \'{"type":"noop","reason":"bench"}\'',
      GITHUB_WORKSPACE: box.workspace,
      RUNNER_TEMP: path.join(box.root, 'tmp'),
      GITHUB_STEP_SUMMARY: path.join(box.root, 'summary'),
      GITHUB_OUTPUT: path.join(box.root, 'output'),
      ...(github === undefined ? {} : { 'INPUT_GITHUB-TOKEN': 'ghs_bench', GITHUB_API_URL: github.url, GITHUB_REPOSITORY: 'bench/project' }),
    },
  });
  const ms = performance.now() - started;
  if (run.code !== 0) throw new Error(`the beat failed: ${run.stdout}${run.stderr}`);
  return { ms, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
}

function spawnAsync(file: string, args: string[], options: { cwd: string; env: Record<string, string> }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function idleBeats(box: Sandbox, github?: { url: string }): Promise<{ ms: number; rssMb: number }> {
  await beat(box, github); // the first beat after a change decides; the rest are idle
  const runs: { ms: number; rssMb: number }[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await beat(box, github));
  return { ms: median(runs.map((r) => r.ms)), rssMb: Math.max(...runs.map((r) => r.rssMb)) };
}

function nodeStartup(): number {
  const runs = Array.from({ length: RUNS }, () => {
    const started = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    return performance.now() - started;
  });
  return median(runs);
}

/** A person's change to the state branch: files to write, executable when `mode` says so. */
function steer(box: Sandbox, files: Record<string, string>, executable = false): void {
  const clone = mkdtempSync(path.join(box.root, 'steer-'));
  box.git(['clone', '-q', '--branch', 'loop-state', path.join(box.root, 'origin.git'), clone], box.root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    writeFileSync(path.join(clone, file), content);
    if (executable) chmodSync(path.join(clone, file), 0o755);
  }
  box.git(['add', '-A'], clone);
  box.git(['commit', '-q', '-m', 'steer'], clone);
  box.git(['push', '-q', 'origin', 'HEAD:loop-state'], clone);
}

function addSensors(box: Sandbox, count: number, seconds: number): void {
  const files = Object.fromEntries(Array.from({ length: count }, (_, i) => [`sensors/slow-${i}`, `#!/bin/sh\nsleep ${seconds}\necho '{"signal": ${i}}'\n`]));
  steer(box, files, true);
}

/** Requests an idle beat makes, and its time, with `open` pending asks whose issues exist. */
async function idleWithAsks(open: number): Promise<{ requests: number; ms: number }> {
  const standin = await startStandin();
  try {
    const box = sandbox();
    await beat(box, standin); // seeds, opens the setup ask
    const setup = standin.issues('bench', 'project')[0]?.number ?? 0;
    standin.addComment('bench', 'project', setup, { login: 'bench', body: '/deny' });
    standin.setPermission('bench', 'project', 'bench', 'admin');
    const files: Record<string, string> = {};
    for (let i = 0; i < open; i++) {
      const issue = standin.addIssue('bench', 'project', { login: 'github-actions[bot]', type: 'Bot', title: `ask ${i}`, labels: ['looop:ask'] });
      // As the loop writes them: the front matter in JSON.
      const ask = { id: `q-${i}`, status: 'pending', question: `question ${i}`, reason: 'r', issue: issue.number, created: '2026-11-23T00:00:00Z' };
      files[`asks/q-${i}.md`] = `---\n${JSON.stringify(ask, null, 2)}\n---\n# question ${i}\n`;
    }
    if (open > 0) steer(box, files);
    await beat(box, standin); // reads the denial and the new asks, decides
    await beat(box, standin); // the decision's follow-up, if any
    standin.resetRequests();
    const idle = await idleBeats(box, standin);
    return { requests: standin.requests.length / (RUNS + 1), ms: idle.ms };
  } finally {
    await standin.close();
  }
}

async function promptBytes(journalLines: number): Promise<number> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'looop-bench-prompt-'));
  try {
    execFileSync('cp', ['-r', `${path.join(project, 'loop-state')}/.`, dir]);
    const rows = Array.from({ length: journalLines }, (_, i) =>
      formatJournalLine({ at: new Date(Date.UTC(2026, 0, 1, 0, i)), beat: `${1000 + i}-1`, move: 'noop', summary: `nothing to do, beat ${i}`, outcome: 'ok' }),
    );
    writeFileSync(path.join(dir, 'journal.md'), `${JOURNAL_HEADER}${rows.join('\n')}\n`);
    const state = await readStateDir(dir);
    const readings = [{ name: 'repo-head', signal: { head: 'f'.repeat(40) }, detail: { subject: 'a commit' } }];
    return Buffer.byteLength(buildPrompt({ state, readings, virtual: senseResources(state), changed: ['repo-head'], beat: '1-1', now: new Date() }).text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Parses a claude stream of `megabytes` (the captured events repeated, in 64 KiB reads) and
 * reports throughput and how far the heap grew: it must not grow with the stream.
 */
function parseThroughput(megabytes: number): { mbPerS: number; heapGrowthMb: number } {
  const events = readFileSync(path.join(project, 'test/fixtures/runner-streams/claude-stream-gleam-tooluse-session.jsonl'), 'utf8');
  const body = events.split('\n').filter((line) => line.trim() !== '' && !line.includes('"type":"result"')).join('\n') + '\n';
  const result = events.split('\n').find((line) => line.includes('"type":"result"')) ?? '';
  const chunk = Buffer.from(body.repeat(Math.ceil(65_536 / body.length))).subarray(0, 65_536).toString('latin1');
  const chunks = Math.ceil((megabytes * 1024 * 1024) / chunk.length);
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const parser = claudeStream();
  const started = performance.now();
  for (let i = 0; i < chunks; i++) {
    parser.push(chunk);
    if (i % 64 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  parser.push(`\n${result}\n`);
  parser.end();
  const seconds = (performance.now() - started) / 1000;
  return { mbPerS: (chunks * chunk.length) / 1024 / 1024 / seconds, heapGrowthMb: (peak - before) / 1024 / 1024 };
}

function row(name: string, figure: string, target: string, ok: boolean): void {
  console.log(`${ok ? 'ok  ' : 'MISS'}  ${name.padEnd(46)} ${figure.padStart(16)}   target ${target}`);
}

const startup = nodeStartup();
const idle = await idleBeats(sandbox());
const box = sandbox();
await beat(box);
addSensors(box, 20, 0.2);
const withSensors = await idleBeats(box);
const overhead = withSensors.ms - idle.ms;
const [small, large, seed] = await Promise.all([promptBytes(1000), promptBytes(10_000), promptBytes(0)]);
const asks = [await idleWithAsks(0), await idleWithAsks(10), await idleWithAsks(100)];
const [parse10, parse50] = [parseThroughput(10), parseThroughput(50)];

console.log(`looop-action bench, Node ${process.version}, median of ${RUNS} runs\n`);
row('node -e 0 (for scale)', `${startup.toFixed(0)} ms`, '-', true);
row('idle beat: node dist/index.js, unchanged world', `${idle.ms.toFixed(0)} ms`, '<= 250 ms', idle.ms <= 250);
row('idle beat: peak memory', `${idle.rssMb.toFixed(1)} MB`, '<= 120 MB', idle.rssMb <= 120);
row('idle beat with 20 sensors of 200 ms', `${withSensors.ms.toFixed(0)} ms`, '-', true);
row('  cost of the 20 sensors over the idle beat', `${overhead.toFixed(0)} ms`, '<= 300 ms (1.5 x 200)', overhead <= 300);
row('prompt bytes, journal of 1,000 lines', `${small} B`, '-', true);
row('prompt bytes, journal of 10,000 lines', `${large} B`, '-', true);
row('  ratio 10,000 / 1,000', (large / small).toFixed(3), '<= 1.05', large / small <= 1.05);
row('seed prompt size', `${(seed / 1024).toFixed(1)} KB`, '<= 12 KB', seed <= 12 * 1024);
for (const [i, open] of [0, 10, 100].entries()) {
  const limit = open === 100 ? 3 : 2;
  const requests = asks[i]?.requests ?? Infinity;
  row(`API requests per idle beat, ${open} open asks`, requests.toFixed(1), `<= ${limit}`, requests <= limit);
}
const [none, hundred] = [asks[0]?.ms ?? 0, asks[2]?.ms ?? 0];
row('parse a 50 MB claude stream', `${parse50.mbPerS.toFixed(0)} MB/s`, '>= 100 MB/s', parse50.mbPerS >= 100);
row('  heap growth while parsing 10 MB / 50 MB', `${parse10.heapGrowthMb.toFixed(1)} / ${parse50.heapGrowthMb.toFixed(1)} MB`, 'flat (50 MB <= 10 MB + 16)', parse50.heapGrowthMb <= parse10.heapGrowthMb + 16);
row('idle beat with 100 open asks (vs none, GitHub stand-in)', `${hundred.toFixed(0)} ms`, `<= ${(1.2 * none).toFixed(0)} ms (1.2 x ${none.toFixed(0)})`, hundred <= 1.2 * none);
