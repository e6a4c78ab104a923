import { JOURNAL_FILE, PLAYBOOK_FILE } from '../state/layout.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { GitError, type Git, type GitResult } from './git.ts';
import { removeTree } from './scratch.ts';
import { FETCH_ATTEMPTS, fetchHead, fetchObjects, StateBranchError, withRepo, type Remote } from './state-fetch.ts';
import { blobTail, COMMIT_REF, writeAndPush, writeCommits, type NewCommit, type WrittenCommit } from './git-tree.ts';
import { captureReplica, seededReplica, withCommit, writeReplica, type Replica } from './replica.ts';
import { readTree, treeOfObjects } from './tree-read.ts';
import { isEmptyRecord, type BeatRecord } from '../state/record.ts';
import { applyRecord, endOf, isUnread, type Change, type Entry, type StateTree } from '../state/tree.ts';
import { journalLines } from '../state/journal.ts';
import { loadYaml } from '../text/yaml.ts';

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
  /** The journal's last lines, fetched when the tree holds only its name (a long journal). */
  journalTail(): Promise<readonly string[]>;
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
  /** The tip read already (io/prefetch.ts), used when it is of this origin; its view becomes the beat's. */
  readonly prefetched?: Promise<PrefetchedTip | undefined>;
}

const DEFAULT_PUSH_ATTEMPTS = 6;

export { StateBranchError } from './state-fetch.ts';

export async function openStateBranch(options: StateBranchOptions): Promise<StateBranch> {
  const early = await adopted(options);
  const view = early?.view ?? (await mkdtemp(path.join(options.tempDir, 'view-')));
  try {
    let fetched = early === undefined ? await withRepo(options.tempDir, (repo) => fetchTree(options, repo)) : early.head;
    // A tip read early is in its view already.
    let written = fetched !== undefined && early !== undefined;
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
      const seed: NewCommit = { changes: seedChanges(template), message: 'looop: seed the state branch from loop-state/', at: options.now() };
      const sha = await withRepo(options.tempDir, async (repo) => {
        const written = await pushCommit(options, repo, seed);
        return typeof written === 'string' ? undefined : written.sha;
      });
      if (sha !== undefined) {
        fetched = { sha, tree: template, replica: seededReplica(seed) };
        break;
      }
      seeded = false;
      fetched = await withRepo(options.tempDir, (repo) => fetchTree(options, repo));
      written = false;
      if (attempt >= FETCH_ATTEMPTS && fetched === undefined) throw new StateBranchError(`could not seed or read the state branch "${options.branch}"`);
    }
    if (!written) await materialize(fetched?.tree ?? template, view);
    return stateBranch(options, fetched, seeded, view, template);
  } catch (error) {
    removeTree(view);
    throw error;
  }
}

/** The branch's tip as read before the beat asked for it (io/prefetch.ts): its origin, its view, the tip (undefined: no branch). */
export interface PrefetchedTip {
  readonly url: string;
  readonly view: string;
  readonly head: Head | undefined;
}

/**
 * Fetches the branch's tip and writes its view, in a new folder under `dir`: a beat's first git
 * work, which the entry starts before the bundle loads. `fetching` is told when git has begun.
 */
export async function fetchTip(remote: Remote, dir: string, fetching: () => void): Promise<PrefetchedTip> {
  // Made at once, so git starts before anything else waits on the event loop.
  const view = mkdtempSync(path.join(dir, 'view-'));
  const head = await withRepo(dir, (repo) => fetchTree(remote, repo, fetching));
  if (head !== undefined) await materialize(head.tree, view);
  return { url: remote.url, view, head };
}

/** The tip read early, when it is of this origin; one of another is thrown away. */
async function adopted(options: StateBranchOptions): Promise<PrefetchedTip | undefined> {
  const early = await options.prefetched;
  if (early === undefined || early.url === options.url) return early;
  removeTree(early.view);
  return undefined;
}

/** The seed, built only for a branch that is missing: a beat on an existing branch never needs it. */
async function templateOf(options: StateBranchOptions): Promise<StateTree> {
  return typeof options.template === 'function' ? options.template() : options.template;
}

function seedChanges(template: StateTree): Change[] {
  return [...template].flatMap(([file, entry]) => (entry.kind === 'file' ? [{ op: 'write' as const, path: file, content: entry.content, executable: entry.executable }] : []));
}

