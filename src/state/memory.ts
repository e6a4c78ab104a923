import { z } from 'zod';

/**
 * beat.json: what one beat leaves for the next. Level-triggered: everything else the loop
 * needs is re-read from the world and the state tree every beat.
 */
const memorySchema = z.object({
  /** The last beat that made a decision, and the world's fingerprint it decided on. */
  decided: z
    .object({ beat: z.string(), at: z.string(), fingerprint: z.string() })
    .optional(),
  /** Consecutive decide failures; cleared by the next good decision. */
  failures: z
    .object({ count: z.number().int().nonnegative(), lastAt: z.string(), lastError: z.string() })
    .optional(),
  /** The UTC day the budget stopped decisions and the journal said so (said once a day). */
  budgetHeld: z.string().optional(),
  /** Comments on asks were read up to here (with a margin for clock skew). */
  asksCheckedAt: z.string().optional(),
  /** The last run move's result, shown once in the next prompt, which it also asks for. */
  lastRun: z
    .object({ beat: z.string(), command: z.string(), outcome: z.string(), tail: z.string() })
    .optional(),
});

export type Memory = z.infer<typeof memorySchema>;

export const MEMORY_FILE = 'beat.json';

/** A damaged beat.json (a bad hand edit) costs one extra decision, never a stuck loop. */
export function parseMemory(text: string | null): { memory: Memory; problem?: string } {
  if (text === null) return { memory: {} };
  try {
    const parsed = memorySchema.safeParse(JSON.parse(text));
    if (parsed.success) return { memory: parsed.data };
    return { memory: {}, problem: `${MEMORY_FILE} is not in the expected shape; starting afresh` };
  } catch {
    return { memory: {}, problem: `${MEMORY_FILE} is not JSON; starting afresh` };
  }
}

export function formatMemory(memory: Memory): string {
  return `${JSON.stringify(memory, null, 2)}\n`;
}
