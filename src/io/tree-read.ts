import { RUNS_DIR } from '../state/layout.ts';
import { isStatePath } from '../state/names.ts';
import { TAIL_BYTES, type Entry } from '../state/tree.ts';
import { PassThrough, Writable } from 'node:stream';
import type { Git } from './git.ts';

/** No state file is this big; reading one would cost the beat its memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
/** Nor the state all together: past this, files are left unread (and reported), whatever their number. */
export const MAX_TREE_BYTES = 256 * 1024 * 1024;

/** What is kept of an object, decided once its header says its type and size. */
type Keep = 'whole' | 'tail' | 'none';

interface GitObject {
  readonly sha: string;
  readonly type: string;
  readonly size: number;
  /** The content, when it was kept whole; its last TAIL_BYTES when only its end was. */
  readonly content?: Buffer;
}

interface Request {
  readonly keep: (type: string, size: number) => Keep;
  readonly resolve: (object: GitObject | undefined) => void;
}

/**
 * `git cat-file --batch`, asked object by object: "<name>\n" in, "<sha> <type> <size>\n
 * <content>\n" or "<name> missing\n" out, in order. Content streams through: what is not kept
 * is never held, and a kept end holds at most TAIL_BYTES.
 */
class BatchOutput extends Writable {
  private readonly pending: Request[] = [];
  private header: Buffer[] = [];
  private body: { request: Request; sha: string; type: string; size: number; left: number; keep: Keep; parts: Buffer[]; held: number } | undefined;

  expect(request: Request): void {
    this.pending.push(request);
  }

  /** Every request still waiting gets no object: git ended (or failed) before answering it. */
  abandon(): void {
    for (const request of this.pending.splice(0)) request.resolve(undefined);
    this.body?.request.resolve(undefined);
    this.body = undefined;
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    try {
      let at = 0;
      while (at < chunk.length) at = this.body === undefined ? this.readHeader(chunk, at) : this.readBody(chunk, at);
      done();
    } catch (error) {
      done(error as Error);
    }
  }

  private readHeader(chunk: Buffer, at: number): number {
    const newline = chunk.indexOf(0x0a, at);
    if (newline < 0) {
      this.header.push(chunk.subarray(at));
      return chunk.length;
    }
    const line = this.header.length === 0 ? chunk.toString('latin1', at, newline) : Buffer.concat([...this.header, chunk.subarray(at, newline)]).toString('latin1');
    this.header = [];
    const request = this.pending.shift();
    if (request === undefined) throw new Error(`git cat-file answered more than it was asked: ${JSON.stringify(line.slice(0, 100))}`);
    const found = /^([0-9a-f]{40}|[0-9a-f]{64}) (\w+) (\d+)$/.exec(line);
    if (found === null) {
      if (!/ (missing|ambiguous)$/.test(line)) throw new Error(`git cat-file printed ${JSON.stringify(line.slice(0, 100))}, not an object header`);
      request.resolve(undefined);
      return newline + 1;
    }
    const [, sha = '', type = '', sizeText = ''] = found;
    const size = Number(sizeText);
    // The body is followed by one newline, read as part of it.
    this.body = { request, sha, type, size, left: size + 1, keep: request.keep(type, size), parts: [], held: 0 };
    return newline + 1;
  }

  private readBody(chunk: Buffer, at: number): number {
    const body = this.body as NonNullable<BatchOutput['body']>;
    const end = Math.min(chunk.length, at + body.left);
    const piece = chunk.subarray(at, Math.min(end, at + Math.max(0, body.left - 1)));
    body.left -= end - at;
    if (body.keep !== 'none' && piece.length > 0) {
      body.parts.push(piece);
      body.held += piece.length;
      if (body.keep === 'tail' && body.held > 2 * TAIL_BYTES) {
        const joined = Buffer.concat(body.parts);
        body.parts = [joined.subarray(joined.length - TAIL_BYTES)];
        body.held = TAIL_BYTES;
      }
    }
    if (body.left === 0) {
      this.body = undefined;
      const joined = body.keep === 'none' ? undefined : Buffer.concat(body.parts);
      const content = joined === undefined || body.keep === 'whole' ? joined : Buffer.from(joined.subarray(Math.max(0, joined.length - TAIL_BYTES)));
      body.request.resolve({ sha: body.sha, type: body.type, size: body.size, ...(content === undefined ? {} : { content }) });
    }
    return end;
  }
}

