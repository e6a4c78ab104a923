import { oneLine } from '../text/fit.ts';
import { z } from 'zod';
import { refusedCharacter, type CharacterRules } from '../text/characters.ts';
import { NAME_PATTERN } from '../state/names.ts';

/** Text from the model carries no control characters (NUL, escapes, CR) nor the Unicode that makes it read as something else. */
const plain = (rules: CharacterRules) => (value: string, ctx: z.RefinementCtx) => {
  const refused = refusedCharacter(value, rules);
  if (refused !== undefined) ctx.addIssue({ code: 'custom', message: `must not hold ${refused} (control and invisible characters are refused)` });
};

const name = z.string().regex(NAME_PATTERN, 'must match [a-z0-9][a-z0-9-]{0,63}');
const reason = z.string().trim().min(1, 'must say why this move, now').max(2000).superRefine(plain({ multiline: true }));
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).superRefine(plain({ multiline: true }));

/** An ISO 8601 time with a zone, e.g. 2026-11-23T09:00:00Z. */
const instant = z.iso.datetime({ offset: true });
/** A duration such as 15m, 2h or 1d. */
const every = z.string().regex(/^[1-9]\d{0,4}[mhd]$/, 'must be a duration such as 15m, 2h or 1d');

// A command is one line a person can read exactly as it will run.
const commandLine = z.string().max(2000, 'must be at most 2000 characters').trim().min(1).superRefine(plain({ multiline: false, visibleOnly: true }));

const move = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), reason, ...shape });

/** Every move the loop can take: the LLM's whole vocabulary. */
export const moveSchema = z.discriminatedUnion('type', [
  move('noop', {}),
  move('goal_write', { slug: name, body: text(20_000) }),
  move('goal_archive', { slug: name }),
  move('playbook_write', { body: text(40_000) }),
  move('sensor_write', { name, script: text(20_000).startsWith('#!', 'must start with a #! line') }),
  move('run', { command: commandLine }),
  // verify is a command like run's: one line a person can read, run only when allow matches it.
  move('spawn_worker', { id: name, goal: name, prompt: text(20_000).trim().min(1, 'must say what the worker is to do'), verify: commandLine.optional() }),
  move('kill_worker', { id: name }),
  move('ask', { question: text(4000).trim().min(1) }),
  move('escalate', {}),
  move('schedule_write', { name, at: instant.optional(), every: every.optional() }).refine(
    (m) => (m.at === undefined) !== (m.every === undefined),
    'give exactly one of "at" or "every"',
  ),
  move('schedule_drop', { name }),
]);

export type Move = z.infer<typeof moveSchema>;
export const moveTypes = moveSchema.options.map((option) => option.shape.type.value);

export type MoveResult = { readonly ok: true; readonly move: Move } | { readonly ok: false; readonly error: string };

/**
 * Reads the one move out of a runner's final text: exactly one JSON object, bare or in one
 * code fence. Anything else (prose around a bare object, two fences, two objects) is an
 * error, so the loop never acts on a guess about which of several answers was meant.
 */
export function parseMove(finalText: string): MoveResult {
  const json = extractJson(finalText.trim());
  if (!json.ok) return json;
  const value = json.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, error: 'the answer must be one JSON object (a move), not an array or a bare value' };
  }
  const parsed = moveSchema.safeParse(value);
  if (parsed.success) return { ok: true, move: parsed.data };
  return { ok: false, error: `the move is not valid: ${describeIssues(parsed.error)}` };
}

/** A fence of three or more backticks, closed by the same run, alone on their lines. */
const FENCE = /^(`{3,})[a-zA-Z]*[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*$/gm;

type Extracted = { ok: true; value: unknown } | { ok: false; error: string };

function extractJson(text: string): Extracted {
  if (text === '') return { ok: false, error: 'the answer was empty; expected one JSON move' };
  // A bare object may itself hold fences (a goal body with code), so it is tried whole first.
  const bare = text.startsWith('{') ? parseJson(text) : undefined;
  if (bare?.ok === true || (bare !== undefined && !text.includes('```'))) return bare;
  const fences = [...text.matchAll(FENCE)];
  if (fences.length === 1) return parseJson((fences[0]?.[2] ?? '').trim());
  if (fences.length > 1) {
    return { ok: false, error: `the answer holds ${fences.length} code fences; expected exactly one move` };
  }
  return bare ?? { ok: false, error: 'expected exactly one JSON object, bare or in one code fence, and found none' };
}

function parseJson(text: string): Extracted {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const several = /^\{[\s\S]*\}\s*\{[\s\S]*\}$/.test(text) ? ' (it looks like more than one object; send exactly one move)' : '';
    return { ok: false, error: `the answer is not valid JSON${several}: ${(error as Error).message}` };
  }
}

/** The model picks the keys and values zod quotes: each is cut short, so an error stays an error, not a page. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map((part) => oneLine(String(part), 60)).join('.')}: ${oneLine(issue.message, 400)}` : oneLine(issue.message, 400)))
    .join('; ');
}

/** One line that says what a move does, for the journal and the summary. */
export function describeMove(m: Move): string {
  switch (m.type) {
    case 'noop':
      return 'nothing to do';
    case 'goal_write':
      return `write goal ${m.slug}`;
    case 'goal_archive':
      return `archive goal ${m.slug}`;
    case 'playbook_write':
      return 'rewrite the PLAYBOOK';
    case 'sensor_write':
      return `write sensor ${m.name}`;
    case 'run':
      return `run \`${m.command}\``;
    case 'spawn_worker':
      return `spawn worker ${m.id} for goal ${m.goal}`;
    case 'kill_worker':
      return `kill worker ${m.id}`;
    case 'ask':
      return `ask: ${m.question}`;
    case 'escalate':
      return 'escalate to the stronger model';
    case 'schedule_write':
      return `schedule ${m.name} ${m.at === undefined ? `every ${m.every ?? ''}` : `at ${m.at}`}`;
    case 'schedule_drop':
      return `drop schedule ${m.name}`;
  }
}
