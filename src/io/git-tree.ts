import { GitError, type Git, type GitResult } from './git.ts';
import { LOOP_IDENTITY } from '../state/identity.ts';
import { PassThrough, Writable } from 'node:stream';
import { TAIL_BYTES, type Change } from '../state/tree.ts';

/**
 * Writing the state branch's commits in a repository of the action's own, without an index or
 * a worktree; and the one read that is not the tree's (io/tree-read.ts): a long file's end.
 */

/** The ref the commits are written to, in the action's own repository (and pushed from). */
export const COMMIT_REF = 'refs/looop/commit';

/** Keeps the last `bytes` of what is written to it. */
class TailKeeper extends Writable {
  private kept = Buffer.alloc(0);
  seen = 0;
  private readonly bytes: number;
  constructor(bytes: number) {
    super();
    this.bytes = bytes;
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.seen += chunk.length;
    const joined = Buffer.concat([this.kept, chunk]);
    this.kept = joined.subarray(Math.max(0, joined.length - this.bytes));
    done();
  }
  tail(): Buffer {
    return Buffer.from(this.kept);
  }
}

/** The last TAIL_BYTES of a blob, which passes through this process only in chunks. */
export async function blobTail(git: Git, repo: string, blob: string): Promise<{ tail: Buffer; size: number }> {
  const keeper = new TailKeeper(TAIL_BYTES);
  await git.run(['cat-file', 'blob', blob], { cwd: repo, repo, stdoutTo: keeper });
  return { tail: keeper.tail(), size: keeper.seen };
}

/** A path as fast-import reads it: always C-quoted, so no name can break the stream. */
export function quoted(path: string): string {
  let escaped = '';
  for (const c of path) {
    const code = c.charCodeAt(0);
    escaped += c === '"' || c === '\\' ? `\\${c}` : code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : c;
  }
  return `"${escaped}"`;
}

