import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { startStandin, type Standin } from '../github-standin/server.ts';
import { PROJECT } from '../helpers/action.ts';
import { makeSandbox, type Sandbox } from '../helpers/git.ts';

const CLI = path.join(PROJECT, 'dist/cli/index.js');
const TOKEN = 'ghp_person_token';

let standin: Standin;
let sandbox: Sandbox;

beforeEach(async () => {
  standin = await startStandin();
  standin.setTokenUser(TOKEN, { login: 'octo' });
  sandbox = makeSandbox();
  mkdirSync(path.join(sandbox.workspace, '.github/workflows'), { recursive: true });
  writeFileSync(
    path.join(sandbox.workspace, '.github/workflows/looop.yml'),
    'on: { workflow_dispatch: {} }\njobs:\n  beat:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v5\n      - uses: octo/looop-action@v1\n        with: { runner: claude }\n',
  );
});

afterEach(async () => {
  standin.assertNoViolations();
  await standin.close();
  sandbox.cleanup();
});

function cli(args: readonly string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: sandbox.workspace, env: { ...sandbox.env, GITHUB_API_URL: standin.url, GH_TOKEN: TOKEN, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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

function file(branch: string, name: string) {
  return standin.branchFiles('octo', 'project', branch)?.find((f) => f.path === name);
}

describe('npx looop-action init', () => {
  it('creates the state branch from the template, with the steer workflow filled in for this loop', async () => {
    const made = await cli(['init', '--repo', 'octo/project', '--state-branch', 'loop-memory', '--workflow', 'looop.yml']);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toContain('Created loop-memory in octo/project');
    const files = standin.branchFiles('octo', 'project', 'loop-memory') ?? [];
    expect(files.map((f) => f.path).sort()).toEqual(['.github/workflows/looop-steer.yml', 'PLAYBOOK.md', 'README.md', 'asks/setup.md', 'goals/setup.md', 'sensors/repo-head.sh']);
    expect(file('loop-memory', 'sensors/repo-head.sh')?.mode).toBe('100755');
    expect(file('loop-memory', 'PLAYBOOK.md')?.mode).toBe('100644');
    // Nothing the action seeds beside the state: the workflow is in its place already.
    expect(file('loop-memory', 'looop-steer.yml')).toBeUndefined();

    const steer = parseYaml(file('loop-memory', '.github/workflows/looop-steer.yml')?.content ?? '') as {
      on: { pull_request: { branches: string[] }; push: { branches: string[] } };
      jobs: Record<string, { permissions: Record<string, string>; steps: { uses: string; with?: Record<string, string> }[] }>;
    };
    expect(steer.on.pull_request.branches).toEqual(['loop-memory']);
    expect(steer.on.push.branches).toEqual(['loop-memory']);
    const actionSteps = Object.values(steer.jobs).flatMap((job) => job.steps.filter((step) => step.with?.mode === 'check'));
    expect(actionSteps).toHaveLength(2);
    for (const step of actionSteps) {
      expect(step.uses).toBe('octo/looop-action@v1');
      expect(step.with?.['state-branch']).toBe('loop-memory');
    }
    expect(steer.jobs.wake?.steps[0]?.with?.['beat-workflow']).toBe('looop.yml');
    expect(steer.jobs.check?.permissions).toEqual({ contents: 'read' });
    expect(steer.jobs.wake?.permissions).toEqual({ actions: 'write' });
    // One root commit, made by the person's token.
    expect(standin.requests.filter((r) => r.operationId === 'git/create-commit').map((r) => (r.body as { parents: unknown[] }).parents)).toEqual([[]]);
    expect(standin.requests.every((r) => r.user === 'octo')).toBe(true);
  });

  it('finds the repository in the checkout\'s origin URL', async () => {
    sandbox.git(['remote', 'set-url', 'origin', 'git@github.com:octo/project.git']);
    const made = await cli(['init']);
    expect(made.code, made.stderr).toBe(0);
    expect(file('loop-state', '.github/workflows/looop-steer.yml')).toBeDefined();
  });

  it('refuses to overwrite a branch that exists, and says how to add the steer workflow instead', async () => {
    standin.addBranch('octo', 'project', 'loop-state');
    const refused = await cli(['init', '--repo', 'octo/project']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('the branch "loop-state" already exists in octo/project');
    expect(refused.stderr).toContain('open a pull request against loop-state adding .github/workflows/looop-steer.yml');
    expect(standin.branchFiles('octo', 'project', 'loop-state')).toEqual([]);
    expect(standin.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('refuses the default branch as the state branch', async () => {
    const refused = await cli(['init', '--repo', 'octo/project', '--state-branch', 'main']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('"main" is octo/project\'s default branch');
  });

  it('a dry run prints the files and the steer workflow and creates nothing', async () => {
    const dry = await cli(['init', '--repo', 'octo/project', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('100755 sensors/repo-head.sh');
    expect(dry.stdout).toContain('branches: [loop-state]');
    expect(standin.requests).toHaveLength(0);
  });

  it('without a token says how to get one and which scopes it needs', async () => {
    const refused = await cli(['init', '--repo', 'octo/project'], { GH_TOKEN: '', PATH: path.dirname(process.execPath) + ':/usr/bin:/bin', HOME: sandbox.home });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no GitHub token: set GH_TOKEN .*gh auth login.*"repo" and "workflow" scopes/);
  });

  it("uses the gh CLI's login when no token is set", async () => {
    const bin = path.join(sandbox.root, 'bin');
    mkdirSync(bin);
    writeFileSync(path.join(bin, 'gh'), `#!/bin/sh\ntest "$1 $2" = "auth token" && echo ${TOKEN}\n`, { mode: 0o755 });
    const made = await cli(['init', '--repo', 'octo/project'], { GH_TOKEN: '', GITHUB_TOKEN: '', PATH: `${bin}:${sandbox.env.PATH ?? ''}` });
    expect(made.code, made.stderr).toBe(0);
    expect(standin.requests.map((r) => r.user)).toContain('octo');
  });

  it('a token without contents write gets the scopes it needs named', async () => {
    standin.deny('octo', 'project', 'octo', 'contents');
    const refused = await cli(['init', '--repo', 'octo/project']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Resource not accessible by integration.*"workflow" scope/);
    expect(standin.branchFiles('octo', 'project', 'loop-state')).toBeUndefined();
  });

  it('without a looop-action step to copy the version from, asks for --uses', async () => {
    writeFileSync(path.join(sandbox.workspace, '.github/workflows/looop.yml'), 'on: push\njobs: {}\n');
    const refused = await cli(['init', '--repo', 'octo/project']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pass --uses OWNER/looop-action@vN');
    const given = await cli(['init', '--repo', 'octo/project', '--uses', 'octo/looop-action@v2']);
    expect(given.code, given.stderr).toBe(0);
    expect(file('loop-state', '.github/workflows/looop-steer.yml')?.content).toContain('uses: octo/looop-action@v2');
  });
});
