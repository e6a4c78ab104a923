import type { Store } from './ports.ts';
import { ClaimLostError, mergeFiles, type BeatRecord, type FileWrite } from '../state/record.ts';

/**
 * The record step: every commit a beat makes goes through here, to the store, which pushes it
 * and, on a rejected push, applies it again on the new head (io/state-branch.ts).
 *
 * Two kinds: a claim, pushed before acting, that holds only while the file is still what this
 * beat read (a compare-and-swap: of two beats that saw the same approval, one acts); and the
 * beat's record, whose writes are merge rules that keep what other beats wrote meanwhile.
 */

/** What the steps of a beat add up to before it is committed: files with their merge rules, journal lines. */
export interface RecordDraft {
  readonly files: Readonly<Record<string, FileWrite>>;
  readonly journal: readonly string[];
  readonly executable?: readonly string[];
}

/** Two drafts as one; a file both write gets the later write applied to what the first leaves. */
export function merged(first: RecordDraft, later: RecordDraft): RecordDraft {
  const executable = [...(first.executable ?? []), ...(later.executable ?? [])];
  return { files: mergeFiles(first.files, later.files), journal: [...first.journal, ...later.journal], ...(executable.length === 0 ? {} : { executable }) };
}

export interface FileClaim {
  readonly file: string;
  /** The file as the claim leaves it. */
  readonly text: string;
  /** What the branch must still hold (null: the file must not exist yet). */
  readonly expected: string | null;
  readonly message: string;
}

/** Pushes a claim; false when another beat changed the file first (it then does the work). */
export async function claimFile(store: Store, wanted: FileClaim): Promise<boolean> {
  try {
    await store.commit({ files: { [wanted.file]: wanted.text }, expect: { [wanted.file]: wanted.expected }, journal: [], message: wanted.message });
    return true;
  } catch (error) {
    if (error instanceof ClaimLostError) return false;
    throw error;
  }
}

/** Commits a draft as one commit. */
export function record(store: Store, draft: RecordDraft, message: string): ReturnType<Store['commit']> {
  const commit: BeatRecord = { files: draft.files, journal: draft.journal, message, ...(draft.executable === undefined ? {} : { executable: draft.executable }) };
  return store.commit(commit);
}
