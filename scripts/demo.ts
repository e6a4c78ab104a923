/**
 * `npm run demo`: real beats of the bundled action, end to end, on this machine. It makes a
 * throwaway repository whose origin is a local bare repository, starts the GitHub stand-in
 * (test/github-standin, a local HTTP server that answers like GitHub's REST API), runs
 * `node dist/index.js` the way GitHub runs it, and plays the person: a steering change to the
 * state branch, an answer, an approval. It prints what each beat did.
 *
 * The decisions come from a scripted runner (scripts/demo-runner.ts), not a model: this shows
 * the loop, not a model's judgment. `npm run demo -- --runner claude [--model haiku]` has a
 * real runner decide instead (its CLI and API key must be set up).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const project = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({ options: { runner: { type: 'string' }, model: { type: 'string' } } });
const root = mkdtempSync(path.join(os.tmpdir(), 'looop-demo-'));
const origin = path.join(root, 'origin.git');
const workspace = path.join(root, 'workspace');
const home = path.join(root, 'home');
const temp = path.join(root, 'runner-temp');
for (const dir of [home, temp]) mkdirSync(dir);
const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' };
const person = ['-c', 'user.name=A Person', '-c', 'user.email=person@example.com'];
const [OWNER, REPO] = ['demo', 'project'];

function git(gitArgs: string[], cwd = workspace): string {
  return execFileSync('git', [...person, ...gitArgs], { cwd, env, encoding: 'utf8' });
}

/** The GitHub stand-in, as its own process, as GitHub is to a real run. */
async function startGitHub(): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, [path.join(project, 'test/github-standin/server.ts'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = await createInterface({ input: server.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value as string]);
  return { url: (JSON.parse(line ?? '{}') as { url: string }).url, stop: () => server.kill() };
}

const github = await startGitHub();
async function control(action: string, body?: object): Promise<unknown> {
  const query = body === undefined ? `?owner=${OWNER}&repo=${REPO}` : '';
  const response = await fetch(`${github.url}/_standin/${action}${query}`, body === undefined ? {} : { method: 'POST', body: JSON.stringify({ owner: OWNER, repo: REPO, ...body }) });
  return response.json();
}

const runnerInputs = args.runner === undefined
  ? { INPUT_RUNNER: 'custom', 'INPUT_TICK-COMMAND': `'${process.execPath}' '${path.join(project, 'scripts/demo-runner.ts')}'`, 'INPUT_STREAM-FORMAT': 'text' }
  : { INPUT_RUNNER: args.runner, INPUT_MODEL: args.model ?? '' };

let beats = 0;
function beat(title: string): void {
  beats++;
  console.log(`\n━━ beat ${beats}: ${title}`);
  const output = path.join(temp, `output-${beats}`);
  writeFileSync(output, '');
  const run = spawnSync(process.execPath, [path.join(project, 'dist/index.js')], {
    cwd: workspace,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...env,
      ...runnerInputs,
      INPUT_ALLOW: 'grep -rn --exclude-dir=.git TODO **',
      'INPUT_GITHUB-TOKEN': 'ghs_demo_workflow_token',
      GITHUB_API_URL: github.url,
      GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
      GITHUB_WORKSPACE: workspace,
      GITHUB_RUN_ID: String(100 + beats),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_EVENT_NAME: 'schedule',
      GITHUB_OUTPUT: output,
      RUNNER_TEMP: temp,
    },
  });
  const said = run.stdout.split('\n').find((line) => !line.startsWith('::') && line.trim() !== '') ?? '';
  console.log(`   ${said}`);
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    github.stop();
    process.exit(1);
  }
}

function steer(files: Record<string, string>, executable: string[] = []): void {
  const clone = path.join(root, `person-${beats}`);
  git(['clone', '-q', '--branch', 'loop-state', origin, clone], root);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(clone, file)), { recursive: true });
    writeFileSync(path.join(clone, file), content);
    if (executable.includes(file)) chmodSync(path.join(clone, file), 0o755);
  }
  git(['add', '-A'], clone);
  git(['commit', '-q', '-m', 'Steer: a goal and a sensor for TODOs'], clone);
  git(['push', '-q', 'origin', 'HEAD:loop-state'], clone);
}