/** One `git cat-file --batch` for a whole tree: asked in rounds, each answered in order. */
interface ObjectReader {
  /** The objects named, in order; `keep` is told each one's place among the names. */
  read(names: readonly string[], keep: (index: number, type: string, size: number) => Keep): Promise<(GitObject | undefined)[]>;
  close(): Promise<void>;
}

function openObjectReader(git: Git, repo: string): ObjectReader {
  const input = new PassThrough();
  const output = new BatchOutput();
  let failure: Error | undefined;
  const running = git
    .run(['cat-file', '--batch'], { cwd: repo, repo, stdin: input, stdoutTo: output })
    .catch((error: unknown) => {
      failure = error as Error;
    })
    .finally(() => { output.abandon(); });
  return {
    async read(names, keep) {
      const answers = Promise.all(names.map((_name, index) => new Promise<GitObject | undefined>((resolve) => { output.expect({ keep: (type, size) => keep(index, type, size), resolve }); })));
      input.write(names.map((name) => `${name}\n`).join(''));
      const objects = await answers;
      if (failure !== undefined) throw failure;
      return objects;
    },
    async close() {
      input.end();
      await running;
      if (failure !== undefined) throw failure;
    },
  };
}

interface Listed {
  readonly mode: string;
  readonly sha: string;
  readonly path: string;
}

/** A tree object's entries: "<mode> <name>\0<hash>" one after another, the hash in bytes. */
function entriesOf(tree: Buffer, hashBytes: number, folder: string): Listed[] {
  const entries: Listed[] = [];
  let at = 0;
  while (at < tree.length) {
    const space = tree.indexOf(0x20, at);
    const nul = tree.indexOf(0, space);
    if (space < 0 || nul < 0 || nul + 1 + hashBytes > tree.length) throw new Error('a tree object of the state branch is damaged');
    const name = tree.subarray(space + 1, nul).toString('utf8');
    entries.push({ mode: tree.subarray(at, space).toString('latin1'), sha: tree.subarray(nul + 1, nul + 1 + hashBytes).toString('hex'), path: folder === '' ? name : `${folder}/${name}` });
    at = nul + 1 + hashBytes;
  }
  return entries;
}

