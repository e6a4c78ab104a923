/**
 * `npm run demo`: real beats of the bundled action, end to end, on this machine. It makes a
 * throwaway repository whose origin is a local bare repository, starts the GitHub stand-in
 * (test/github-standin, a local HTTP server that answers like GitHub's REST API), runs
 * `node dist/index.js` the way GitHub runs it, and plays the person: a steering change to the
 * state branch, an answer, an approval. It says what each beat did.
 *
 * The decisions come from a scripted runner (scripts/demo-runner.ts), not a model: this shows
 * the loop, not a model's judgment. `npm run demo -- --runner claude [--model haiku]` has a
 * real runner decide instead: its CLI on PATH (or `--runner-version 2.1.330` to have the
 * action install it) and its API key in the environment.
 *
 * Nothing here blocks: the stand-in and every beat are child processes waited on
 * asynchronously, each request to the stand-in uses a connection of its own, and the
 * temporary folder and the stand-in are gone when the demo ends, however it ends.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';

const project = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { runner: { type: 'string' }, model: { type: 'string' }, 'runner-version': { type: 'string' } } });
const root = mkdtempSync(path.join(os.tmpdir(), 'looop-demo-'));
const origin = path.join(root, 'origin.git');
const workspace = path.join(root, 'workspace');
const home = path.join(root, 'home');
const temp = path.join(root, 'runner-temp');
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' };
const person = ['-c', 'user.name=A Person', '-c', 'user.email=person@example.com'];
const [OWNER, REPO] = ['demo', 'project'];
const BEAT_TIMEOUT_MS = 180_000;

/** Children still running, ended (their whole process group) when the demo ends. */
const children = new Set<ChildProcess>();
let cleaning: Promise<void> | undefined;
const signalled = { stopping: false };

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all([...children].map(stopChild));
    // A killed beat's own children (git, a sensor) can still be writing for a moment.
    rmSync(root, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  })();
  return cleaning;
}

/** SIGTERM to the child's process group, SIGKILL if it is still there after a grace. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      signal(pid, 'SIGKILL');
    }, 3000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    signal(pid, 'SIGTERM');
  });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    // Already gone.
  }
}

for (const [name, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(name, () => {
    signalled.stopping = true;
    console.error(`\n${name}: stopping the stand-in and removing ${root}`);
    void cleanup().finally(() => process.exit(code));
  });
}

/** A child in its own process group, tracked until it exits. */
function start(file: string, argv: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): ChildProcess {
  const child = spawn(file, [...argv], { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => {
    children.delete(child);
  });
  return child;
}

const execFileAsync = promisify(execFile);
async function git(gitArgs: string[], cwd = workspace): Promise<string> {
  return (await execFileAsync('git', [...person, ...gitArgs], { cwd, env, encoding: 'utf8' })).stdout;
}

/** The GitHub stand-in, as its own process, as GitHub is to a real run. */
async function startGitHub(): Promise<string> {
  const server = start(process.execPath, [path.join(project, 'test/github-standin/server.ts'), '--port', '0']);
  server.stderr?.pipe(process.stderr);
  return new Promise((resolve, reject) => {
    let out = '';
    server.once('exit', (code) => {
      reject(new Error(`the GitHub stand-in exited (${String(code)}) before it listened`));
    });
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
    });
  });
}

const githubUrl = await startGitHub();

/**
 * One request to the stand-in on a connection of its own: a kept-alive socket can be closed
 * by the server while idle, and reusing it fails the request.
 */
function control(action: string, body?: object, query = `?owner=${OWNER}&repo=${REPO}`): Promise<unknown> {
  const url = `${githubUrl}/_standin/${action}${body === undefined ? query : ''}`;
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: body === undefined ? 'GET' : 'POST', agent: false, headers: { connection: 'close', 'content-type': 'application/json' } }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        if ((response.statusCode ?? 500) >= 400) reject(new Error(`the stand-in answered ${String(response.statusCode)} to ${action}: ${text}`));
        else resolve(JSON.parse(text));
      });
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`the stand-in did not answer ${action} in 30s`)));
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify({ owner: OWNER, repo: REPO, ...body }));
  });
}

interface Issue {
  number: number;
  title: string;
  state: string;
  body: string;
}

async function issues(): Promise<Issue[]> {
  return (await control('issues')) as Issue[];
}

const runnerInputs =
  args.runner === undefined
    ? { INPUT_RUNNER: 'custom', 'INPUT_TICK-COMMAND': `'${process.execPath}' '${path.join(project, 'scripts/demo-runner.ts')}'`, 'INPUT_STREAM-FORMAT': 'text' }
    : { INPUT_RUNNER: args.runner, INPUT_MODEL: args.model ?? '', 'INPUT_RUNNER-VERSION': args['runner-version'] ?? 'installed' };

/** What the action wrote to GITHUB_OUTPUT, in its name<<delimiter format. */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (match === null) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== match[2]) value.push(lines[i] ?? '');
    outputs[match[1] ?? ''] = value.join('\n');
  }
  return outputs;
}

