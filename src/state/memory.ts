import { z } from 'zod';
import { MEMORY_FILE } from './layout.ts';

/**
 * beat.json: what one beat leaves for the next. Level-triggered: everything else the loop
 * needs is re-read from the world and the state tree every beat.
 */
const memorySchema = z.object({
  /** The last beat that made a decision, and the world's fingerprint it decided on. */
  decided: z
    .object({ beat: z.string(), at: z.string(), fingerprint: z.string() })
    .optional(),
  /**
   * Consecutive decide failures; cleared by the next good decision. `streak` counts the last
   * ones of one fingerprint, and `beats` are theirs, for the failure issue they may open.
   */
  failures: z
    .object({
      count: z.number().int().nonnegative(),
      lastAt: z.string(),
      lastError: z.string(),
      fingerprint: z.string().optional(),
      streak: z.number().int().nonnegative().optional(),
      beats: z.array(z.object({ beat: z.string(), at: z.string(), url: z.string().optional() })).optional(),
    })
    .optional(),
  /** The UTC day the budget stopped decisions and the journal said so (said once a day); on file as `budgetHeld`. */
  budgetStoppedOn: z.string().optional(),
  /** Comments on asks were read up to here (with a margin for clock skew). */
  asksCheckedAt: z.string().optional(),
  /** The last command's result (a run move's), shown once in the next prompt, which it also asks for; on file as `lastRun`. */
  lastCommand: z
    .object({ beat: z.string(), command: z.string(), outcome: z.string(), tail: z.string() })
    .optional(),
  /** Allowed commands beats claimed before running them; each beat's record settles its own. */
  running: z.array(z.object({ beat: z.string(), runId: z.string().optional(), command: z.string(), at: z.string() })).optional(),
  /** Commands a beat died running: they may have run, so running them again needs a person. */
  interrupted: z.array(z.string()).optional(),
  /** The holds that stand, by guard sensor: a guard that fails keeps its hold until it reads clean. */
  holds: z.record(z.string(), z.string()).optional(),
  /** The symbolic links the journal last reported, so it says so again only when they change. */
  links: z.array(z.string()).optional(),
});

export type Memory = z.infer<typeof memorySchema>;

/** beat.json keeps the names it was first written with; the code calls them for what they are. */
const ON_FILE: Readonly<Record<string, string>> = { budgetStoppedOn: 'budgetHeld', lastCommand: 'lastRun' };

function renamed(json: Record<string, unknown>, names: Readonly<Record<string, string>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(json).map(([key, value]) => [names[key] ?? key, value]));
}

const IN_CODE = Object.fromEntries(Object.entries(ON_FILE).map(([code, file]) => [file, code]));

export { MEMORY_FILE } from './layout.ts';

/**
 * A damaged beat.json (a bad hand edit) costs one extra decision, never a stuck loop; it is
 * reported, and replaced by the next beat's record.
 */
export function parseMemory(text: string | null): { memory: Memory; damaged: boolean; problem?: string } {
  if (text === null) return { memory: {}, damaged: false };
  try {
    const json: unknown = JSON.parse(text);
    const parsed = memorySchema.safeParse(json !== null && typeof json === 'object' && !Array.isArray(json) ? renamed(json as Record<string, unknown>, IN_CODE) : json);
    if (parsed.success) return { memory: parsed.data, damaged: false };
    return { memory: {}, damaged: true, problem: `${MEMORY_FILE} is not in the expected shape; the next record replaces it` };
  } catch {
    return { memory: {}, damaged: true, problem: `${MEMORY_FILE} is not JSON; the next record replaces it` };
  }
}

export function formatMemory(memory: Memory): string {
  return `${JSON.stringify(renamed(memory, ON_FILE), null, 2)}\n`;
}
