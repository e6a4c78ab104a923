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

/**
 * A record whose claim no longer holds: another beat got there first. A file write may throw
 * it too, when what the branch holds by now forbids the write (a budget another beat spent).
 */
export class ClaimLostError extends Error {
  override name = 'ClaimLostError';
}

export function isEmptyRecord(record: BeatRecord): boolean {
  return Object.keys(record.files).length === 0 && record.journal.length === 0;
}

/**
 * Two writes of one file in one record, the later applied to what the first leaves: a worker's
 * charge settled and the decision's charge both land in budget.json, neither lost.
 */
export function sequenced(first: FileWrite, later: FileWrite): FileWrite {
  if (typeof later !== 'function') return later;
  return (current) => later(typeof first === 'function' ? first(current) : first);
}

/** Two sets of writes as one; a file both write gets both, in order. */
export function mergeFiles(first: Readonly<Record<string, FileWrite>>, later: Readonly<Record<string, FileWrite>>): Record<string, FileWrite> {
  const out: Record<string, FileWrite> = { ...first };
  for (const [file, write] of Object.entries(later)) out[file] = file in out ? sequenced(out[file] ?? null, write) : write;
  return out;
}
