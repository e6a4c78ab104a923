import { RUNS_DIR } from '../state/layout.ts';
import type { Git } from './git.ts';
import { LOOP_IDENTITY } from '../state/identity.ts';
import { isStatePath } from '../state/names.ts';
import type { Change, Entry } from '../state/tree.ts';

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

/**
 * A commit's whole tree, with the content of the files the loop reads: two processes, however
 * many files. Nothing is checked out, so no link in it can be followed.
 */
export async function readTree(git: Git, repo: string, commit: string): Promise<Map<string, Entry>> {
  const call = { cwd: repo, repo };
  const listing = parseListing((await git.run(['ls-tree', '-r', '-z', '-l', '--full-tree', commit], call)).stdout);
  const tree = new Map<string, Entry>(listing.map((listed) => [listed.path, entryOf(listed)]));
  let total = 0;
  const files = listing.filter(wanted).filter((file) => {
    total += file.size;
    if (total <= MAX_TREE_BYTES) return true;
    tree.set(file.path, { kind: 'opaque', problem: `is past the ${MAX_TREE_BYTES / 1024 / 1024} MiB the loop reads of a state branch: it is not read` });
    return false;
  });
  if (files.length === 0) return tree;
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
  return tree;
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

/**
 * Writes one commit from in-memory changes with `git fast-import`: one process, no index, no
 * worktree, the identity in the stream itself. Returns the new commit's id.
 */
export async function writeCommit(git: Git, repo: string, commit: NewCommit): Promise<string> {
  const when = `${Math.floor(commit.at.getTime() / 1000)} +0000`;
  const stream: Buffer[] = [
    Buffer.from(`commit refs/looop/commit\nmark :1\ncommitter ${LOOP_IDENTITY.name} <${LOOP_IDENTITY.email}> ${when}\n`),
    ...data(commit.message),
    Buffer.from(commit.parent === undefined ? '' : `from ${commit.parent}\n`),
  ];
  for (const change of commit.changes) {
    if (change.op === 'delete') stream.push(Buffer.from(`D ${quoted(change.path)}\n`));
    else stream.push(Buffer.from(`M ${change.executable ? '100755' : '100644'} inline ${quoted(change.path)}\n`), ...data(change.content));
  }
  stream.push(Buffer.from('\nget-mark :1\ndone\n'));
  const out = await git.run(['fast-import', '--quiet', '--done', '--force'], { cwd: repo, repo, stdin: Buffer.concat(stream) });
  const sha = out.stdout.trim();
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new Error(`git fast-import did not say which commit it wrote (it printed ${JSON.stringify(out.stdout.slice(0, 200))})`);
  return sha;
}
