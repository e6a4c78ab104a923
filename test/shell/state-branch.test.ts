import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit } from '../../src/shell/git.ts';
import { openStateBranch, type StateBranchOptions } from '../../src/state/branch.ts';
import { PROJECT } from '../helpers/action.ts';
import { makeSandbox, pushStateChange, type Sandbox } from '../helpers/git.ts';

let sandbox: Sandbox;
let options: StateBranchOptions;
beforeEach(() => {
  sandbox = makeSandbox();
  options = { git: createGit(sandbox.workspace, sandbox.env), branch: 'loop-state', tempDir: sandbox.temp, templateDir: path.join(PROJECT, 'loop-state') };
});
afterEach(() => {
  sandbox.cleanup();
});

const record = (beat: string, files: Record<string, string | null> = {}) => ({ files, journal: [`| 2026-11-23T12:00:00Z | ${beat} | noop | x | ok | |`], message: `beat ${beat}` });

/** Creates the state branch on origin, as a first beat would. */
async function seedBranch(): Promise<void> {
  await using seed = await openStateBranch(options);
  await seed.commit(record('seed'));
}

describe('the state branch', () => {
  it('is seeded from the template with its executable bits, and pushed on the first commit', async () => {
    await using branch = await openStateBranch(options);
    expect(branch.seeded).toBe(true);
    expect(sandbox.stateLog()).toEqual([]);
    await branch.commit(record('b1'));
    expect(sandbox.stateLog()).toEqual(['beat b1', 'looop: seed the state branch from loop-state/']);
    const mode = sandbox.git(['ls-tree', 'loop-state', 'sensors/repo-head.sh'], sandbox.origin).split(' ')[0];
    expect(mode).toBe('100755');
  });

  it("fetches only the branch's tip, however long its history", async () => {
    await seedBranch();
    pushStateChange(sandbox, { 'goals/one.md': '1\n' });
    pushStateChange(sandbox, { 'goals/two.md': '2\n' });
    await using branch = await openStateBranch(options);
    expect(branch.seeded).toBe(false);
    expect(sandbox.git(['rev-list', '--count', 'refs/remotes/origin/loop-state']).trim()).toBe('1');
    expect(readFileSync(path.join(branch.dir, 'goals/two.md'), 'utf8')).toBe('2\n');
  });

  it('re-applies a record on the new head when another beat pushed first', async () => {
    await seedBranch();
    await using a = await openStateBranch(options);
    await using b = await openStateBranch(options);
    const first = await a.commit(record('a', { 'goals/a.md': 'A\n' }));
    const second = await b.commit(record('b', { 'goals/b.md': 'B\n' }));

    expect(first.attempts).toBe(1);
    expect(second.attempts).toBe(2);
    expect(sandbox.stateLog().slice(0, 3)).toEqual(['beat b', 'beat a', 'beat seed']);
    expect(sandbox.stateFile('goals/a.md')).toBe('A\n');
    expect(sandbox.stateFile('goals/b.md')).toBe('B\n');
    const journal = sandbox.stateFile('journal.md') ?? '';
    expect(journal.match(/\| (seed|a|b) \|/g)).toEqual(['| seed |', '| a |', '| b |']);
  });

  it('keeps a person\'s change that landed during the beat', async () => {
    await seedBranch();
    await using beat = await openStateBranch(options);
    pushStateChange(sandbox, { 'PLAYBOOK.md': '# Edited by a person\n' });
    await beat.commit(record('late', { 'goals/x.md': 'X\n' }));
    expect(sandbox.stateFile('PLAYBOOK.md')).toBe('# Edited by a person\n');
    expect(sandbox.stateFile('goals/x.md')).toBe('X\n');
  });

  it('commits nothing when the record changes nothing', async () => {
    await seedBranch();
    await using branch = await openStateBranch(options);
    const result = await branch.commit({ files: { 'PLAYBOOK.md': readFileSync(path.join(branch.dir, 'PLAYBOOK.md'), 'utf8') }, journal: [], message: 'nothing' });
    expect(result.sha).toBeUndefined();
    expect(sandbox.stateLog()).toHaveLength(2);
  });

  it('gives up after bounded attempts when the push keeps being rejected, saying so', async () => {
    await seedBranch();
    // A pre-receive hook that rejects every update: the push is refused every time.
    writeFileSync(path.join(sandbox.origin, 'hooks/pre-receive'), '#!/bin/sh\necho "protected" >&2\nexit 1\n', { mode: 0o755 });
    await using branch = await openStateBranch({ ...options, maxPushAttempts: 2 });
    await expect(branch.commit(record('x', { 'goals/x.md': 'X\n' }))).rejects.toThrow(/gave up pushing to "loop-state" after 2 attempts|could not push/);
  });

  it('never writes outside the state tree', async () => {
    await using branch = await openStateBranch(options);
    await expect(branch.commit({ files: { '.github/workflows/evil.yml': 'on: push' }, journal: [], message: 'evil' })).rejects.toThrow(/outside the loop's state tree/);
    await expect(branch.commit({ files: { 'goals/../../x': 'x' }, journal: [], message: 'evil' })).rejects.toThrow(/outside/);
  });

  it('removes its worktree when disposed', async () => {
    const dir = await (async () => {
      await using branch = await openStateBranch(options);
      return branch.dir;
    })();
    expect(existsSync(dir)).toBe(false);
    expect(sandbox.git(['worktree', 'list'])).not.toContain(dir);
  });
});