interface Issue {
  number: number;
  title: string;
  state: string;
  body: string;
}

async function askIssues(): Promise<Issue[]> {
  return (await control('issues')) as Issue[];
}

git(['init', '-q', '--bare', '-b', 'main', origin], root);
git(['init', '-q', '-b', 'main', workspace], root);
git(['remote', 'add', 'origin', origin]);
writeFileSync(path.join(workspace, 'README.md'), '# A project\n\nTODO: write the install section\n');
git(['add', '.']);
git(['commit', '-q', '-m', 'A project']);
git(['push', '-q', 'origin', 'HEAD:main']);
await control('permission', { login: 'a-maintainer', role: 'maintain' });

console.log(`A throwaway repository in ${root}; origin is a local bare repository.`);
console.log(`GitHub is the stand-in at ${github.url} (repository ${OWNER}/${REPO}).`);
console.log(args.runner === undefined ? 'Decisions come from a scripted runner: this shows the loop, not a model.' : `Decisions come from the ${args.runner} runner.`);

beat('no state branch yet: seed it from loop-state/, open the setup ask, decide');
beat('nothing changed: no runner call, no commit');

const [setup] = await askIssues();
await control('comment', { issueNumber: setup?.number, login: 'a-maintainer', body: 'Keep the docs free of TODO markers.' });
steer(
  {
    'goals/setup.md': '---\nstatus: archived\n---\n# Set up this loop\n',
    'goals/no-todos.md': '---\nstatus: active\npriority: 1\n---\n# No TODO markers left in the docs\n',
    'sensors/todos.sh': '#!/bin/sh\nprintf \'{"signal": {"todos": %s}}\\n\' "$(grep -r TODO --include=*.md . | wc -l)"\n',
  },
  ['sensors/todos.sh'],
);
console.log(`\n── a person answers the setup ask (#${setup?.number ?? '?'}) and merges a steering change: goal no-todos, sensor todos`);
beat('the answer is read, the world changed: run an allowed command');
beat("the command's output reaches the next decision, which wants a command outside allow: it asks");
beat('a question is pending and nothing changed: no runner call');

const ask = (await askIssues()).find((issue) => issue.title.includes('sed'));
const hash = /Hash: `([0-9a-f]{12})`/.exec(ask?.body ?? '')?.[1] ?? '';
await control('comment', { issueNumber: ask?.number, login: 'a-maintainer', body: `/approve ${hash}` });
console.log(`\n── a maintainer approves the ask in #${ask?.number ?? '?'}: /approve ${hash}`);
beat('the approval runs exactly the move shown, once; the issue is closed with the outcome');
beat('the sensor sees no TODO left: one more decision, a noop');
beat('nothing changed: no runner call, no commit');

console.log('\n━━ the issues the loop opened on the stand-in\n');
for (const issue of await askIssues()) {
  console.log(`#${issue.number} [${issue.state}] ${issue.title}`);
  const comments = (await (await fetch(`${github.url}/_standin/comments?owner=${OWNER}&repo=${REPO}&number=${issue.number}`)).json()) as { user: { login: string }; body: string }[];
  for (const c of comments) console.log(`   @${c.user.login}: ${c.body.replace('<!-- looop -->\n', '').split('\n')[0] ?? ''}`);
}
console.log('\n━━ the journal on the state branch (journal.md)\n');
console.log(git(['show', 'loop-state:journal.md'], origin));
console.log('━━ the state branch\n');
console.log(git(['log', '--format=%h %s', 'loop-state'], origin));
console.log(`━━ README.md in the checkout, after the approved command\n\n${readFileSync(path.join(workspace, 'README.md'), 'utf8')}`);
console.log(`\nLook around: git -C ${origin} log -p loop-state`);
github.stop();
