import { checkAllowed } from './allow.ts';
import type { Move } from './moves.ts';
import type { Reading } from './sense.ts';

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
}

/** A sensor whose signal carries `"hold": "<why>"` holds every move that changes the world outside the state branch. */
export function holdsOf(readings: readonly Reading[]): string[] {
  return readings.flatMap((reading) => {
    const signal = reading.signal;
    if (signal === null || typeof signal !== 'object' || !('hold' in signal)) return [];
    const why = signal.hold;
    return typeof why === 'string' && why.trim() !== '' ? [`${reading.name}: ${why.trim()}`] : [];
  });
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
