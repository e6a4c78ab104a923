import path from 'node:path';

/** Slugs of goals, names of sensors, schedules, workers and asks. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isName(value: string): boolean {
  return NAME_PATTERN.test(value);
}

/** The state tree's top-level entries the loop may write; nothing else is ever touched. */
const writableRoots = new Set([
  'PLAYBOOK.md',
  'journal.md',
  'beat.json',
  'budget.json',
  'goals',
  'sensors',
  'snapshots',
  'asks',
  'workers',
  'schedules',
  'runs',
]);

export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/**
 * Resolves a path inside the state tree, refusing anything that could land outside it or
 * outside the loop's own files: absolute paths, `..`, unknown roots, dot-files (`.github`).
 */
export function statePath(root: string, relative: string): string {
  const parts = relative.split('/');
  const [top] = parts;
  const safe =
    top !== undefined &&
    writableRoots.has(top) &&
    parts.every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.') && !part.includes('\\'));
  const resolved = path.resolve(root, relative);
  if (!safe || !resolved.startsWith(path.resolve(root) + path.sep)) {
    throw new UnsafePathError(`refused to write "${relative}": outside the loop's state tree`);
  }
  return resolved;
}
