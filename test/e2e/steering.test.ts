import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startStandin, type Standin } from '../github-standin/server.ts';
import { PROJECT, runAction, type ActionRun } from '../helpers/action.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';
import { ACTION_TOKEN, makeLoop, noop } from '../helpers/loop.ts';

const OWNER = 'octo';

/** A real payload GitHub sends, from @octokit/webhooks-examples. */
function payload(name: string, action?: string): Record<string, unknown> {
  const file = createRequire(import.meta.url).resolve('@octokit/webhooks-examples');
  const examples = JSON.parse(readFileSync(file, 'utf8')) as { name: string; examples: Record<string, unknown>[] }[];
  const example = examples.find((e) => e.name === name)?.examples.find((e) => action === undefined || e.action === action);
  if (example === undefined) throw new Error(`no ${name} example`);
  return structuredClone(example);
}

/** The state branch on origin, as a first beat seeds it: the template. */
function seedStateBranch(sandbox: Sandbox): void {
  const dir = mkdtempSync(path.join(sandbox.root, 'seed-'));
  sandbox.git(['init', '-q', '-b', 'loop-state', dir], sandbox.root);
  cpSync(path.join(PROJECT, 'loop-state'), dir, { recursive: true });
  sandbox.git(['add', '-A'], dir);
  sandbox.git(['commit', '-q', '-m', 'looop: seed'], dir);
  sandbox.git(['push', '-q', sandbox.origin, 'HEAD:refs/heads/loop-state'], dir);
  rmSync(dir, { recursive: true, force: true });
}

interface Change {
  /** Path to content; null deletes. */
  readonly files?: Readonly<Record<string, string | null>>;
  readonly executable?: readonly string[];
  /** Path to link target. */
  readonly links?: Readonly<Record<string, string>>;
}

/**
 * The workspace as actions/checkout leaves it for a pull request against the state branch with
 * fetch-depth 2: GitHub's merge commit, whose first parent is the state branch.
 */
function checkoutPullRequest(sandbox: Sandbox, change: Change): void {
  const git = (args: string[]) => sandbox.git(args);
  git(['fetch', '-q', 'origin', '+loop-state:refs/remotes/origin/loop-state']);
  git(['checkout', '-q', '-B', 'steer', 'origin/loop-state']);
  for (const [file, content] of Object.entries(change.files ?? {})) {
    const full = path.join(sandbox.workspace, file);
    if (content === null) {
      rmSync(full, { force: true });
      continue;
    }
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    chmodSync(full, change.executable?.includes(file) === true ? 0o755 : 0o644);
  }
  for (const [file, target] of Object.entries(change.links ?? {})) {
    mkdirSync(path.dirname(path.join(sandbox.workspace, file)), { recursive: true });
    symlinkSync(target, path.join(sandbox.workspace, file));
  }
  git(['add', '-A']);
  git(['commit', '-q', '--allow-empty', '-m', 'a person steers']);
  git(['checkout', '-q', '--detach', 'origin/loop-state']);
  git(['merge', '-q', '--no-ff', '-m', 'Merge steer into loop-state', 'steer']);
}

function pullRequestEvent(base = 'loop-state'): Record<string, unknown> {
  const event = payload('pull_request', 'opened');
  const pr = event.pull_request as { base: Record<string, unknown> };
  pr.base = { ...pr.base, ref: base };
  return event;
}

/** Files named by the ::error annotations the check printed. */
function errorFiles(run: ActionRun): string[] {
  return [...run.stdout.matchAll(/^::error (?:title=[^,]*,)?file=([^,:]+)[,:]/gm)].map((m) => m[1] ?? '').sort();
}

let standin: Standin;
let sandbox: Sandbox;

beforeAll(async () => {
  standin = await startStandin();
});
afterAll(async () => {
  await standin.close();
});