/** The line the action ends its log with: what the beat came to. */
function headlineOf(stdout: string): string {
  const lines = stdout.split('\n');
  const last = lines.lastIndexOf('::endgroup::');
  return lines.slice(last + 1).find((line) => line.trim() !== '' && !line.startsWith('::')) ?? '';
}

/** A journal row without its time and beat cells. */
function journalEntry(row: string): string {
  const cells = row.split(' | ');
  return cells.length >= 6 ? `${cells[2] ?? ''}: ${cells.slice(3, -2).join(' | ')} → ${cells.at(-2) ?? ''}` : row;
}

let beats = 0;
/** One beat of the loop's workflow, as GitHub runs it. */
async function beat(title: string): Promise<void> {
  beats++;
  console.log(`\n━━ beat ${beats}: ${title}`);
  await runAction(runnerInputs);
}

/** One run of the worker workflow, as GitHub starts it from the beat's dispatch. */
async function workerRun(id: string): Promise<void> {
  beats++;
  console.log(`\n━━ worker run: worker ${id}, in a workflow run of its own`);
  await runAction({
    INPUT_MODE: 'worker',
    'INPUT_WORKER-ID': id,
    INPUT_RUNNER: 'custom',
    'INPUT_WORKER-COMMAND': `'${process.execPath}' '${path.join(project, 'scripts/demo-worker.ts')}'`,
    'INPUT_STREAM-FORMAT': 'text',
  });
}

