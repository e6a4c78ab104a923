import { JOURNAL_FILE } from './layout.ts';
import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { JOURNAL_HEADER } from './journal.ts';
import { statePath, UnsafePathError } from './names.ts';
import { ClaimLostError, type BeatRecord } from './record.ts';

/**
 * The state branch's tree, held in memory. The loop never reads or writes the state through a
 * filesystem, so a symbolic link a steering pull request adds can be seen, reported and kept,
 * but never followed: links and submodules are entries without content.
 */
export type Entry =
  | { readonly kind: 'file'; readonly content: Buffer; readonly executable: boolean }
  | { readonly kind: 'link' }
  /** On the branch but not read by the loop: submodules, people's files outside the state roots, runs/, oversized files. */
  | { readonly kind: 'opaque'; /** Why the loop would have read it but did not. */ readonly problem?: string }
  /**
   * A file too long to hold whole (a long journal): the blob a record appends to in git, and
   * its last bytes and length once read. It is never read whole: only appended to. Its end is
   * absent while the beat has not fetched it (a fetch leaves long files out; a decision fetches
   * the journal's end when it needs it).
   */
  | { readonly kind: 'tail'; readonly tail?: Buffer; readonly size?: number; readonly blob: string; readonly executable: boolean };

export type StateTree = ReadonlyMap<string, Entry>;

/** One change to the tree, as git is told it. */
export type Change =
  | { readonly op: 'write'; readonly path: string; readonly content: Buffer; readonly executable: boolean }
  | { readonly op: 'delete'; readonly path: string }
  /** The blob `to` with `text` after it: a long file grows without being read. */
  | { readonly op: 'append'; readonly path: string; readonly to: string; readonly text: string; readonly executable: boolean };

/** A file's text, or null when it is absent or is not a regular file held whole. */
export function textOf(tree: StateTree, file: string): string | null {
  const entry = tree.get(file);
  return entry?.kind === 'file' ? entry.content.toString('utf8') : null;
}

/** A file's text, or for one held only in part its last whole lines; null when there is none. */
export function endOf(tree: StateTree, file: string): string | null {
  const entry = tree.get(file);
  if (entry?.kind !== 'tail') return textOf(tree, file);
  if (entry.tail === undefined) return null;
  // The first line of the tail may be cut, and with it a character: it is dropped.
  const text = entry.tail.toString('utf8');
  return text.slice(text.indexOf('\n') + 1);
}

/** True when the file is long and this beat has not read its end (a fetch left it out). */
export function isUnread(tree: StateTree, file: string): boolean {
  const entry = tree.get(file);
  return entry?.kind === 'tail' && entry.tail === undefined;
}

/** How much of a long file is kept: more than the last lines any reader of one takes. */
export const TAIL_BYTES = 1024 * 1024;

/** Symbolic links on the branch: a person's pull request may add one; the loop never follows it. */
export function linksIn(tree: StateTree): string[] {
  return [...tree].filter(([, entry]) => entry.kind === 'link').map(([file]) => file).sort();
}

/** True when the path, or a folder above it, is one of the links. */
export function isBehindLink(links: readonly string[], file: string): boolean {
  return links.some((link) => file === link || file.startsWith(`${link}/`));
}

/** Entries at a path or under it (a folder). */
function under(tree: StateTree, file: string): string[] {
  return [...tree.keys()].filter((key) => key === file || key.startsWith(`${file}/`));
}

export interface Applied {
  readonly tree: StateTree;
  readonly changes: readonly Change[];
}

/**
 * Applies a record to the tree as the branch holds it now: checks its claims, works out merged
 * files against what is there, and returns the new tree and the changes that make it. A path
 * held by a link (or below one) gets a regular file in the link's place; nothing is followed.
 */
export function applyRecord(tree: StateTree, record: BeatRecord): Applied {
  for (const [file, expected] of Object.entries(record.expect ?? {})) {
    const entry = tree.get(file);
    const actual = entry === undefined ? null : entry.kind === 'file' ? entry.content.toString('utf8') : undefined;
    if (actual !== expected) throw new ClaimLostError(`${file} changed on the branch since this beat read it`);
  }
  const next = new Map(tree);
  const changes: Change[] = [];
  const put = (file: string, text: string, executable: boolean): void => {
    const content = Buffer.from(text, 'utf8');
    const current = next.get(file);
    if (current?.kind === 'file' && current.executable === executable && current.content.equals(content)) return;
    // A folder or link in the way is replaced: git cannot hold a file and a folder at one path.
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) next.delete(parts.slice(0, i).join('/'));
    for (const inside of under(next, file).filter((key) => key !== file)) next.delete(inside);
    next.set(file, { kind: 'file', content, executable });
    changes.push({ op: 'write', path: file, content, executable });
  };
  for (const [file, write] of Object.entries(record.files)) {
    statePath(file);
    if (next.get(file)?.kind === 'tail') throw new Error(`${file} is held only in part (it is long): a record can append to it, not write it`);
    const content = typeof write === 'function' ? write(textOf(next, file)) : write;
    if (content !== null) {
      put(file, content, record.executable?.includes(file) === true);
      continue;
    }
    const gone = under(next, file);
    for (const key of gone) next.delete(key);
    if (gone.length > 0) changes.push({ op: 'delete', path: file });
  }
  const journal = next.get(JOURNAL_FILE);
  if (record.journal.length > 0 && journal?.kind === 'tail') {
    if (journal.tail === undefined || journal.size === undefined) throw new Error(`the end of ${JOURNAL_FILE} was not read: a record cannot be appended to it`);
    const text = `${journal.tail.at(-1) === 0x0a ? '' : '\n'}${record.journal.join('\n')}\n`;
    const added = Buffer.from(text, 'utf8');
    const tail = Buffer.concat([journal.tail, added]);
    // The blob the append makes is named once git has written it.
    next.set(JOURNAL_FILE, { ...journal, tail: tail.subarray(Math.max(0, tail.length - TAIL_BYTES)), size: journal.size + added.length, blob: '' });
    changes.push({ op: 'append', path: JOURNAL_FILE, to: journal.blob, text, executable: journal.executable });
  } else if (record.journal.length > 0) {
    const current = textOf(next, JOURNAL_FILE);
    const prefix = current === null || current === '' ? JOURNAL_HEADER : current.endsWith('\n') ? current : `${current}\n`;
    put(JOURNAL_FILE, `${prefix}${record.journal.join('\n')}\n`, false);
  }
  return { tree: next, changes };
}

/**
 * Reads a folder (the template a branch is seeded from, a test's fixture) as a tree. A link in
 * it is an error: the template is the action's own, and nothing in it may point elsewhere.
 */
export async function treeFromDir(root: string): Promise<Map<string, Entry>> {
  const tree = new Map<string, Entry>();
  const walk = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(root, relative), { withFileTypes: true });
    await Promise.all(
      entries.map(async (entry) => {
        const file = relative === '' ? entry.name : `${relative}/${entry.name}`;
        const full = path.join(root, file);
        const info = await lstat(full);
        if (info.isSymbolicLink()) throw new UnsafePathError(`${full} is a symbolic link; the state template holds regular files only`);
        if (info.isDirectory()) return walk(file);
        tree.set(file, { kind: 'file', content: await readFile(full), executable: (info.mode & 0o111) !== 0 });
      }),
    );
  };
  await walk('');
  return tree;
}
