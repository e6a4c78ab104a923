import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { NewCommit } from './git-tree.ts';

/**
 * The state branch's head as this beat holds it in memory: the objects its fetch brought (read
 * right after the fetch, before any sensor, command or runner ran) and the commits this beat
 * wrote on top since. A commit's repository is rebuilt from it instead of fetched again: one
 * round trip to the remote less for every record. A push the remote refuses (another beat landed
 * first) is fetched for, as before.
 */
export interface Replica {
  /** The files of the fetch's repository that hold objects: its packs, and the shallow list. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** The commit the fetch brought, or undefined for a branch this beat seeded. */
  readonly base: string | undefined;
  /** The fetch left out blobs of 1 MiB and more (a long journal among them). */
  readonly filtered: boolean;
  /** Commits this beat pushed on top of the base, in order: written again, they give the same objects. */
  readonly commits: readonly NewCommit[];
}

/** The objects of a repository just fetched into: everything under objects/, and the shallow list. */
export function captureReplica(repo: string, base: string, filtered: boolean): Replica {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(path.join(repo, 'objects'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(repo, path.join(entry.parentPath, entry.name));
    files.set(file, readFileSync(path.join(repo, file)));
  }
  try {
    files.set('shallow', readFileSync(path.join(repo, 'shallow')));
  } catch {
    // A fetch of a branch's only commit leaves no shallow list.
  }
  return { files, base, filtered, commits: [] };
}

/** A replica of a branch this beat seeded: nothing fetched, its one commit written again. */
export function seededReplica(seed: NewCommit): Replica {
  return { files: new Map(), base: undefined, filtered: false, commits: [seed] };
}

export function withCommit(replica: Replica, commit: NewCommit): Replica {
  return { ...replica, commits: [...replica.commits, commit] };
}

/**
 * Writes the replica's objects into a new, empty repository; returns the commits to write again
 * on them, in one stream with the next (io/git-tree.ts): the same changes give the same commits.
 */
export function writeReplica(repo: string, replica: Replica): readonly NewCommit[] {
  for (const [file, content] of replica.files) {
    mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
    writeFileSync(path.join(repo, file), content, { flag: 'wx' });
  }
  return replica.commits;
}