export interface Head {
  readonly sha: string;
  readonly tree: StateTree;
  /** What rebuilds the head's objects without a fetch; absent when the beat holds none. */
  readonly replica?: Replica;
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
      return withRepo(options.tempDir, async (repo) => {
        // The first try writes on the head as the beat holds it, from the objects it holds; when
        // that cannot be done it fetches instead, in the same try. A refused push fetches the head that won.
        let replaying = true;
        for (let attempt = 1; attempt <= attempts; attempt++) {
          const replay = replaying && attempt === 1 ? replayable(repo, head, record) : undefined;
          const remote = replay === undefined ? await fetchHead(options, repo) : head?.sha;
          if (remote === undefined && head !== undefined) {
            throw new StateBranchError(`the state branch "${options.branch}" was deleted while this beat ran; its record was not saved, and the next beat seeds the branch again`);
          }
          if (remote !== undefined && replay === undefined) {
            // A fetch brings the head's objects whole: the beat's next records are written from them.
            const replica = captureReplica(repo, remote, false);
            if (remote === head?.sha) head = { ...head, replica };
            else {
              head = { sha: remote, tree: (await readTree(options.git, repo, remote, { tails: TAILS })).tree, replica };
              // The record's writes read what another beat or a person wrote: YAML, perhaps.
              await loadYaml();
            }
          }
          if (head !== undefined && record.journal.length > 0) head = { ...head, tree: await withJournalEnd(options.git, repo, head.tree) };
          const base = head?.tree ?? template;
          const applied = applyRecord(base, record);
          const changes = head === undefined ? seedChanges(applied.tree) : applied.changes;
          if (changes.length === 0) return { sha: undefined, attempts: attempt - 1 };
          const next: NewCommit = { ...(head === undefined ? {} : { parent: head.sha }), changes, message: record.message, at: options.now() };
          const written = await pushCommit(options, repo, next, replay);
          if (written === 'replay failed') {
            replaying = false;
            attempt -= 1;
            continue;
          }
          if (written !== 'moved') {
            const replica = head?.replica === undefined ? undefined : withCommit(head.replica, next);
            head = { sha: written.sha, tree: withBlobs(applied.tree, written.appended), ...(replica === undefined ? {} : { replica }) };
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
    async journalTail() {
      const read = head;
      if (read === undefined || !isUnread(tree, JOURNAL_FILE)) return journalLines(endOf(tree, JOURNAL_FILE));
      return withRepo(options.tempDir, async (repo) => {
        const remote = await fetchHead(options, repo);
        if (remote === read.sha) {
          tree = await withJournalEnd(options.git, repo, read.tree);
          head = { sha: read.sha, tree, replica: captureReplica(repo, remote, false) };
          return journalLines(endOf(tree, JOURNAL_FILE));
        }
        // The branch moved meanwhile: its journal's last lines as they now stand.
        const now = remote === undefined ? undefined : (await readTree(options.git, repo, remote, { tails: TAILS })).tree;
        return journalLines(now === undefined ? null : endOf(now, JOURNAL_FILE));
      });
    },
    [Symbol.asyncDispose]: () => {
      removeTree(view);
      return Promise.resolve();
    },
  };
}

/**
 * The tree with the journal's end read, when a fetch left it out: the repository must hold the
 * blob (an unfiltered fetch). A record appends to the journal knowing how it ends.
 */
async function withJournalEnd(git: Git, repo: string, tree: StateTree): Promise<StateTree> {
  const entry = tree.get(JOURNAL_FILE);
  if (entry?.kind !== 'tail' || entry.tail !== undefined) return tree;
  const { tail, size } = await blobTail(git, repo, entry.blob);
  return new Map(tree).set(JOURNAL_FILE, { ...entry, tail, size });
}

/** Files held only by their end when long: the journal grows with every move, and a beat reads its last lines. */
const TAILS: ReadonlySet<string> = new Set([JOURNAL_FILE]);

/**
 * The branch's tip, fetched without long blobs: the journal's end is read only when a decision
 * needs it. Any other file the loop reads that the fetch left out (a long sensor script) is
 * fetched whole, in a repository of its own (a second fetch into the first would bring nothing:
 * it has the tip).
 */
async function fetchTree(remote: Remote, repo: string, fetching: () => void = () => undefined, tempDir = path.dirname(repo)): Promise<Head | undefined> {
  const started = fetchObjects(remote, repo);
  fetching();
  const fetched = await started;
  if (fetched === undefined) return undefined;
  const { sha } = fetched;
  const replica = captureReplica(repo, sha, true);
  const read = (fetched.objects === undefined ? undefined : treeOfObjects(fetched.objects, sha, { tails: TAILS })) ?? (await readTree(remote.git, repo, sha, { tails: TAILS }));
  if (read.missing.length === 0) return { sha, tree: read.tree, replica };
  return withRepo(tempDir, async (whole) => {
    const again = await fetchHead(remote, whole);
    return again === undefined ? undefined : { sha: again, tree: (await readTree(remote.git, whole, again, { tails: TAILS })).tree, replica: captureReplica(whole, again, false) };
  });
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
 * The head's objects written into `repo` from what the beat holds, and the commits of this beat
 * to write again on them: undefined when it must fetch instead (no replica, a long journal the
 * record appends to that the fetch left out, or the objects could not be written).
 */
function replayable(repo: string, head: Head | undefined, record: BeatRecord): readonly NewCommit[] | undefined {
  const replica = head?.replica;
  if (head === undefined || replica === undefined) return undefined;
  if (replica.filtered && record.journal.length > 0 && head.tree.get(JOURNAL_FILE)?.kind === 'tail') return undefined;
  try {
    return writeReplica(repo, replica);
  } catch {
    // A fetch writes the same objects, or says what stands in the way.
    return undefined;
  }
}

/**
 * Writes `commit` and pushes it: what it wrote when it landed, 'moved' when the branch was not
 * where the commit's parent says. With `replay`, the repository holds only the objects the
 * beat's fetch brought, and this beat's commits since are written again first, in the same
 * stream: one that fails or does not come out at the commit's parent is 'replay failed', and
 * nothing is pushed (the caller fetches instead).
 */
async function pushCommit(options: StateBranchOptions, repo: string, commit: NewCommit, replay?: readonly NewCommit[]): Promise<WrittenCommit | 'moved' | 'replay failed'> {
  // A compare-and-swap: the push lands only where the branch is the commit's parent (missing, for
  // a seed). A plain push would also land where a person rewound the branch to an older commit,
  // and bring back what they took away.
  const lease = `--force-with-lease=refs/heads/${options.branch}:${commit.parent ?? ''}`;
  const push = (source: string): string[] => ['push', '--porcelain', lease, options.url, `${source}:refs/heads/${options.branch}`];
  if (replay === undefined) {
    const { written, pushed } = await writeAndPush(options.git, repo, commit, { args: push(COMMIT_REF), remote: options.url });
    return landed(options, written, pushed);
  }
  const commits = [...replay, commit];
  const all = await writeCommits(options.git, repo, commits).catch(() => undefined);
  const written = all?.at(-1);
  if (all === undefined || written === undefined || (commits.length > 1 && all.at(-2)?.sha !== commit.parent)) return 'replay failed';
  return landed(options, written, await options.git.tryRun(push(written.sha), { cwd: repo, repo, remote: options.url }));
}

/** What a push of `written` came to: it, when it landed; 'moved' when the branch was not at the commit's parent. */
function landed(options: StateBranchOptions, written: WrittenCommit, result: GitResult): WrittenCommit | 'moved' {
  if (result.ok) return written;
  const text = `${result.stdout}\n${result.stderr}`;
  if (/\[rejected\]|non-fast-forward|fetch first|\[remote rejected\].*(cannot lock ref|failed to update ref)/i.test(text)) return 'moved';
  throw new GitError(
    `could not push the state branch "${options.branch}": ${result.stderr}. ` +
      'The workflow needs "permissions: contents: write", and branch protection must let github-actions[bot] push to it.',
    result.stderr,
  );
}

/**
 * Writes the state's files into a new, empty folder for sensors. Only regular files are
 * written (a link on the branch is not), each created exclusively, so nothing is followed. The
 * journal is not among them: it only grows, and a beat does not fetch a long one.
 */
export function materialize(tree: StateTree, dir: string): Promise<string> {
  const files = [...tree].flatMap(([file, entry]) => (entry.kind === 'file' && file !== JOURNAL_FILE ? [[file, entry] as const] : []));
  const folders = [...new Set(files.map(([file]) => path.posix.dirname(file)).filter((folder) => folder !== '.'))];
  // In one go, without the thread pool: a thousand small files are written in a tenth of the
  // time, and nothing else of the beat runs until they are there.
  for (const folder of folders) mkdirSync(path.join(dir, folder), { recursive: true });
  for (const [file, entry] of files) writeFileSync(path.join(dir, file), entry.content, { flag: 'wx', mode: entry.executable ? 0o755 : 0o644 });
  return Promise.resolve(dir);
}
