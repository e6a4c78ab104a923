import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { TAIL_BYTES } from '../state/tree.ts';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Git } from './git.ts';
import { COMMIT_REF } from './git-tree.ts';

/**
 * Fetching the state branch's tip into a repository of the action's own: the first git work
 * of a beat, kept apart from the rest of the state branch's so that the entry can start it
 * before the bundle is loaded (io/prefetch.ts) without loading the state's schemas.
 */

export const FETCH_ATTEMPTS = 3;
const HEAD_REF = 'refs/looop/head';

export class StateBranchError extends Error {
  override name = 'StateBranchError';
}

/** Where the state branch is fetched from. */
export interface Remote {
  readonly git: Git;
  /** The checkout's origin. */
  readonly url: string;
  readonly branch: string;
}

/**
 * A fresh bare repository for one piece of git work. Its name is random and made exclusively
 * (nothing can be waiting there), and what `git init --bare` would write is written here, each
 * file created anew, so the config is the action's own and short.
 */
export function makeRepo(tempDir: string): string {
  const repo = mkdtempSync(path.join(tempDir, 'repo-'));
  mkdirSync(path.join(repo, 'objects'));
  mkdirSync(path.join(repo, 'refs', 'heads'), { recursive: true });
  writeFileSync(path.join(repo, 'HEAD'), 'ref: refs/heads/main\n', { flag: 'wx' });
  writeFileSync(path.join(repo, 'config'), REPO_CONFIG, { flag: 'wx' });
  return repo;
}

const REPO_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tbare = true\n';

/** A fresh repository for `work`, removed when it is done. */
export async function withRepo<T>(tempDir: string, work: (repo: string) => Promise<T>): Promise<T> {
  const repo = makeRepo(tempDir);
  try {
    return await work(repo);
  } finally {
    await rm(repo, { recursive: true, force: true });
  }
}

/**
 * Blobs a beat's fetch leaves out: as long as the end of a file the loop keeps (the journal, which
 * only grows). The server leaves them out (GitHub does; a server that does not sends everything).
 */
const FILTER = `--filter=blob:limit=${TAIL_BYTES}`;

/** What a fetch that also read its objects got: the tip, and every object git then held (undefined past OBJECTS_CAP). */
export interface FetchedObjects {
  readonly sha: string;
  readonly objects: Buffer | undefined;
}

/** More than the objects of any state worth holding at once: past this, the tree is read file by file. */
const OBJECTS_CAP = 64 * 1024 * 1024;

/**
 * Fetches only the branch's tip: a beat never needs its history. Undefined when it does not
 * exist. A fetch is a network call (and may meet a lock held by another), so it is retried.
 */
export async function fetchHead(remote: Remote, repo: string): Promise<string | undefined> {
  return (await fetchTip(remote, repo, false, undefined))?.sha;
}

/**
 * Fetches the branch's tip without long blobs and then, in the same process, prints every
 * object the repository holds (`cat-file --batch-all-objects`): git goes from the fetch to the
 * read without waiting for the action, whose main thread is busy loading the bundle meanwhile.
 * The repository is new, so they are the tip's objects and nothing else.
 */
export async function fetchObjects(remote: Remote, repo: string): Promise<FetchedObjects | undefined> {
  return fetchTip(remote, repo, true, ['cat-file', '--batch-all-objects', '--batch', '--buffer', '--unordered']);
}

async function fetchTip(remote: Remote, repo: string, filtered: boolean, then: readonly string[] | undefined): Promise<FetchedObjects | undefined> {
  const { git, url, branch } = remote;
  let stderr = '';
  let filter = filtered ? [FILTER] : [];
  for (let attempt = 1; attempt <= FETCH_ATTEMPTS; attempt++) {
    // unpackLimit 1 keeps the pack as it came: unpacking it would compress every object again, a long journal too.
    // A filtered fetch names its remote (git names one after a URL, and refuses a path as a
    // name); it makes the repository a partial clone, whose git fetches what is missing when
    // asked for it: the config is put back after, so a missing object is only missing.
    const from = filter.length > 0 ? ['-c', `remote.origin.url=${url}`, 'fetch', ...filter, 'origin'] : ['fetch', url];
    // The ref says this attempt's fetch landed, whatever the read after it did. A commit this
    // beat wrote and did not land would be offered to the remote as held, with all it holds:
    // a long journal a filtered fetch left out would then be sent by nobody.
    for (const ref of [HEAD_REF, COMMIT_REF]) rmSync(path.join(repo, ref), { force: true });
    const result = await git.tryRun(['-c', 'fetch.unpackLimit=1', ...from, '--no-tags', '--no-write-fetch-head', '--depth=1', `+refs/heads/${branch}:${HEAD_REF}`], {
      cwd: repo,
      repo,
      remote: url,
      ...(then === undefined ? {} : { then, maxStdoutBytes: OBJECTS_CAP }),
    });
    if (filter.length > 0) writeFileSync(path.join(repo, 'config'), REPO_CONFIG);
    const sha = await readFile(path.join(repo, HEAD_REF), 'utf8').then((text) => text.trim(), () => undefined);
    // The fetch landed even when the read after it did not (past its cap): the tree is then read file by file.
    if (sha !== undefined) return { sha, objects: result.ok && then !== undefined ? result.stdoutBytes : undefined };
    if (/couldn't find remote ref/i.test(result.stderr)) return undefined;
    stderr = result.stderr;
    // A refused credential does not get better by asking again.
    if (/authentication failed|could not read (username|password)|\b40[13]\b/i.test(stderr)) break;
    // A git or server that cannot filter fetches everything instead.
    if (filter.length > 0 && /filter/i.test(stderr)) {
      filter = [];
      continue;
    }
    if (attempt < FETCH_ATTEMPTS) await sleep(500 * attempt + Math.random() * 500);
  }
  throw new StateBranchError(
    `could not fetch the state branch "${branch}" from the checkout's origin: ${stderr}. ` +
      'Check that the workflow grants "permissions: contents: write" and passes github-token.',
  );
}
