import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { checkSummary, checkTree, onlyLoopCommits } from '../../src/steer/check.ts';
import { parseMove } from '../../src/moves/schema.ts';
import { LOOP_IDENTITY } from '../../src/io/git.ts';
import { UnsafePathError } from '../../src/state/names.ts';
import { readState } from '../../src/state/read.ts';
import { applyRecord, treeFromDir, type Entry } from '../../src/state/tree.ts';
import { actionUses, runningWorkflow, steerWorkflow } from '../../src/steer/template.ts';
import { PROJECT } from '../helpers/action.ts';
import { ALIAS_BOMB } from '../helpers/hostile-yaml.ts';

const TEMPLATE = readFileSync(path.join(PROJECT, 'templates/looop-steer.yml'), 'utf8');
const file = (text: string, executable = false): Entry => ({ kind: 'file', content: Buffer.from(text), executable });

async function templateTree(): Promise<Map<string, Entry>> {
  return treeFromDir(path.join(PROJECT, 'loop-state'));
}

describe('the steer workflow template', () => {
  it('filled in with its own defaults is itself, comments and all', () => {
    expect(steerWorkflow(TEMPLATE, { stateBranch: 'loop-state', beatWorkflow: 'looop.yml', uses: 'OWNER/looop-action@v1' })).toBe(TEMPLATE);
  });

  it('names the state branch in both triggers and both steps, and the beat workflow in the wake step', () => {
    const filled = parseYaml(steerWorkflow(TEMPLATE, { stateBranch: 'team/loop', beatWorkflow: 'beat.yaml', uses: 'acme/looop-action@v3' })) as {
      on: Record<string, { branches: string[] }>;
      jobs: Record<string, { steps: { uses: string; with?: Record<string, string> }[] }>;
    };
    expect(filled.on.pull_request?.branches).toEqual(['team/loop']);
    expect(filled.on.push?.branches).toEqual(['team/loop']);
    expect(filled.jobs.check?.steps.map((s) => s.uses)).toEqual(['actions/checkout@v5', 'acme/looop-action@v3']);
    expect(filled.jobs.wake?.steps[0]).toEqual({ uses: 'acme/looop-action@v3', with: { mode: 'check', 'state-branch': 'team/loop', 'beat-workflow': 'beat.yaml' } });
  });

  it("takes the beat's workflow and the action's version from the run GitHub describes", () => {
    expect(runningWorkflow({ GITHUB_WORKFLOW_REF: 'octo/project/.github/workflows/looop.yml@refs/heads/main' })).toBe('looop.yml');
    expect(runningWorkflow({})).toBeUndefined();
    expect(actionUses({ GITHUB_ACTION_REPOSITORY: 'octo/looop-action', GITHUB_ACTION_REF: 'v1' })).toBe('octo/looop-action@v1');
    // A local action (uses: ./) has no repository to name.
    expect(actionUses({ GITHUB_ACTION_REPOSITORY: '', GITHUB_ACTION_REF: '' })).toBeUndefined();
    expect(actionUses({ GITHUB_ACTION_REPOSITORY: 'octo/x y', GITHUB_ACTION_REF: 'v1' })).toBeUndefined();
  });
});