beforeEach(() => {
  sandbox = makeSandbox();
  seedStateBranch(sandbox);
});
afterEach(() => {
  standin.assertNoViolations();
  sandbox.cleanup();
});

function check(change: Change, inputs: Record<string, string> = {}, event = pullRequestEvent()): Promise<ActionRun> {
  checkoutPullRequest(sandbox, change);
  return runAction(sandbox, { inputs: { mode: 'check', 'github-token': ACTION_TOKEN, ...inputs }, eventName: 'pull_request', event, env: { GITHUB_REF: 'refs/pull/7/merge' } });
}

const goal = (status: string, priority = '1') => `---\nstatus: ${status}\npriority: ${priority}\n---\n# Ship the docs\n`;
const sensor = (body: string) => `#!/bin/sh\n${body}\n`;

describe('mode check on a steering pull request', () => {
  it('accepts a good change: goals with front matter, a sensor printing a reading, and says what it checked', async () => {
    const run = await check({
      files: { 'goals/ship-docs.md': goal('active'), 'goals/setup.md': goal('archived', '0'), 'sensors/ci.sh': sensor('echo \'{"signal": {"green": true}, "detail": "all good"}\'') },
      executable: ['sensors/ci.sh'],
    });
    expect(run.code, run.stdout).toBe(0);
    expect(errorFiles(run)).toEqual([]);
    expect(run.summary).toContain('The steering change is good: 2 goals and 2 sensors checked');
  });

  it.each([
    ['bad front matter', { files: { 'goals/ship-docs.md': goal('doing') } }, 'goals/ship-docs.md', /unknown status "doing"/],
    ['no front matter', { files: { 'goals/ship-docs.md': '# Ship the docs\n' } }, 'goals/ship-docs.md', /has no front matter/],
    ['a priority that is not a number', { files: { 'goals/ship-docs.md': goal('active', 'high') } }, 'goals/ship-docs.md', /priority "high" is not a number/],
    ['a bad slug', { files: { 'goals/Ship_Docs.md': goal('active') } }, 'goals/Ship_Docs.md', /named <slug>\.md/],
    ['a bad sensor name', { files: { 'sensors/CI check.sh': sensor('echo \'{"signal": 1}\'') }, executable: ['sensors/CI check.sh'] }, 'sensors/CI check.sh', /sensor names use a-z/],
    ['a sensor that is not executable', { files: { 'sensors/ci.sh': sensor('echo \'{"signal": 1}\'') } }, 'sensors/ci.sh', /not executable: run "git update-index --chmod=\+x sensors\/ci.sh"/],
    ['a sensor printing invalid JSON', { files: { 'sensors/ci.sh': sensor('echo "all green"') }, executable: ['sensors/ci.sh'] }, 'sensors/ci.sh', /did not print one JSON object in a dry run/],
    ['a sensor printing JSON without a signal', { files: { 'sensors/ci.sh': sensor('echo \'{"detail": 1}\'') }, executable: ['sensors/ci.sh'] }, 'sensors/ci.sh', /without a "signal" field/],
    ['an oversized PLAYBOOK', { files: { 'PLAYBOOK.md': `# Playbook\n${'Be careful. '.repeat(800)}\n` } }, 'PLAYBOOK.md', /reads only the first 8000/],
    ['a missing PLAYBOOK', { files: { 'PLAYBOOK.md': null } }, 'PLAYBOOK.md', /PLAYBOOK.md is missing/],
    ['a symbolic link', { links: { 'goals/secrets.md': '/etc/passwd' } }, 'goals/secrets.md', /is a symbolic link/],
    ['an edit to an ask', { files: { 'asks/setup.md': '---\nid: setup\nstatus: done\n---\n' } }, 'asks/setup.md', /the loop's own record/],
    ['an edit to the journal', { files: { 'journal.md': '| forged |\n' } }, 'journal.md', /the loop's own record/],
  ] as const)('rejects %s, naming the file', async (_what, change: Change, file, message) => {
    const run = await check(change);
    expect(run.code).toBe(1);
    expect(errorFiles(run), run.stdout).toContain(file);
    const annotations = run.stdout.split('\n').filter((line) => line.startsWith('::error ') && line.includes(`file=${file}::`));
    expect(annotations.some((line) => message.test(line)), annotations.join('\n')).toBe(true);
    // The step fails naming the file, and the summary lists it.
    expect(run.stdout).toMatch(new RegExp(`^::error::the steering change has \\d+ problems?, in [^\\n]*${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'));
    expect(run.summary).toContain(`<code>${file}</code>`);
  });

  it('rejects a sensor that outlives sensor-timeout', async () => {
    const run = await check({ files: { 'sensors/slow.sh': sensor('sleep 30; echo \'{"signal": 1}\'') }, executable: ['sensors/slow.sh'] }, { 'sensor-timeout': '1' });
    expect(run.code).toBe(1);
    expect(errorFiles(run)).toEqual(['sensors/slow.sh']);
    expect(run.stdout).toMatch(/::error .*file=sensors\/slow.sh::.*timed out after 1s/);
  });

  it('a sensor that fails in the dry run (it may need the project) is a warning, not a failure', async () => {
    const run = await check({ files: { 'sensors/needs-project.sh': sensor('cat package.json >/dev/null') }, executable: ['sensors/needs-project.sh'] });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/^::warning .*file=sensors\/needs-project.sh::.*exit(ed with code)? 1 in a dry run/m);
  });

  it("runs the pull request's sensors without any token or secret in reach", async () => {
    // The sensor prints a reading only when it finds no secret: in its environment, or in its parent's.
    const probe = 'if env | grep -q -e ghs_ -e sk-secret || tr "\\0" "\\n" </proc/$PPID/environ | grep -q -e ghs_ -e sk-secret; then echo leaked; else echo \'{"signal": "clean"}\'; fi';
    const run = await check({ files: { 'sensors/probe.sh': sensor(probe) }, executable: ['sensors/probe.sh'] }, {}, pullRequestEvent());
    expect(run.code, run.stdout).toBe(0);
    const leaky = await runAction(sandbox, { inputs: { mode: 'check', 'github-token': ACTION_TOKEN }, eventName: 'pull_request', event: pullRequestEvent(), env: { OPENAI_API_KEY: 'sk-secret-1', GITHUB_TOKEN: ACTION_TOKEN } });
    expect(leaky.code, leaky.stdout).toBe(0);
  });

  it("a sensor's output cannot pass for a workflow command or markup", async () => {
    const run = await check({ files: { 'sensors/sly.sh': sensor('printf "::error file=PLAYBOOK.md::forged\\n##[set-output name=x]y\\n<img src=x onerror=alert(1)>\\n"') }, executable: ['sensors/sly.sh'] });
    expect(run.code).toBe(1);
    expect(errorFiles(run)).toEqual(['sensors/sly.sh']);
    expect(run.stdout).not.toMatch(/^::error file=PLAYBOOK.md::forged/m);
    expect(run.stdout).not.toMatch(/^##\[set-output/m);
    expect(run.summaryMarkdown).not.toContain('<img');
    expect(run.summaryMarkdown).toContain('&#60;img');
  });

  it('refuses to run on pull_request_target, where the sensors would get the base repository\'s token', async () => {
    checkoutPullRequest(sandbox, {});
    const run = await runAction(sandbox, { inputs: { mode: 'check' }, eventName: 'pull_request_target', event: pullRequestEvent() });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('never on pull_request_target');
  });

  it('ignores .github/: the steer workflow, and whatever people keep there', async () => {
    const run = await check({ files: { '.github/workflows/looop-steer.yml': readFileSync(path.join(PROJECT, 'templates/looop-steer.yml'), 'utf8') }, links: { '.github/CODEOWNERS': '../README.md' } });
    expect(run.code, run.stdout).toBe(0);
    expect(errorFiles(run)).toEqual([]);
  });

  it('without the base in the checkout, says to fetch it, and still checks the tree', async () => {
    checkoutPullRequest(sandbox, { files: { 'journal.md': '| forged |\n', 'goals/x.md': goal('doing') } });
    // The pull request's own head, as a checkout of ref: head.sha leaves it: no merge commit.
    sandbox.git(['checkout', '-q', '--detach', 'steer']);
    const run = await runAction(sandbox, { inputs: { mode: 'check' }, eventName: 'pull_request', event: pullRequestEvent() });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::notice title=looop::The base of this pull request is not in the checkout.*fetch-depth: 2/m);
    expect(errorFiles(run)).toEqual(['goals/x.md']);
  });

  it('refuses to check a pull request against another branch', async () => {
    const run = await check({ files: { 'goals/x.md': goal('active') } }, {}, pullRequestEvent('main'));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('this pull request is against "main", not the state branch "loop-state" (input state-branch)');
  });

  it('mode worker without the worker id fails the step, saying which input to pass', async () => {
    checkoutPullRequest(sandbox, {});
    const worker = await runAction(sandbox, { inputs: { mode: 'worker', runner: 'claude' }, eventName: 'pull_request', event: pullRequestEvent() });
    expect(worker.code).toBe(1);
    expect(worker.stdout).toContain('input "mode" is worker, so input "worker-id" is required');
  });
});

describe('mode check on a push to the state branch', () => {
  function pushEvent(committerEmail = 'person@example.com', sender = { login: 'person', type: 'User' }): Record<string, unknown> {
    const event = payload('push');
    const commits = [{ id: 'a'.repeat(40), message: 'Merge pull request #7', committer: { name: 'A Person', email: committerEmail, username: 'person' } }];
    return { ...event, ref: 'refs/heads/loop-state', deleted: false, commits, sender, repository: { ...(event.repository as object), default_branch: 'main' } };
  }

  function wake(event: Record<string, unknown>, repo: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
    return runAction(sandbox, {
      inputs: { mode: 'check', 'github-token': ACTION_TOKEN, ...inputs },
      eventName: 'push',
      event,
      env: { GITHUB_API_URL: standin.url, GITHUB_REPOSITORY: `${OWNER}/${repo}`, GITHUB_REF: 'refs/heads/loop-state' },
    });
  }

  it('dispatches one beat of the beat workflow on the default branch', async () => {
    const run = await wake(pushEvent(), 'wake-1', { 'beat-workflow': 'loop.yaml' });
    expect(run.code, run.stdout).toBe(0);
    expect(standin.dispatches(OWNER, 'wake-1').map((d) => [d.workflowId, d.ref, d.inputs])).toEqual([['loop.yaml', 'main', {}]]);
    expect(run.stdout).toContain('Dispatched one beat: loop.yaml (input beat-workflow) on main of octo/wake-1');
  });

  it("does not dispatch for a push of the loop's own records", async () => {
    const run = await wake(pushEvent('41898282+github-actions[bot]@users.noreply.github.com', { login: 'github-actions[bot]', type: 'Bot' }), 'wake-2');
    expect(run.code, run.stdout).toBe(0);
    expect(standin.dispatches(OWNER, 'wake-2')).toEqual([]);
  });

  it("a person's push of commits that carry the loop's committer email still wakes it: who pushed is the event's sender", async () => {
    const run = await wake(pushEvent('41898282+github-actions[bot]@users.noreply.github.com', { login: 'mallory', type: 'User' }), 'wake-2b');
    expect(run.code, run.stdout).toBe(0);
    expect(standin.dispatches(OWNER, 'wake-2b')).toHaveLength(1);
  });

  it('a beat workflow GitHub does not know fails with what to set', async () => {
    standin.setWorkflows(OWNER, 'wake-3', ['looop.yml']);
    const run = await wake(pushEvent(), 'wake-3', { 'beat-workflow': 'loop.yml' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::could not dispatch loop.yml (input beat-workflow) on main of octo/wake-3: GitHub found no such workflow. Set beat-workflow');
    expect(standin.dispatches(OWNER, 'wake-3')).toEqual([]);
  });

  it('a token without actions: write fails naming the permission', async () => {
    standin.deny(OWNER, 'wake-4', 'github-actions[bot]', 'actions');
    const run = await wake(pushEvent(), 'wake-4');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::could not dispatch looop.yml .*Resource not accessible by integration.*Give the job "permissions: actions: write"/);
  });
});

describe('the steer workflow and the beat', () => {
  it('a branch the action seeds carries the steer workflow filled in for this loop, beside the state, nothing under .github/', async () => {
    const loop = makeLoop();
    try {
      const run = await loop.beat(noop, {
        inputs: { 'state-branch': 'loop-memory' },
        env: { GITHUB_WORKFLOW_REF: 'octo/project/.github/workflows/beat.yml@refs/heads/main', GITHUB_ACTION_REPOSITORY: 'octo/looop-action', GITHUB_ACTION_REF: 'v1' },
      });
      expect(run.code, run.stdout).toBe(0);
      const steer = parseYaml(loop.sandbox.stateFile('looop-steer.yml', 'loop-memory') ?? '') as { on: Record<string, { branches: string[] }>; jobs: Record<string, { steps: { uses: string; with?: Record<string, string> }[] }> };
      expect(steer.on.push?.branches).toEqual(['loop-memory']);
      expect(steer.jobs.wake?.steps[0]).toEqual({ uses: 'octo/looop-action@v1', with: { mode: 'check', 'state-branch': 'loop-memory', 'beat-workflow': 'beat.yml' } });
      const files = loop.sandbox.git(['ls-tree', '-r', '--name-only', 'loop-memory'], loop.sandbox.origin).split('\n');
      expect(files.filter((f) => f.startsWith('.github'))).toEqual([]);
      // The setup ask says where it is and what to do with it.
      expect(loop.sandbox.stateFile('asks/setup.md', 'loop-memory')).toContain('move it there by pull request');
    } finally {
      loop.sandbox.cleanup();
    }
  });

  it("a beat keeps people's .github/ as it is: not read, not reported, never dropped from its commits", async () => {
    const loop = makeLoop();
    try {
      await loop.beat(noop);
      const dir = mkdtempSync(path.join(loop.sandbox.root, 'person-'));
      loop.sandbox.git(['clone', '-q', '--branch', 'loop-state', loop.sandbox.origin, dir], loop.sandbox.root);
      mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
      loop.sandbox.git(['mv', 'looop-steer.yml', '.github/workflows/looop-steer.yml'], dir);
      symlinkSync('../PLAYBOOK.md', path.join(dir, '.github/CODEOWNERS'));
      loop.sandbox.git(['add', '-A'], dir);
      loop.sandbox.git(['commit', '-q', '-m', 'Add the steer workflow'], dir);
      loop.sandbox.git(['push', '-q', 'origin', 'HEAD:loop-state'], dir);
      loop.newCommit('the world moves');
      const run = await loop.beat(noop);
      expect(run.code, run.stdout).toBe(0);
      expect(loop.sandbox.stateLog()[0]).toMatch(/^looop/);
      expect(loop.sandbox.stateFile('.github/workflows/looop-steer.yml')).toContain('mode: check');
      expect(loop.sandbox.git(['ls-tree', 'loop-state', '.github/CODEOWNERS'], loop.sandbox.origin)).toMatch(/^120000 /);
      expect(loop.sandbox.stateFile('journal.md')).not.toContain('symbolic link');
      expect(run.summary).not.toContain('.github');
    } finally {
      loop.sandbox.cleanup();
    }
  });
});
