/**
 * The entry fetches the state branch while the bundle loads, guessing the fetch from the raw
 * inputs. The beat takes the guess only when it is the fetch it would make itself.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit } from '../../src/io/git.ts';
import { prefetch } from '../../src/io/prefetch.ts';
import { memoryBase } from '../../src/io/scratch.ts';
import { openStateBranch, type StateBranchOptions } from '../../src/io/state-branch.ts';
import { textOf, treeFromDir } from '../../src/state/tree.ts';
import { PROJECT } from '../helpers/action.ts';
import { makeSandbox, pushStateChange, type Sandbox } from '../helpers/git.ts';

let sandbox: Sandbox;
let options: StateBranchOptions;
beforeEach(async () => {
  sandbox = makeSandbox();
  options = {
    git: createGit({ env: sandbox.env }),
    url: sandbox.origin,
    branch: 'loop-state',
    tempDir: sandbox.temp,
    template: await treeFromDir(path.join(PROJECT, 'loop-state')),
    dryRun: false,
    now: () => new Date('2026-11-23T12:00:00Z'),
  };
  await using seed = await openStateBranch(options);
  await seed.commit({ files: {}, journal: ['| 2026-11-23T12:00:00Z | seed | noop | x | ok | |'], message: 'seed' });
  pushStateChange(sandbox, { 'goals/early.md': '# read early\n' });
});
afterEach(() => {
  sandbox.cleanup();
});

const stepEnv = (inputs: Record<string, string> = {}) => ({ ...sandbox.env, GITHUB_WORKSPACE: sandbox.workspace, RUNNER_TEMP: sandbox.temp, ...inputs });

/** Files and folders left in a folder, by name. */
function leftIn(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

/** Scratch folders this process holds in memory (a worker runs one test at a time). */
function ownScratch(): string[] {
  const memory = memoryBase();
  if (memory === undefined) return [];
  return readdirSync(memory.dir).filter((name) => name.startsWith(`looop-${memory.namespace}-${String(process.pid)}-`));
}

describe('the early fetch', () => {
  it("is the beat's read of the branch: its tip and view are taken, and no repository of it is left for a sensor to find", async () => {
    const early = prefetch(stepEnv());
    expect(early).toBeDefined();
    if (early === undefined) return;
    await early.started;
    expect(early.branch).toBe('loop-state');
    const tip = await early.tip;
    expect(tip?.url).toBe(sandbox.origin);
    // The early fetch's scratch: in memory where the machine has room for it, else under RUNNER_TEMP.
    const scratch = path.dirname(tip?.view ?? '/nonexistent/view');
    expect(path.dirname(scratch)).toBe(memoryBase()?.dir ?? sandbox.temp);
    {
      await using branch = await openStateBranch({ ...options, prefetched: early.tip });
      expect(textOf(branch.tree(), 'goals/early.md')).toBe('# read early\n');
      expect(branch.view).toBe(tip?.view);
      expect(readFileSync(path.join(branch.view, 'goals/early.md'), 'utf8')).toBe('# read early\n');
      // Only the view: the repository git fetched into is gone before any sensor runs.
      expect(leftIn(scratch).filter((entry) => !entry.startsWith('view-'))).toEqual([]);
      await branch.commit({ files: { 'goals/later.md': 'x\n' }, journal: [], message: 'later' });
    }
    await early.dispose();
    expect(existsSync(scratch)).toBe(false);
    expect(ownScratch()).toEqual([]);
    expect(leftIn(sandbox.temp)).toEqual([]);
    expect(sandbox.stateFile('goals/later.md')).toBe('x\n');
  });

  it('of another origin is thrown away, and the beat fetches for itself', async () => {
    const early = prefetch(stepEnv());
    if (early === undefined) throw new Error('no early fetch');
    const tip = await early.tip;
    pushStateChange(sandbox, { 'goals/early.md': '# changed since\n' });
    await using branch = await openStateBranch({ ...options, url: `file://${sandbox.origin}`, prefetched: early.tip });
    expect(textOf(branch.tree(), 'goals/early.md')).toBe('# changed since\n');
    expect(existsSync(tip?.view ?? '/nonexistent')).toBe(false);
    await early.dispose();
  });

  it('is not made for a steer check, nor for a branch name the settings would refuse', () => {
    expect(prefetch(stepEnv({ INPUT_MODE: 'check' }))).toBeUndefined();
    expect(prefetch(stepEnv({ 'INPUT_STATE-BRANCH': '--upload-pack=touch /tmp/x' }))).toBeUndefined();
    expect(prefetch(stepEnv({ 'INPUT_STATE-BRANCH': 'a/../b' }))).toBeUndefined();
  });

  it('in a folder with no origin fetches nothing and leaves nothing, with no error of its own', async () => {
    const early = prefetch(stepEnv({ GITHUB_WORKSPACE: sandbox.home }));
    if (early === undefined) throw new Error('no early fetch');
    await early.started;
    expect(await early.tip).toBeUndefined();
    await early.dispose();
    expect(ownScratch()).toEqual([]);
    expect(leftIn(sandbox.temp)).toEqual([]);
  });

  it('reads the inputs as the settings do: trimmed, the default branch when empty', () => {
    const early = prefetch(stepEnv({ 'INPUT_STATE-BRANCH': '  loop-state \n', 'INPUT_GITHUB-TOKEN': ' ghs_x ' }));
    expect([early?.branch, early?.token]).toEqual(['loop-state', 'ghs_x']);
    const plain = prefetch(stepEnv({ 'INPUT_STATE-BRANCH': '', 'INPUT_GITHUB-TOKEN': '' }));
    expect([plain?.branch, plain?.token]).toEqual(['loop-state', undefined]);
    return Promise.all([early?.dispose(), plain?.dispose()]);
  });
});
