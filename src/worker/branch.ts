import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GitError, type Git } from '../io/git.ts';
import { withRepo } from '../io/state-fetch.ts';
import { LOOP_IDENTITY } from '../state/identity.ts';
import type { SavedWork, WorkFolder } from './ports.ts';

export type { SavedWork, WorkFolder } from './ports.ts';

/**
 * A worker's branch. The agent works in a plain folder of the branch's files, without a .git:
 * nothing it writes can become a hook, a config or a filter that the action's git runs later.
 * The action's own repository exists only while git runs, made anew each time under the
 * scratch folder, so not even a file the agent planted there between two git steps is read.
 */

const WORK_REF = 'refs/looop/work';
const FETCH_ATTEMPTS = 3;

/** Where the worker's branch lives and what it starts from. */
export interface BranchPlace {
  readonly git: Git;
  /** The checkout's origin. */
  readonly url: string;
  /** looop/<id>. */
  readonly branch: string;
  /** The action's scratch folder, where its repositories and the work folder are made. */
  readonly scratch: string;
}

/** Fetches one ref's tip into the repository; undefined when the remote has no such ref. */
async function fetchTip(place: BranchPlace, repo: string, ref: string): Promise<string | undefined> {
  let stderr = '';
  for (let attempt = 1; attempt <= FETCH_ATTEMPTS; attempt++) {
    const result = await place.git.tryRun(['fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', place.url, `+${ref}:${WORK_REF}`], { cwd: repo, repo, remote: place.url });
    if (result.ok) return (await place.git.run(['rev-parse', '--verify', `${WORK_REF}^{commit}`], { cwd: repo, repo })).stdout.trim();
    if (/couldn't find remote ref/i.test(result.stderr)) return undefined;
    stderr = result.stderr;
    if (/authentication failed|could not read (username|password)|\b40[13]\b/i.test(stderr)) break;
    if (attempt < FETCH_ATTEMPTS) await sleep(500 * attempt);
  }
  throw new GitError(`could not fetch ${ref} from the checkout's origin: ${stderr}. The workflow needs "permissions: contents: write" and a token that can read the repository.`, stderr);
}

/** The worker's branch as it stands on origin, else `base` (the default branch), written out as plain files. */
export async function openWorkFolder(place: BranchPlace, base: string): Promise<WorkFolder> {
  const folder = await mkdtemp(path.join(place.scratch, 'work-'));
  return withRepo(place.scratch, async (repo) => {
    let parent = await fetchTip(place, repo, `refs/heads/${place.branch}`);
    const resumed = parent !== undefined;
    parent ??= await fetchTip(place, repo, `refs/heads/${base}`);
    if (parent === undefined) throw new GitError(`the default branch "${base}" is not on the checkout's origin: a worker branches from it`, '');
    await place.git.run(['read-tree', parent], { cwd: repo, repo });
    await place.git.run(['checkout-index', '--all', '--force', `--prefix=${folder}${path.sep}`], { cwd: repo, repo });
    return { folder, parent, resumed };
  });
}

/**
 * Paths a worker's commit never carries. Workflow files would run with the repository's
 * secrets once merged, and a workflow token cannot push them anyway; a .git anywhere is git's
 * own (git never adds one, but the pull request says it was there).
 */
export function isRefusedPath(file: string): boolean {
  return /^\.github\/workflows\//.test(file) || /(^|\/)\.git(\/|$)/.test(file);
}

/**
 * Commits the folder as it now stands on top of `parent` and pushes it to the worker's branch,
 * never forced: a branch someone else pushed to meanwhile is theirs, and the worker fails.
 */
export async function saveWork(place: BranchPlace, work: WorkFolder, message: string): Promise<SavedWork> {
  return withRepo(place.scratch, async (repo) => {
    const { git } = place;
    const call = { cwd: repo, repo };
    // By its id: GitHub serves any commit of the repository, and the tip may have moved.
    const fetched = await git.tryRun(['fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', place.url, work.parent], { ...call, remote: place.url });
    if (!fetched.ok) throw new GitError(`could not fetch the worker's starting commit ${work.parent} again: ${fetched.stderr}`, fetched.stderr);
    await git.run(['read-tree', work.parent], call);
    const inTree = ['--work-tree', work.folder];
    await git.run([...inTree, 'add', '--all', '--force', '--', '.'], call);
    const changed = changedEntries((await git.run(['diff', '--cached', '--raw', '--no-renames', '-z', work.parent], call)).stdout);
    // A .git folder below the top is added as an embedded repository (a gitlink): never the worker's to commit.
    const refused = changed.filter((entry) => isRefusedPath(entry.file) || entry.mode === '160000').map((entry) => entry.file);
    if (refused.length > 0) await git.run(['reset', '--quiet', work.parent, '--', ...refused], call);
    if (existsSync(path.join(work.folder, '.git'))) refused.push('.git');
    const tree = (await git.run(['write-tree'], call)).stdout.trim();
    const parentTree = (await git.run(['rev-parse', `${work.parent}^{tree}`], call)).stdout.trim();
    // A resumed branch with nothing new stays as it is; a new one is pushed even empty, so a person finds the worker's branch.
    if (tree === parentTree && work.resumed) return { sha: work.parent, committed: false, refused };
    const identity = ['-c', `user.name=${LOOP_IDENTITY.name}`, '-c', `user.email=${LOOP_IDENTITY.email}`];
    const sha = tree === parentTree ? work.parent : (await git.run([...identity, 'commit-tree', tree, '-p', work.parent, '-m', message], { ...call, stdin: '' })).stdout.trim();
    const pushed = await git.tryRun(['push', '--porcelain', place.url, `${sha}:refs/heads/${place.branch}`], { ...call, remote: place.url });
    if (!pushed.ok) {
      const rejected = /\[rejected\]|non-fast-forward|fetch first/i.test(`${pushed.stdout}\n${pushed.stderr}`);
      throw new GitError(
        rejected
          ? `branch ${place.branch} moved while the worker ran (someone else pushed to it): its work was not pushed, and the branch is left as they left it`
          : `could not push branch ${place.branch}: ${pushed.stderr}. The workflow needs "permissions: contents: write" (a workflow token cannot push files under .github/workflows)`,
        pushed.stderr,
      );
    }
    return { sha, committed: tree !== parentTree, refused };
  });
}

/** `git diff --raw -z` entries: ":old new oldsha newsha status\0path\0". */
function changedEntries(raw: string): { mode: string; file: string }[] {
  const fields = raw.split('\0');
  const entries: { mode: string; file: string }[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [, mode = ''] = (fields[i] ?? '').split(' ');
    const file = fields[i + 1] ?? '';
    if (file !== '') entries.push({ mode, file });
  }
  return entries;
}