/** Every entry below the commit's root, folders walked level by level: one round of the reader each. */
async function listTree(reader: ObjectReader, commit: string): Promise<Listed[]> {
  const keepTrees = (_index: number, type: string): Keep => (type === 'tree' ? 'whole' : 'none');
  const [root] = await reader.read([`${commit}^{tree}`], keepTrees);
  if (root?.content === undefined) throw new Error(`${commit} is not a commit with a tree in the fetched objects`);
  const hashBytes = root.sha.length / 2;
  const listed: Listed[] = [];
  let level: { path: string; content: Buffer }[] = [{ path: '', content: root.content }];
  while (level.length > 0) {
    const folders: Listed[] = [];
    for (const tree of level) {
      for (const entry of entriesOf(tree.content, hashBytes, tree.path)) (entry.mode === '40000' ? folders : listed).push(entry);
    }
    const trees = folders.length === 0 ? [] : await reader.read(folders.map((folder) => folder.sha), keepTrees);
    level = folders.flatMap((folder, i) => {
      const content = trees[i]?.content;
      if (content === undefined) throw new Error(`the folder ${folder.path} of the state branch is not in the fetched objects`);
      return [{ path: folder.path, content }];
    });
  }
  return listed.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const isRegular = (mode: string): boolean => mode === '100644' || mode === '100755';

/** The loop reads only regular files under its own roots; runs/ is written, never read back. */
function wanted(entry: Listed): boolean {
  return isRegular(entry.mode) && isStatePath(entry.path) && !entry.path.startsWith(`${RUNS_DIR}/`);
}

export interface TreeReading {
  /**
   * Files read only in part when longer than TAIL_BYTES (the journal): the beat keeps their
   * end. One the repository does not hold (a fetch that left out long files) is an entry
   * without its end. Absent: every file is read whole.
   */
  readonly tails?: ReadonlySet<string>;
}

export interface ReadTree {
  readonly tree: Map<string, Entry>;
  /** Files the loop reads that the repository does not hold: a fetch left them out. */
  readonly missing: readonly string[];
}

/**
 * A commit's whole tree, with the content of the files the loop reads, from one `git cat-file`
 * however many files there are. Nothing is checked out, so no link in it can be followed, and
 * an object the repository lacks is never fetched by the reading.
 */
export async function readTree(git: Git, repo: string, commit: string, reading: TreeReading = {}): Promise<ReadTree> {
  const reader = openObjectReader(git, repo);
  try {
    const listing = await listTree(reader, commit);
    const files = listing.filter(wanted);
    const keep = keeper(files, reading);
    const objects = await reader.read(
      files.map((file) => file.sha),
      (index, _type, size) => keep(index, size),
    );
    return treeOf(listing, files, objects, reading);
  } finally {
    await reader.close();
  }
}

/**
 * The same reading of a commit's tree from every object of a repository printed at once
 * (`cat-file --batch-all-objects --batch`, after a fetch into a new repository): no round trip
 * to git. Undefined when a folder of the tree is not among them (the caller reads file by file).
 */
export function treeOfObjects(printed: Buffer, commit: string, reading: TreeReading = {}): ReadTree | undefined {
  const objects = new Map<string, { type: string; content: Buffer }>();
  for (let at = 0; at < printed.length; ) {
    const newline = printed.indexOf(0x0a, at);
    const found = /^([0-9a-f]{40}|[0-9a-f]{64}) (\w+) (\d+)$/.exec(printed.toString('latin1', at, newline));
    if (newline < 0 || found === null) return undefined;
    const [, sha = '', type = '', size = ''] = found;
    objects.set(sha, { type, content: printed.subarray(newline + 1, newline + 1 + Number(size)) });
    at = newline + 1 + Number(size) + 1;
  }
  const root = /^tree ([0-9a-f]+)$/m.exec(objects.get(commit)?.content.toString('latin1') ?? '')?.[1];
  const listing: Listed[] = [];
  let level: { path: string; sha: string }[] = root === undefined ? [] : [{ path: '', sha: root }];
  if (root === undefined) return undefined;
  while (level.length > 0) {
    const folders: Listed[] = [];
    for (const tree of level) {
      const content = objects.get(tree.sha)?.content;
      if (content === undefined) return undefined;
      for (const entry of entriesOf(content, tree.sha.length / 2, tree.path)) (entry.mode === '40000' ? folders : listing).push(entry);
    }
    level = folders;
  }
  listing.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files = listing.filter(wanted);
  const keep = keeper(files, reading);
  const kept = files.map((file, index): GitObject | undefined => {
    const object = objects.get(file.sha);
    if (object === undefined) return undefined;
    const size = object.content.length;
    const how = keep(index, size);
    // Copied out: the printed objects (runs/, a long file a server did not leave out) are let go.
    const content = how === 'whole' ? Buffer.from(object.content) : how === 'tail' ? Buffer.from(object.content.subarray(size - TAIL_BYTES)) : undefined;
    return { sha: file.sha, type: object.type, size, ...(content === undefined ? {} : { content }) };
  });
  return treeOf(listing, files, kept, reading);
}

/** What is kept of each wanted file, by its size: the files in order, their total capped. */
function keeper(files: readonly Listed[], reading: TreeReading): (index: number, size: number) => Keep {
  let total = 0;
  return (index, size) => {
    if (reading.tails?.has(files[index]?.path ?? '') === true && size > TAIL_BYTES) return 'tail';
    if (size > MAX_FILE_BYTES) return 'none';
    total += size;
    return total <= MAX_TREE_BYTES ? 'whole' : 'none';
  };
}

function treeOf(listing: readonly Listed[], files: readonly Listed[], objects: readonly (GitObject | undefined)[], reading: TreeReading): ReadTree {
  const tree = new Map<string, Entry>();
  for (const listed of listing) tree.set(listed.path, listed.mode === '120000' ? { kind: 'link' } : { kind: 'opaque' });
  const missing: string[] = [];
  files.forEach((file, i) => {
    const entry = entryOf(file, objects[i], reading);
    if (entry === undefined) missing.push(file.path);
    tree.set(file.path, entry ?? { kind: 'opaque', problem: 'is not in the objects fetched' });
  });
  return { tree, missing };
}

/** A wanted file's entry from what the reader kept of its blob; undefined when the blob is missing. */
function entryOf(file: Listed, object: GitObject | undefined, reading: TreeReading): Entry | undefined {
  const executable = file.mode === '100755';
  const long = reading.tails?.has(file.path) === true;
  if (object === undefined) return long ? { kind: 'tail', blob: file.sha, executable } : undefined;
  if (long && object.size > TAIL_BYTES && object.content !== undefined) return { kind: 'tail', tail: object.content, size: object.size, blob: file.sha, executable };
  if (object.size > MAX_FILE_BYTES) return { kind: 'opaque', problem: `is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB: the loop does not read it` };
  if (object.content === undefined) return { kind: 'opaque', problem: `is past the ${MAX_TREE_BYTES / 1024 / 1024} MiB the loop reads of a state branch: it is not read` };
  return { kind: 'file', content: object.content, executable };
}
