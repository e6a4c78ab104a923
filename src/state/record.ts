import { appendFile, chmod, mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { JOURNAL_HEADER } from '../journal.ts';
import { statePath } from './names.ts';
import { readText } from './read.ts';

/**
 * What one beat writes, kept as intent rather than as a diff, so that when another beat's
 * push lands first it can be applied again on the new head without losing either beat's lines.
 */
/**
 * A file as this beat leaves it: its text, null to delete it (or a whole folder), or a function
 * of what the branch holds when the record is applied, for files several beats add to.
 */
export type FileWrite = string | null | ((current: string | null) => string | null);

export interface BeatRecord {
  /** Writes by path in the state tree. */
  readonly files: Readonly<Record<string, FileWrite>>;
  /** Paths among `files` to mark executable (sensors). */
  readonly executable?: readonly string[];
  /** Lines appended to journal.md, after whatever it holds by then. */
  readonly journal: readonly string[];
  /** The commit message. */
  readonly message: string;
  /**
   * What these files must still hold on the branch for the record to apply (null: must not
   * exist). A claim: of two beats that read the same pending ask, only one may act on it.
   */
  readonly expect?: Readonly<Record<string, string | null>>;
}

/** A record whose `expect` no longer holds: another beat got there first. */
export class ClaimLostError extends Error {
  override name = 'ClaimLostError';
}

export function isEmptyRecord(record: BeatRecord): boolean {
  return Object.keys(record.files).length === 0 && record.journal.length === 0;
}

export async function applyRecord(dir: string, record: BeatRecord): Promise<void> {
  for (const [relative, expected] of Object.entries(record.expect ?? {})) {
    const actual = await readText(statePath(dir, relative));
    if (actual !== expected) throw new ClaimLostError(`${relative} changed on the branch since this beat read it`);
  }
  // Everything is worked out before anything is written, so a failing merge leaves no half record.
  const writes = await Promise.all(
    Object.entries(record.files).map(async ([relative, write]) => {
      const file = statePath(dir, relative);
      return [relative, file, typeof write === 'function' ? write(await readText(file)) : write] as const;
    }),
  );
  for (const [relative, file, content] of writes) {
    if (content === null) {
      await rm(file, { force: true, recursive: true });
      continue;
    }
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
    if (record.executable?.includes(relative) === true) await chmod(file, 0o755);
  }
  if (record.journal.length > 0) await appendJournal(dir, record.journal);
}

async function appendJournal(dir: string, lines: readonly string[]): Promise<void> {
  const file = statePath(dir, 'journal.md');
  const last = await lastByte(file);
  const prefix = last === undefined ? JOURNAL_HEADER : last === '\n' ? '' : '\n';
  await appendFile(file, `${prefix}${lines.join('\n')}\n`);
}

/** The journal can be long: look at its end only. Undefined when it does not exist or is empty. */
async function lastByte(file: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return undefined;
    const buffer = Buffer.alloc(1);
    await handle.read(buffer, 0, 1, size - 1);
    return buffer.toString('latin1');
  } finally {
    await handle.close();
  }
}
