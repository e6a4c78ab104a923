import { RUNS_DIR } from '../state/layout.ts';
import type { Git } from './git.ts';
import { LOOP_IDENTITY } from '../state/identity.ts';
import { isStatePath } from '../state/names.ts';
import { createWriteStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { TAIL_BYTES, type Change, type Entry } from '../state/tree.ts';

/** No state file is this big; reading one would cost the beat its memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Nor the state all together: past this, files are left unread (and reported), whatever their number. */
export const MAX_TREE_BYTES = 256 * 1024 * 1024;

interface Listed {
  readonly mode: string;
  readonly sha: string;
  readonly size: number;
  readonly path: string;
}

/** `ls-tree -r -z -l`: "<mode> <type> <sha> <size>\t<path>\0" for every entry below the root. */
function parseListing(text: string): Listed[] {
  return text
    .split('\0')
    .filter((line) => line !== '')
    .flatMap((line) => {
      const match = /^(\d+) \w+ ([0-9a-f]+)\s+(-|\d+)\t([\s\S]+)$/.exec(line);
      if (match === null) return [];
      const [, mode = '', sha = '', size = '', path = ''] = match;
      return [{ mode, sha, size: size === '-' ? 0 : Number(size), path }];
    });
}

/** The loop reads only regular files under its own roots; runs/ is written, never read back. */
function wanted(entry: Listed): boolean {
  return (entry.mode === '100644' || entry.mode === '100755') && isStatePath(entry.path) && !entry.path.startsWith(`${RUNS_DIR}/`) && entry.size <= MAX_FILE_BYTES;
}

function entryOf(listed: Listed): Entry {
  if (listed.mode === '120000') return { kind: 'link' };
  if ((listed.mode === '100644' || listed.mode === '100755') && isStatePath(listed.path) && listed.size > MAX_FILE_BYTES) {
    return { kind: 'opaque', problem: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: the loop does not read it` };
  }
  return { kind: 'opaque' };
}

export interface TreeReading {
  /**
   * Files read only in part when longer than TAIL_BYTES (the journal): git streams them, and the
   * beat keeps their end. Absent: every file is read whole.
   */
  readonly tails?: ReadonlySet<string>;
  /** A new, empty folder git writes those files into whole (the sensors' view), their end read back from there. */
  readonly spillTo?: string;
}

/**
 * A commit's whole tree, with the content of the files the loop reads: two processes, however
 * many files, and one more for each file read in part. Nothing is checked out, so no link in it
 * can be followed.
 */
export async function readTree(git: Git, repo: string, commit: string, reading: TreeReading = {}): Promise<Map<string, Entry>> {
  const call = { cwd: repo, repo };
  const listing = parseListing((await git.run(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], call)).stdout);
  const tree = new Map<string, Entry>(listing.map((listed) => [listed.path, entryOf(listed)]));
  const long = (file: Listed): boolean => reading.tails?.has(file.path) === true && file.size > TAIL_BYTES;
  let total = 0;
  const files = listing.filter(wanted).filter((file) => {
    if (long(file)) return false;
    total += file.size;
    if (total <= MAX_TREE_BYTES) return true;
    tree.set(file.path, { kind: 'opaque', problem: `is past the ${MAX_TREE_BYTES / 1024 / 1024} MiB the loop reads of a state branch: it is not read` });
    return false;
  });
  // Read while the batch runs: the long files are another process each.
  const tails = Promise.all(listing.filter(wanted).filter(long).map(async (file) => [file, await blobTail(git, repo, file.sha, reading.spillTo === undefined ? undefined : path.join(reading.spillTo, file.path), file.mode === '100755')] as const));
  if (files.length > 0) {
    const batch = (await git.run(['cat-file', '--batch'], { ...call, stdin: files.map((f) => `${f.sha}\n`).join('') })).stdoutBytes;
    let offset = 0;
    for (const file of files) {
      // Each object comes as "<sha> blob <size>\n<content>\n".
      const headerEnd = batch.indexOf(0x0a, offset);
      const size = Number(/ (\d+)$/.exec(batch.subarray(offset, headerEnd).toString('latin1'))?.[1]);
      const start = headerEnd + 1;
      tree.set(file.path, { kind: 'file', content: batch.subarray(start, start + size), executable: file.mode === '100755' });
      offset = start + size + 1;
    }
  }
  for (const [file, tail] of await tails) tree.set(file.path, { kind: 'tail', tail, size: file.size, blob: file.sha, executable: file.mode === '100755' });
  return tree;
}

/** Keeps the last `bytes` of what is written to it. */
class TailKeeper extends Writable {
  private kept = Buffer.alloc(0);
  private readonly bytes: number;
  constructor(bytes: number) {
    super();
    this.bytes = bytes;
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    const joined = Buffer.concat([this.kept, chunk]);
    this.kept = joined.subarray(Math.max(0, joined.length - this.bytes));
    done();
  }
  tail(): Buffer {
    return Buffer.from(this.kept);
  }
}

/**
 * The last TAIL_BYTES of a blob, which passes through this process only in chunks: into a new
 * file when `file` is given (read back from its end), else kept as it streams by.
 */
async function blobTail(git: Git, repo: string, blob: string, file: string | undefined, executable: boolean): Promise<Buffer> {
  if (file === undefined) {
    const keeper = new TailKeeper(TAIL_BYTES);
    await git.run(['cat-file', 'blob', blob], { cwd: repo, repo, stdoutTo: keeper });
    return keeper.tail();
  }
  await mkdir(path.dirname(file), { recursive: true });
  const out = createWriteStream(file, { flags: 'wx', mode: executable ? 0o755 : 0o644 });
  await git.run(['cat-file', 'blob', blob], { cwd: repo, repo, stdoutTo: out });
  out.end();
  await finished(out);
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    await handle.read(tail, 0, tail.length, size - tail.length);
    return tail;
  } finally {
    await handle.close();
  }
}

/** A path as fast-import reads it: always C-quoted, so no name can break the stream. */
function quoted(path: string): string {
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
    body.destroy();
    await hashing.catch(() => undefined);
    throw error;
  }
  body.end(text);
  const sha = (await hashing).stdout.trim();
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new Error(`git hash-object did not say which blob it wrote (it printed ${JSON.stringify(sha.slice(0, 200))})`);
  return sha;
}

/**
 * Writes one commit from in-memory changes with `git fast-import`: one process, no index, no
 * worktree, the identity in the stream itself (and one more pair for each append). Returns the
 * new commit's id.
 */
export async function writeCommit(git: Git, repo: string, commit: NewCommit): Promise<WrittenCommit> {
  const appended = new Map<string, string>();
  for (const change of commit.changes) if (change.op === 'append') appended.set(change.path, await appendedBlob(git, repo, change.to, change.text));
  const when = `${Math.floor(commit.at.getTime() / 1000)} +0000`;
  const stream: Buffer[] = [
    Buffer.from(`commit refs/looop/commit\nmark :1\ncommitter ${LOOP_IDENTITY.name} <${LOOP_IDENTITY.email}> ${when}\n`),
    ...data(commit.message),
    Buffer.from(commit.parent === undefined ? '' : `from ${commit.parent}\n`),
  ];
  for (const change of commit.changes) {
    const mode = change.op === 'delete' ? '' : change.executable ? '100755' : '100644';
    if (change.op === 'delete') stream.push(Buffer.from(`D ${quoted(change.path)}\n`));
    else if (change.op === 'append') stream.push(Buffer.from(`M ${mode} ${appended.get(change.path) ?? ''} ${quoted(change.path)}\n`));
    else stream.push(Buffer.from(`M ${mode} inline ${quoted(change.path)}\n`), ...data(change.content));
  }
  stream.push(Buffer.from('\nget-mark :1\ndone\n'));
  const out = await git.run(['fast-import', '--quiet', '--done', '--force'], { cwd: repo, repo, stdin: Buffer.concat(stream) });
  const sha = out.stdout.trim();
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new Error(`git fast-import did not say which commit it wrote (it printed ${JSON.stringify(out.stdout.slice(0, 200))})`);
  return { sha, appended };
}
