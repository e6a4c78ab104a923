import { JOURNAL_FILE, PLAYBOOK_FILE } from '../state/layout.ts';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GitError, type Git } from './git.ts';
import { readTree, writeCommit, type WrittenCommit } from './git-tree.ts';
import { isEmptyRecord, type BeatRecord } from '../state/record.ts';
import { applyRecord, type Change, type Entry, type StateTree } from '../state/tree.ts';

/**
 * The state branch, held in memory. Git runs in a repository of the action's own that exists
 * only while git runs (fetch, read, commit, push) and is deleted before any sensor, command or
 * runner starts, so nothing they plant can reach the loop's commits. The user's checkout is
 * only read (its origin's URL): no ref, shallow marker, worktree or config is added to it.
 */
export interface StateBranch extends AsyncDisposable {
  /** The branch did not exist: this beat created it from the template. */
  readonly seeded: boolean;
  /** The tree as this beat last fetched or pushed it. */
  tree(): StateTree;
  /** A folder holding the state's files, for sensors to run from and read; never read back. */
  readonly view: string;
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
  readonly git: Git;
  /** The checkout's origin, read before anything else ran. */
  readonly url: string;
  readonly branch: string;
  /** A private folder of the action's (under RUNNER_TEMP) for its repositories and the view. */
  readonly tempDir: string;
  /** The tree a missing state branch is seeded with; a function is called only when the branch is missing. */
  readonly template: StateTree | (() => Promise<StateTree>);
  /** A dry run seeds in memory only: nothing is pushed. */
  readonly dryRun: boolean;
  readonly now: () => Date;
  readonly maxPushAttempts?: number;
}

const DEFAULT_PUSH_ATTEMPTS = 6;
const FETCH_ATTEMPTS = 3;
const HEAD_REF = 'refs/looop/head';

export class StateBranchError extends Error {
  override name = 'StateBranchError';
}

export async function openStateBranch(options: StateBranchOptions): Promise<StateBranch> {
  const view = await mkdtemp(path.join(options.tempDir, 'view-'));
  try {
    let fetched = await withRepo(options, (repo) => fetchTree(options, repo, view));
    if (fetched !== undefined && !fetched.tree.has(PLAYBOOK_FILE) && !fetched.tree.has(JOURNAL_FILE)) {
      throw new StateBranchError(
        `the branch "${options.branch}" (input state-branch) exists but is not a state branch: it has no PLAYBOOK.md and no journal.md. ` +
          'The loop writes its journal and records there: name a branch of its own (the default is loop-state).',
      );
    }
    let seeded = false;
    const template = fetched === undefined ? await templateOf(options) : new Map<string, Entry>();
    for (let attempt = 1; fetched === undefined; attempt++) {
      seeded = true;
      if (options.dryRun) break;
      // The seed is pushed at once: of several first beats one seeds, and the others load its branch.
      const sha = await withRepo(options, async (repo) => (await pushCommit(options, repo, undefined, seedChanges(template), 'looop: seed the state branch from loop-state/'))?.sha);
      if (sha !== undefined) {
        fetched = { sha, tree: template };
        break;
      }
      seeded = false;
      fetched = await withRepo(options, (repo) => fetchTree(options, repo, view));
      if (attempt >= FETCH_ATTEMPTS && fetched === undefined) throw new StateBranchError(`could not seed or read the state branch "${options.branch}"`);
    }
    await materialize(fetched?.tree ?? template, view);
    return stateBranch(options, fetched, seeded, view, template);
  } catch (error) {
    await rm(view, { recursive: true, force: true });
    throw error;
  }
}

/** The seed, built only for a branch that is missing: a beat on an existing branch never needs it. */
async function templateOf(options: StateBranchOptions): Promise<StateTree> {
  return typeof options.template === 'function' ? options.template() : options.template;
}

function seedChanges(template: StateTree): Change[] {
  return [...template].flatMap(([file, entry]) => (entry.kind === 'file' ? [{ op: 'write' as const, path: file, content: entry.content, executable: entry.executable }] : []));
}

interface Head {
  readonly sha: string;
  readonly tree: StateTree;
}

function stateBranch(options: StateBranchOptions, start: Head | undefined, seeded: boolean, view: string, template: StateTree): StateBranch {
  let head = start;
  let tree: StateTree = start?.tree ?? template;
  return {
    seeded,
    view,
    tree: () => tree,
    async commit(record) {
      const attempts = options.maxPushAttempts ?? DEFAULT_PUSH_ATTEMPTS;
      return withRepo(options, async (repo) => {
        for (let attempt = 1; attempt <= attempts; attempt++) {
          const remote = await fetchHead(options, repo);
          if (remote === undefined && head !== undefined) {
            throw new StateBranchError(`the state branch "${options.branch}" was deleted while this beat ran; its record was not saved, and the next beat seeds the branch again`);
          }
          if (remote !== undefined && remote !== head?.sha) head = { sha: remote, tree: await readTree(options.git, repo, remote, { tails: TAILS }) };
          const base = head?.tree ?? template;
          const applied = applyRecord(base, record);
          const changes = head === undefined ? seedChanges(applied.tree) : applied.changes;
          if (changes.length === 0) return { sha: undefined, attempts: attempt - 1 };
          const written = await pushCommit(options, repo, head?.sha, changes, record.message);
          if (written !== undefined) {
            head = { sha: written.sha, tree: withBlobs(applied.tree, written.appended) };
            tree = head.tree;
            return { sha: written.sha, attempts: attempt };
          }
          // Another beat landed first: the next pass fetches its head and writes this record again on top.
          await sleep(50 * attempt + Math.random() * 100 * attempt);
        }
        throw new StateBranchError(
          `gave up pushing to "${options.branch}" after ${attempts} attempts: other pushes kept landing first. ` +
            (isEmptyRecord(record) ? '' : "This beat's record was not saved; the next beat senses again."),
        );
      });
    },
    [Symbol.asyncDispose]: () => rm(view, { recursive: true, force: true }),
  };
}

