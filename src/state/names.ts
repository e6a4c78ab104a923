import { refusedCharacter } from '../text/characters.ts';
import { STATE_ROOTS } from './layout.ts';

/** Slugs of goals, names of sensors, schedules, workers and asks. */
export const NAME_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function isName(value: string): boolean {
  return NAME_PATTERN.test(value);
}

export { STATE_ROOTS } from './layout.ts';

/** `.github/` on the state branch holds people's files (the steer workflow): never state, never written by the loop. */
export function isPeoplesPath(relative: string): boolean {
  return relative === '.github' || relative.startsWith('.github/');
}

export class UnsafePathError extends Error {
  override name = 'UnsafePathError';
}

/** True for a path the loop owns: under a known root, no dot-files (`.github`), no climbing. */
export function isStatePath(relative: string): boolean {
  const parts = relative.split('/');
  const [top] = parts;
  return (
    top !== undefined &&
    STATE_ROOTS.has(top) &&
    parts.every((part) => part !== '' && part !== '.' && part !== '..' && !part.startsWith('.') && !part.includes('\\') && refusedCharacter(part, { multiline: false, visibleOnly: true }) === undefined)
  );
}

/**
 * Checks a path the loop is about to write, refusing anything that could land outside the
 * state tree or outside the loop's own files: absolute paths, `..`, unknown roots, dot-files.
 */
export function statePath(relative: string): string {
  if (!isStatePath(relative)) throw new UnsafePathError(`refused to write "${relative}": outside the loop's state tree`);
  return relative;
}