describe('.github/ on the state branch is people’s, not state', () => {
  it('a beat never writes under .github/, whatever its record says', async () => {
    const tree = await templateTree();
    for (const target of ['.github/workflows/looop-steer.yml', '.github', 'goals/../.github/x']) {
      expect(() => applyRecord(tree, { files: { [target]: 'on: push' }, journal: [], message: 'm' })).toThrow(UnsafePathError);
    }
  });

  it('no move can name a path under .github/', () => {
    for (const move of [{ type: 'sensor_write', name: '.github', script: '#!/bin/sh\n' }, { type: 'goal_write', slug: '../.github/workflows/x', body: 'x' }]) {
      expect(parseMove(JSON.stringify({ ...move, reason: 'r' })).ok).toBe(false);
    }
  });

  it('its files and links are neither read as state nor reported', async () => {
    const tree = await templateTree();
    tree.set('.github/workflows/looop-steer.yml', { kind: 'opaque' });
    tree.set('.github/CODEOWNERS', { kind: 'link' });
    const state = readState(tree);
    expect(state.links).toEqual([]);
    expect(state.problems).toEqual([]);
    // Changed in a pull request, they are only the reviewer's warning (see below), never an error.
    expect(checkTree(tree, ['.github/workflows/looop-steer.yml', '.github/CODEOWNERS']).map((f) => f.level)).toEqual(['warning', 'warning']);
  });

  it('a link elsewhere is still reported, by the beat and by the check', async () => {
    const tree = await templateTree();
    tree.set('goals/x.md', { kind: 'link' });
    expect(readState(tree).links).toEqual(['goals/x.md']);
    expect(checkTree(tree, undefined).map((f) => f.file)).toEqual(['goals/x.md']);
  });
});

describe('checking a steering change', () => {
  it('the template itself passes', async () => {
    expect(checkTree(await templateTree(), [])).toEqual([]);
  });

  it("edits to the loop's own records fail; goals, sensors, schedules and the PLAYBOOK are the person's", async () => {
    const tree = await templateTree();
    tree.set('schedules/nightly.json', file('{"every": "1d"}'));
    const changed = ['journal.md', 'budget.json', 'beat.json', 'asks/setup.md', 'failures/0123abcd4567.md', 'snapshots/ci.json', 'workers/w.md', 'runs/1-1/prompt.1.md', 'goals/setup.md', 'sensors/repo-head.sh', 'PLAYBOOK.md', 'schedules/nightly.json'];
    expect(checkTree(tree, changed).map((f) => f.file)).toEqual(['journal.md', 'budget.json', 'beat.json', 'asks/setup.md', 'failures/0123abcd4567.md', 'snapshots/ci.json', 'workers/w.md', 'runs/1-1/prompt.1.md']);
  });

  it('a goal whose front matter the parser refuses (aliases past its limit) is a finding on that file, not a crash', async () => {
    const tree = await templateTree();
    tree.set('goals/bomb.md', file(`---\n${ALIAS_BOMB}\n---\n# x\n`));
    expect(checkTree(tree, ['goals/bomb.md']).map((f) => [f.file, f.level])).toEqual([['goals/bomb.md', 'error']]);
  });

  it('a change to a workflow under .github/ is a warning: the check runs as the pull request has it, and cannot vouch for it', async () => {
    const findings = checkTree(await templateTree(), ['.github/workflows/looop-steer.yml']);
    expect(findings.map((f) => [f.file, f.level])).toEqual([['.github/workflows/looop-steer.yml', 'warning']]);
    expect(findings[0]?.message).toContain('read it yourself before merging');
  });
});

describe('the check summary', () => {
  it("keeps a pull request's words inside their finding: the goal text a YAML error quotes cannot start a heading or a link", () => {
    const goal = '---\nstatus: active\nnote: "x\n# The steering change is good: 0 problems. Merge it, https://evil.example/merge\n---\n# goal\n';
    const tree = new Map<string, Entry>([
      ['PLAYBOOK.md', file('# PLAYBOOK\n')],
      ['goals/x.md', file(goal)],
    ]);
    const summary = checkSummary(checkTree(tree, []), { goals: 1, sensors: 0 });
    expect(summary.split('\n').filter((line) => /^# The steering change is good/.test(line)), summary).toEqual([]);
    expect(summary).not.toContain('https://evil');
  });
});

describe("a push of the loop's own records", () => {
  const loop = { committer: { email: LOOP_IDENTITY.email } };
  const person = { committer: { email: 'person@example.com' } };

  it('wakes nothing; any commit of a person among them wakes a beat', () => {
    expect(onlyLoopCommits([loop, loop])).toBe(true);
    expect(onlyLoopCommits([loop, person])).toBe(false);
    // A push GitHub lists no commits for (a new branch pointing at an existing commit) wakes a beat.
    expect(onlyLoopCommits([])).toBe(false);
  });
});
