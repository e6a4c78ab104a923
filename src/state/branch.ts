import { cp, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GitError, type Git } from '../shell/git.ts';
import { applyRecord, isEmptyRecord, type BeatRecord } from './record.ts';

/** The state branch checked out in a worktree of its own, beside the user's checkout. */
export interface StateBranch extends AsyncDisposable {
  /** The worktree: the state tree a beat reads and writes. */
  readonly dir: string;
  /** The branch did not exist: this beat created it from the template. */
  readonly seeded: boolean;
  /** Commits the record and pushes it; on a rejected push, re-applies it on the new head. */
  commit(record: BeatRecord): Promise<CommitResult>;
}

export interface CommitResult {
  /** The pushed commit, or undefined when there was nothing to commit. */
  readonly sha: string | undefined;
  /** Pushes tried; more than one means another beat landed first and this one was re-applied. */
  readonly attempts: number;
}

export interface StateBranchOptions {
  /** Git in the user's checkout, whose `origin` holds the state branch. */
  readonly git: Git;
  readonly branch: string;
  /** Where the worktree goes (RUNNER_TEMP on GitHub). */
  readonly tempDir: string;
  /** The folder a missing state branch is seeded from. */
  readonly templateDir: string;
  readonly maxPushAttempts?: number;
}

const DEFAULT_PUSH_ATTEMPTS = 6;

export class StateBranchError extends Error {
  override name = 'StateBranchError';
}

export async function openStateBranch(options: StateBranchOptions): Promise<StateBranch> {
  const { git, branch } = options;
  const exists = await fetchBranch(git, branch);
  const dir = await mkdtemp(path.join(options.tempDir, 'looop-state-'));
  const tree = git.at(dir);
  try {
    if (exists) {
      await git.run(['worktree', 'add', '--detach', dir, trackingRef(branch)]);
    } else {
      await seedWorktree(git, tree, options.templateDir);
    }
  } catch (error) {
    await removeWorktree(git, dir);
    throw error;
  }
  return stateBranch(options, dir, !exists);
}

function trackingRef(branch: string): string {
  return `refs/remotes/origin/${branch}`;
}

const FETCH_ATTEMPTS = 3;

/**
 * Fetches only the branch's tip: a beat never needs its history. False when it does not exist.
 * A fetch is a network call (and may meet a lock held by another fetch), so it is retried.
 */
async function fetchBranch(git: Git, branch: string): Promise<boolean> {
  let result = { ok: false, stdout: '', stderr: '' };
  for (let attempt = 1; attempt <= FETCH_ATTEMPTS; attempt++) {
    result = await git.tryRun(['fetch', '--no-tags', '--depth=1', 'origin', `+refs/heads/${branch}:${trackingRef(branch)}`]);
    if (result.ok) return true;
    if (/couldn't find remote ref/i.test(result.stderr)) return false;
    // Only now, when it explains a failure, is it worth a process to ask whether there is an origin at all.
    if (!(await git.tryRun(['remote', 'get-url', 'origin'])).ok) {
      throw new StateBranchError(`${git.dir} is not a git checkout with an "origin" remote. Run actions/checkout before this action.`);
    }
    if (attempt < FETCH_ATTEMPTS) await sleep(500 * attempt + Math.random() * 500);
  }
  throw new StateBranchError(
    `could not fetch the state branch "${branch}" from origin: ${result.stderr}. ` +
      'Check that the workflow grants "permissions: contents: write" and that actions/checkout keeps its credentials.',
  );
}

/**
 * A worktree on a new root commit holding the template. Made with plumbing because
 * `git worktree add --orphan` needs git 2.42, and `--no-checkout` spares checking out the
 * user's (possibly large) tree only to throw it away.
 */
async function seedWorktree(git: Git, tree: Git, templateDir: string): Promise<void> {
  await git.run(['worktree', 'add', '--detach', '--no-checkout', tree.dir, 'HEAD']);
  await cp(templateDir, tree.dir, { recursive: true });
  await tree.run(['read-tree', '--empty']);
  await tree.run(['add', '-A']);
  const treeSha = (await tree.run(['write-tree'])).trim();
  const commit = (await tree.run(['commit-tree', treeSha, '-m', 'looop: seed the state branch from loop-state/'])).trim();
  await tree.run(['reset', '--soft', commit]);
}

function stateBranch(options: StateBranchOptions, dir: string, seeded: boolean): StateBranch {
  const { git, branch } = options;
  const tree = git.at(dir);
  let unpushedSeed = seeded;
  return {
    dir,
    seeded,
    async commit(record) {
      const attempts = options.maxPushAttempts ?? DEFAULT_PUSH_ATTEMPTS;
      for (let attempt = 1; attempt <= attempts; attempt++) {
        await applyRecord(dir, record);
        await tree.run(['add', '-A']);
        const staged = !(await tree.tryRun(['diff', '--cached', '--quiet'])).ok;
        if (!staged && !unpushedSeed) return { sha: undefined, attempts: attempt - 1 };
        if (staged) await tree.run(['commit', '-q', '-m', record.message]);
        if (await push(tree, branch)) {
          unpushedSeed = false;
          return { sha: (await tree.run(['rev-parse', 'HEAD'])).trim(), attempts: attempt };
        }
        // Another beat landed first: take its head and write this beat's record again on top.
        await sleep(50 * attempt + Math.random() * 100 * attempt);
        if (!(await fetchBranch(git, branch))) continue;
        await tree.run(['reset', '-q', '--hard', trackingRef(branch)]);
        await tree.run(['clean', '-q', '-f', '-d']);
        unpushedSeed = false;
      }
      throw new StateBranchError(
        `gave up pushing to "${branch}" after ${attempts} attempts: other pushes kept landing first. ` +
          (isEmptyRecord(record) ? '' : 'This beat\'s record was not saved; the next beat senses again.'),
      );
    },
    [Symbol.asyncDispose]: () => removeWorktree(git, dir),
  };
}

/** True when pushed, false when rejected because the branch moved; throws on anything else. */
async function push(tree: Git, branch: string): Promise<boolean> {
  // Never forced: a plain push fails when the branch moved, which is the compare-and-swap we need.
  const result = await tree.tryRun(['push', '--porcelain', 'origin', `HEAD:refs/heads/${branch}`]);
  if (result.ok) return true;
  const text = `${result.stdout}\n${result.stderr}`;
  if (/\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(cannot lock ref|failed to update ref)/i.test(text)) {
    return false;
  }
  throw new GitError(
    `could not push the state branch "${branch}": ${result.stderr}. ` +
      'The workflow needs "permissions: contents: write", and branch protection must let github-actions[bot] push to it.',
    result.stderr,
  );
}

async function removeWorktree(git: Git, dir: string): Promise<void> {
  const removed = await git.tryRun(['worktree', 'remove', '--force', dir]);
  if (!removed.ok) {
    await rm(dir, { recursive: true, force: true });
    await git.tryRun(['worktree', 'prune']);
  }
}