function data(content: Buffer | string): Buffer[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return [Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n')];
}

export interface NewCommit {
  /** The commit it follows; absent for the branch's first (root) commit. */
  readonly parent?: string;
  readonly changes: readonly Change[];
  readonly message: string;
  readonly at: Date;
}

export interface WrittenCommit {
  readonly sha: string;
  /** The blobs appends made, by path. */
  readonly appended: ReadonlyMap<string, string>;
}

/**
 * A blob that is `to` with `text` after it, written by git: the old blob streams from one git
 * into the other and never whole through this process.
 */
async function appendedBlob(git: Git, repo: string, to: string, text: string): Promise<string> {
  const body = new PassThrough();
  const hashing = git.run(['hash-object', '-w', '--stdin'], { cwd: repo, repo, stdin: body });
  try {
    await git.run(['cat-file', 'blob', to], { cwd: repo, repo, stdoutTo: body });
  } catch (error) {
    // With an error, so that hash-object's stdin ends and it does not wait out git's timeout.
    body.destroy(error instanceof Error ? error : new Error(String(error)));
    await hashing.catch(() => undefined);
    throw error;
  }
  body.end(text);
  const sha = (await hashing).stdout.trim();
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new Error(`git hash-object did not say which blob it wrote (it printed ${JSON.stringify(sha.slice(0, 200))})`);
  return sha;
}

/**
 * Writes commits from in-memory changes with one `git fast-import`: each on the one before it,
 * the first on its parent. One process, no index, no worktree, the identity in the stream itself
 * (and one more pair of processes for each append to a long file). Returns what each became.
 */
export async function writeCommits(git: Git, repo: string, commits: readonly NewCommit[]): Promise<WrittenCommit[]> {
  const { written, result } = await fastImport(git, repo, commits);
  if (written === undefined) throw new GitError(`git fast-import failed: ${result.stderr || 'no message'}`, result.stderr);
  return written;
}

/** Git arguments that push COMMIT_REF, and the remote they push to (the credential helper's host). */
export interface Push {
  readonly args: readonly string[];
  readonly remote: string;
}

/**
 * Writes a commit as writeCommits does and, in the same process once it is written, runs
 * `push`: a commit and its push cost the action one process to start, not two. The answer is
 * the push's, which does not run when the commit could not be written (that throws).
 */
export async function writeAndPush(git: Git, repo: string, commit: NewCommit, push: Push): Promise<{ written: WrittenCommit; pushed: GitResult }> {
  const { written, result } = await fastImport(git, repo, [commit], push);
  const [first] = written ?? [];
  // fast-import says each commit as it reads the stream: it may still fail after (a ref it cannot lock, a full disk).
  if (first === undefined || result.firstFailed === true) throw new GitError(`git fast-import failed: ${result.stderr || 'no message'}`, result.stderr);
  return { written: first, pushed: { ...result, stdout: result.stdout.split('\n').slice(1).join('\n') } };
}

/** The commits as written (undefined when fast-import did not say it wrote them all), and git's answer. */
async function fastImport(git: Git, repo: string, commits: readonly NewCommit[], then?: Push): Promise<{ written: WrittenCommit[] | undefined; result: GitResult }> {
  const appends: Map<string, string>[] = [];
  for (const commit of commits) {
    const appended = new Map<string, string>();
    for (const change of commit.changes) if (change.op === 'append') appended.set(change.path, await appendedBlob(git, repo, change.to, change.text));
    appends.push(appended);
  }
  const stream = commits.flatMap((commit, i) => commitStream(commit, i + 1, appends[i] ?? new Map()));
  stream.push(Buffer.from(`\n${commits.map((_, i) => `get-mark :${i + 1}\n`).join('')}done\n`));
  // unpackLimit 0: the pack is kept as written, not unpacked by another process into loose objects.
  const result = await git.tryRun(['-c', 'fastimport.unpackLimit=0', 'fast-import', '--quiet', '--done', '--force'], {
    cwd: repo,
    repo,
    stdin: Buffer.concat(stream),
    ...(then === undefined ? {} : { then: then.args, remote: then.remote }),
  });
  // fast-import answers each get-mark as it reads it, before what runs after it prints anything.
  const shas = result.stdout.split('\n').slice(0, commits.length);
  if (shas.length !== commits.length || !shas.every((sha) => /^[0-9a-f]{40,64}$/.test(sha))) {
    if (!result.ok) return { written: undefined, result };
    throw new Error(`git fast-import did not say which commits it wrote (it printed ${JSON.stringify(result.stdout.slice(0, 200))})`);
  }
  return { written: shas.map((sha, i) => ({ sha, appended: appends[i] ?? new Map() })), result };
}

/** One commit of a fast-import stream, marked `mark`: on its parent when first, else on the commit marked before it. */
function commitStream(commit: NewCommit, mark: number, appended: ReadonlyMap<string, string>): Buffer[] {
  const when = `${Math.floor(commit.at.getTime() / 1000)} +0000`;
  const from = mark === 1 ? commit.parent : `:${mark - 1}`;
  const stream: Buffer[] = [
    Buffer.from(`commit ${COMMIT_REF}\nmark :${mark}\ncommitter ${LOOP_IDENTITY.name} <${LOOP_IDENTITY.email}> ${when}\n`),
    ...data(commit.message),
    Buffer.from(from === undefined ? '' : `from ${from}\n`),
  ];
  for (const change of commit.changes) {
    const mode = change.op === 'delete' ? '' : change.executable ? '100755' : '100644';
    if (change.op === 'delete') stream.push(Buffer.from(`D ${quoted(change.path)}\n`));
    else if (change.op === 'append') stream.push(Buffer.from(`M ${mode} ${appended.get(change.path) ?? ''} ${quoted(change.path)}\n`));
    else stream.push(Buffer.from(`M ${mode} inline ${quoted(change.path)}\n`), ...data(change.content));
  }
  return stream;
}