/**
 * A fresh bare repository for one piece of git work, removed when it is done. Its name is
 * random and made exclusively (nothing can be waiting there), and what `git init --bare` would
 * write is written here, each file created anew, so the config is the action's own and short.
 */
async function withRepo<T>(options: StateBranchOptions, work: (repo: string) => Promise<T>): Promise<T> {
  const repo = await mkdtemp(path.join(options.tempDir, 'repo-'));
  await mkdir(path.join(repo, 'objects'));
  await mkdir(path.join(repo, 'refs'));
  await mkdir(path.join(repo, 'refs', 'heads'));
  await writeFile(path.join(repo, 'HEAD'), 'ref: refs/heads/main\n', { flag: 'wx' });
  await writeFile(path.join(repo, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n', { flag: 'wx' });
  try {
    return await work(repo);
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
}

/** Files held only by their end when long: the journal grows with every move, and a beat reads its last lines. */
const TAILS: ReadonlySet<string> = new Set([JOURNAL_FILE]);

/** The branch's tip, its long files written whole into `view` by git and only their end kept here. */
async function fetchTree(options: StateBranchOptions, repo: string, view: string): Promise<Head | undefined> {
  const sha = await fetchHead(options, repo);
  return sha === undefined ? undefined : { sha, tree: await readTree(options.git, repo, sha, { tails: TAILS, spillTo: view }) };
}

/** The tree with the blobs git named for the appends it wrote. */
function withBlobs(tree: StateTree, appended: ReadonlyMap<string, string>): StateTree {
  if (appended.size === 0) return tree;
  const named = new Map(tree);
  for (const [file, blob] of appended) {
    const entry = named.get(file);
    if (entry?.kind === 'tail') named.set(file, { ...entry, blob });
  }
  return named;
}

/**
 * Fetches only the branch's tip: a beat never needs its history. Undefined when it does not
 * exist. A fetch is a network call (and may meet a lock held by another), so it is retried.
 */
async function fetchHead(options: StateBranchOptions, repo: string): Promise<string | undefined> {
  const { git, url, branch } = options;
  let stderr = '';
  for (let attempt = 1; attempt <= FETCH_ATTEMPTS; attempt++) {
    // unpackLimit 1 keeps the pack as it came: unpacking it would compress every object again, a long journal too.
    const result = await git.tryRun(['-c', 'fetch.unpackLimit=1', 'fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', url, `+refs/heads/${branch}:${HEAD_REF}`], { cwd: repo, repo, network: true });
    if (result.ok) return (await readFile(path.join(repo, HEAD_REF), 'utf8')).trim();
    if (/couldn't find remote ref/i.test(result.stderr)) return undefined;
    stderr = result.stderr;
    // A refused credential does not get better by asking again.
    if (/authentication failed|could not read (username|password)|\b40[13]\b/i.test(stderr)) break;
    if (attempt < FETCH_ATTEMPTS) await sleep(500 * attempt + Math.random() * 500);
  }
  throw new StateBranchError(
    `could not fetch the state branch "${branch}" from the checkout's origin: ${stderr}. ` +
      'Check that the workflow grants "permissions: contents: write" and passes github-token.',
  );
}

/** Writes and pushes one commit; what it wrote when it landed, undefined when the branch had moved. */
async function pushCommit(options: StateBranchOptions, repo: string, parent: string | undefined, changes: readonly Change[], message: string): Promise<WrittenCommit | undefined> {
  const written = await writeCommit(options.git, repo, { ...(parent === undefined ? {} : { parent }), changes, message, at: options.now() });
  const { sha } = written;
  // Never forced: a plain push fails when the branch moved, which is the compare-and-swap we need.
  const result = await options.git.tryRun(['push', '--porcelain', options.url, `${sha}:refs/heads/${options.branch}`], { cwd: repo, repo, network: true });
  if (result.ok) return written;
  const text = `${result.stdout}\n${result.stderr}`;
  if (/\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(cannot lock ref|failed to update ref)/i.test(text)) return undefined;
  throw new GitError(
    `could not push the state branch "${options.branch}": ${result.stderr}. ` +
      'The workflow needs "permissions: contents: write", and branch protection must let github-actions[bot] push to it.',
    result.stderr,
  );
}

/**
 * Writes the state's files into a new, empty folder for sensors. Only regular files are
 * written (a link on the branch is not), each created exclusively, so nothing is followed.
 * A long file held only by its end is already there: git wrote it while the tree was read.
 */
export async function materialize(tree: StateTree, dir: string): Promise<string> {
  const files = [...tree].flatMap(([file, entry]) => (entry.kind === 'file' ? [[file, entry] as const] : []));
  const folders = [...new Set(files.map(([file]) => path.posix.dirname(file)).filter((folder) => folder !== '.'))];
  await Promise.all(folders.map((folder) => mkdir(path.join(dir, folder), { recursive: true })));
  await Promise.all(files.map(([file, entry]) => writeFile(path.join(dir, file), entry.content, { flag: 'wx', mode: entry.executable ? 0o755 : 0o644 })));
  return dir;
}
