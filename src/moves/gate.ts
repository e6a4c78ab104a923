import { checkAllowed } from './allow.ts';
import { sameCommand } from '../beat/commands.ts';
import type { Move } from './schema.ts';
import type { Reading } from '../beat/sense.ts';

/**
 * Whether a move may run without a person. This is code, not words in a prompt: the LLM can
 * say anything, and the gate still decides from the move's type, the workflow's `allow`
 * patterns and the guards that hold the loop.
 */
export type Gate =
  | { readonly open: true; /** For run: the words to execute without a shell. */ readonly argv?: readonly string[]; readonly pattern?: string }
  | { readonly open: false; readonly why: string; readonly question: string };

export interface GateContext {
  readonly allow: readonly string[];
  /** Why each holding guard holds (`"hold"` in a sensor's signal). */
  readonly holds: readonly string[];
  /** Commands a beat died running, or another beat may be running now: running them again needs a person. */
  readonly interrupted: readonly string[];
}

/** Why a signal holds the loop, or undefined: any truthy `hold` holds, whatever its type. */
export function holdIn(signal: unknown): string | undefined {
  if (signal === null || typeof signal !== 'object' || !('hold' in signal)) return undefined;
  const hold: unknown = signal.hold;
  if (hold === undefined || hold === null || hold === false || hold === 0 || hold === '') return undefined;
  if (typeof hold === 'string') return hold.trim() === '' ? '(no reason given)' : hold.trim();
  return hold === true ? '(no reason given)' : JSON.stringify(hold);
}

export interface Holds {
  /** Why each holding guard holds, as shown in prompts, issues and the summary. */
  readonly reasons: readonly string[];
  /** The holds that stand now, by guard: what the next beat compares with. */
  readonly standing: Readonly<Record<string, string>>;
}

/**
 * A sensor whose signal carries `"hold": "<why>"` holds every move that changes the world
 * outside the state branch. A guard fails closed: one that errors, hangs or prints something
 * unreadable keeps the hold it had, until it reads clean again.
 */
export function holdsOf(readings: readonly Reading[], before: Readonly<Record<string, string>>): Holds {
  const standing: Record<string, string> = {};
  const reasons: string[] = [];
  for (const reading of readings) {
    const why = reading.error === undefined ? holdIn(reading.signal) : before[reading.name];
    if (why === undefined) continue;
    standing[reading.name] = why;
    reasons.push(reading.error === undefined ? `${reading.name}: ${why}` : `${reading.name}: ${why} (the guard failed: ${reading.error}; its hold stands until it reads clean)`);
  }
  return { reasons, standing };
}

function held(context: GateContext): string {
  return context.holds.length > 0 ? ` while held (${context.holds.join('; ')})` : '';
}

export function gate(move: Move, context: GateContext): Gate {
  switch (move.type) {
    case 'sensor_write':
      return { open: false, why: 'a sensor is code that runs every beat', question: `May the loop add or replace the sensor "${move.name}"?` };
    case 'ask':
      return { open: false, why: 'it is a question for a person', question: move.question };
    case 'run': {
      if (context.holds.length > 0) return { open: false, why: `a guard holds the loop${held(context)}`, question: `May the loop run \`${move.command}\`${held(context)}?` };
      if (context.interrupted.some((held) => sameCommand(held, move.command))) {
        return { open: false, why: 'a beat ended while running it before, or another beat may be running it now, so it may or may not have run', question: `May the loop run \`${move.command}\` again? A beat ended while running it before, or another may be running it now; it may or may not have finished.` };
      }
      const verdict = checkAllowed(move.command, context.allow);
      if (!verdict.allowed) return { open: false, why: verdict.why, question: `May the loop run \`${move.command}\`?` };
      return { open: true, argv: verdict.argv, pattern: verdict.pattern };
    }
    case 'spawn_worker':
      if (context.holds.length > 0) return { open: false, why: `a guard holds the loop${held(context)}`, question: `May the loop start worker "${move.id}"${held(context)}?` };
      return { open: true };
    default:
      return { open: true };
  }
}
