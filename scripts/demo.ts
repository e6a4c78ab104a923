/**
 * `npm run demo`: real beats of the bundled action, end to end, on this machine. It makes a
 * throwaway repository whose origin is a local bare repository, runs `node dist/index.js` the
 * way GitHub runs it, steers the loop the way a person would (a pushed change to the state
 * branch), and prints what each beat did.
 *
 * The decisions come from a scripted runner (scripts/demo-runner.ts), not a model: this shows
 * the loop, not a model's judgment. `npm run demo -- --runner claude [--model sonnet]` has a
 * real runner decide instead (its CLI and API key must be set up).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

function git(gitArgs: string[], cwd = workspace): string {
  return execFileSync('git', [...person, ...gitArgs], { cwd, env, encoding: 'utf8' });
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
      'INPUT_STATE-BRANCH': 'loop-state',
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

git(['init', '-q', '--bare', '-b', 'main', origin], root);
git(['init', '-q', '-b', 'main', workspace], root);
git(['remote', 'add', 'origin', origin]);
writeFileSync(path.join(workspace, 'README.md'), '# A project\n\nTODO: write the install section\n');
git(['add', '.']);
git(['commit', '-q', '-m', 'A project']);
git(['push', '-q', 'origin', 'HEAD:main']);

console.log(`A throwaway repository in ${root}; origin is a local bare repository.`);
console.log(args.runner === undefined ? 'Decisions come from a scripted runner: this shows the loop, not a model.' : `Decisions come from the ${args.runner} runner.`);

beat('no state branch yet: seed it from loop-state/, sense, decide');
beat('nothing changed: no runner call, no commit');
steer(
  {
    'goals/setup.md': '---\nstatus: archived\n---\n# Set up this loop\n',
    'goals/no-todos.md': '---\nstatus: active\npriority: 1\n---\n# No TODOs left in the docs\n',
    'sensors/todos.sh': '#!/bin/sh\nprintf \'{"signal": {"todos": %s}}\\n\' "$(grep -r TODO --include=*.md . | wc -l)"\n',
  },
  ['sensors/todos.sh'],
);
console.log('\n── a person merges a steering change: archives setup, adds goal no-todos and sensor todos');
beat('the world changed: decide, run an allowed command');
beat("the command's output is shown to the next decision");
beat('nothing changed: no runner call, no commit');

console.log('\n━━ the journal on the state branch (journal.md)\n');
console.log(git(['show', 'loop-state:journal.md'], origin));
console.log('━━ the state branch\n');
console.log(git(['log', '--format=%h %s', 'loop-state'], origin));
console.log(`━━ goals/no-todos.md\n\n${git(['show', 'loop-state:goals/no-todos.md'], origin)}`);
console.log(`Look around: git -C ${origin} log -p loop-state`);
