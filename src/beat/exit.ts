import type { ProcessExit } from './ports.ts';

/** A short description of a failed exit, for journals and error messages. */
export function describeExit(exit: ProcessExit, timeoutMs: number): string {
  if (exit.spawnError !== undefined) return `could not start: ${exit.spawnError}`;
  if (exit.timedOut) return `timed out after ${Math.round(timeoutMs / 1000)}s and was killed`;
  if (exit.overflowed) return 'printed more output than allowed and was killed';
  if (exit.signal !== null) return `killed by ${exit.signal}`;
  return `exited with code ${String(exit.code)}`;
}