async function runAction(inputs: Readonly<Record<string, string | undefined>>): Promise<void> {
  const output = path.join(temp, `output-${beats}`);
  writeFileSync(output, '');
  const before = await seen();
  const child = start(process.execPath, [path.join(project, 'dist/index.js')], {
    cwd: workspace,
    env: {
      ...process.env,
      ...env,
      ...inputs,
      INPUT_ALLOW: 'grep -rn --exclude-dir=.git TODO **\ngrep -c Install README.md',
      'INPUT_GITHUB-TOKEN': 'ghs_demo_workflow_token',
      GITHUB_API_URL: githubUrl,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_WORKSPACE: workspace,
      GITHUB_RUN_ID: String(100 + beats),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_EVENT_NAME: inputs.INPUT_MODE === 'worker' ? 'workflow_dispatch' : 'schedule',
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: temp,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => void stopChild(child), BEAT_TIMEOUT_MS);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  if (code !== 0) throw new Error(`run ${beats} failed (exit ${String(code)}):\n${stdout}${stderr}`);
  narrate(readOutputs(output), headlineOf(stdout), before, await seen());
}

/** What a person can see of the loop: its issues, its journal, the state branch's last commit. */
interface Seen {
  readonly issues: readonly Issue[];
  readonly journal: readonly string[];
  readonly head: string;
}

async function seen(): Promise<Seen> {
  const head = (await git(['log', '-1', '--format=%h %s', 'loop-state'], origin).catch(() => '')).trim();
  return { issues: await issues(), journal: await journalRows(), head };
}

/** The journal's rows on the state branch: what every step of a beat recorded, an approval's run too. */
async function journalRows(): Promise<string[]> {
  const journal = await git(['show', 'loop-state:journal.md'], origin).catch(() => '');
  return journal.split('\n').filter((line) => line.startsWith('| 20'));
}

function narrate(outputs: Record<string, string>, headline: string, before: Seen, after: Seen): void {
  console.log(`   ${headline}`);
  if (outputs.move !== undefined && outputs.move !== '') {
    const move = JSON.parse(outputs.move) as { type: string; reason: string };
    console.log(`   the decision: ${move.type}, because ${move.reason}`);
  }
  for (const row of after.journal.slice(before.journal.length)) console.log(`   journal: ${journalEntry(row)}`);
  for (const issue of after.issues) {
    const was = before.issues.find((b) => b.number === issue.number);
    if (was === undefined) console.log(`   opened issue #${issue.number}: ${issue.title}`);
    else if (was.state !== issue.state) console.log(`   ${issue.state} issue #${issue.number}: ${issue.title}`);
  }
  console.log(after.head === before.head ? '   no commit on the state branch' : `   state branch: ${after.head}`);
}

async function steer(files: Record<string, string>, executable: string[] = []): Promise<void> {
  const clone = path.join(root, `person-${beats}`);
  await git(['clone', '-q', '--branch', 'loop-state', origin, clone], root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    writeFileSync(path.join(clone, file), content);
    if (executable.includes(file)) chmodSync(path.join(clone, file), 0o755);
  }
  await git(['add', '-A'], clone);
  await git(['commit', '-q', '-m', 'Steer: goals and sensors'], clone);
  await git(['push', '-q', 'origin', 'HEAD:loop-state'], clone);
}

async function demo(): Promise<void> {
  for (const dir of [home, temp]) mkdirSync(dir);
  await git(['init', '-q', '--bare', '-b', 'main', origin], root);
  // As GitHub serves a fetch: blobs a partial fetch asks to leave out are left out.
  await git(['config', 'uploadpack.allowFilter', 'true'], origin);
  await git(['init', '-q', '-b', 'main', workspace], root);
  await git(['remote', 'add', 'origin', origin]);
  writeFileSync(path.join(workspace, 'README.md'), '# A project\n\nTODO: write the install section\n');
  await git(['add', '.']);
  await git(['commit', '-q', '-m', 'A project']);
  await git(['push', '-q', 'origin', 'HEAD:main']);
  await control('permission', { login: 'a-maintainer', role: 'maintain' });

  console.log(`A throwaway repository in ${root} (removed at the end); origin is a local bare repository.`);
  console.log(`GitHub is the stand-in at ${githubUrl} (repository ${OWNER}/${REPO}).`);
  console.log(args.runner === undefined ? 'Decisions come from a scripted runner: this shows the loop, not a model.' : `Decisions come from the ${args.runner} runner.`);

  await beat('no state branch yet: seed it from loop-state/, open the setup ask, decide');
  await beat('nothing changed: no runner call, no commit');

  const [setup] = await issues();
  await control('comment', { issueNumber: setup?.number, login: 'a-maintainer', body: 'Keep the docs free of TODO markers.' });
  await steer(
    {
      'goals/setup.md': '---\nstatus: archived\n---\n# Set up this loop\n',
      'goals/no-todos.md': '---\nstatus: active\npriority: 1\n---\n# No TODO markers left in the docs\n',
      'sensors/todos.sh': '#!/bin/sh\nprintf \'{"signal": {"todos": %s}}\\n\' "$(grep -r TODO --include=*.md . | wc -l)"\n',
    },
    ['sensors/todos.sh'],
  );
  console.log(`\n── a person answers the setup ask (#${setup?.number ?? '?'}) and merges a steering change: goal no-todos, sensor todos`);
  await beat('the answer is read, the world changed: run an allowed command');
  await beat("the command's output reaches the next decision, which wants a command outside allow: it asks");
  await beat('a question is pending and nothing changed: no runner call');

  const ask = (await issues()).find((issue) => issue.title.includes('sed'));
  const hash = /Hash: `([0-9a-f]{12})`/.exec(ask?.body ?? '')?.[1];
  if (ask === undefined || hash === undefined) throw new Error('the loop opened no ask for the sed command');
  await control('comment', { issueNumber: ask.number, login: 'a-maintainer', body: `/approve ${hash}` });
  console.log(`\n── a maintainer approves the ask in #${ask.number}: /approve ${hash}`);
  await beat('the approval runs exactly the move shown, once; the issue is closed with the outcome');
  console.log(`   README.md in the checkout now: ${readFileSync(path.join(workspace, 'README.md'), 'utf8').split('\n')[2] ?? ''}`);
  await beat('the sensor sees no TODO left: one more decision');
  await beat('nothing changed: no runner call, no commit');

  await steer({ 'goals/install-docs.md': '---\nstatus: active\npriority: 2\n---\n# The README says how to install the project\n' });
  console.log('\n── a person merges a steering change: goal install-docs');
  await beat('a new goal: the decision hands it to a worker, which is recorded and dispatched');
  const dispatched = ((await control('dispatches')) as { workflowId: string; inputs: Record<string, string> }[]).find((d) => d.workflowId === 'looop-worker.yml');
  if (dispatched?.inputs['worker-id'] === undefined) throw new Error('the beat dispatched no worker');
  console.log(`\n── GitHub starts looop-worker.yml with worker-id ${dispatched.inputs['worker-id']} (the demo plays GitHub: it runs the action in mode worker)`);
  await workerRun(dispatched.inputs['worker-id']);
  for (const pull of (await control('pulls')) as { number: number; title: string; head: { ref: string } }[]) console.log(`   pull request #${pull.number} from ${pull.head.ref}: ${pull.title}`);
  await beat("the worker's report wakes the loop: its pull request waits for a person to merge it");

  console.log('\n━━ the issues the loop opened on the stand-in\n');
  for (const issue of await issues()) {
    console.log(`#${issue.number} [${issue.state}] ${issue.title}`);
    const comments = (await control('comments', undefined, `?owner=${OWNER}&repo=${REPO}&number=${issue.number}`)) as { user: { login: string }; body: string }[];
    for (const c of comments) console.log(`   @${c.user.login}: ${c.body.replace('<!-- looop -->\n', '').split('\n')[0] ?? ''}`);
  }
  console.log('\n━━ the journal on the state branch (journal.md)\n');
  console.log(await git(['show', 'loop-state:journal.md'], origin));
  console.log('━━ the state branch\n');
  console.log(await git(['log', '--format=%h %s', 'loop-state'], origin));
}

try {
  await demo();
  console.log('The demo passed. Its repository and the stand-in are removed now.');
} catch (error) {
  if (!signalled.stopping) console.error(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
