import { createHash, randomBytes } from 'node:crypto';
import { jsonFrontMatter, readYaml, yaml } from '../../text/yaml.ts';
import { z } from 'zod';
import { moveSchema, type Move } from '../../moves/schema.ts';
import { canonicalJson } from '../../text/canonical.ts';
import type { FileWrite } from '../../state/record.ts';

/**
 * An ask: a question to the people who steer the loop, kept as `asks/<id>.md` on the state
 * branch and shown as one GitHub issue. A move ask carries the exact move that an approval
 * runs; a question ask only wants an answer.
 */
export const askStatuses = ['pending', 'executing', 'done', 'denied', 'answered', 'withdrawn'] as const;
export type AskStatus = (typeof askStatuses)[number];

/** Who answered: a GitHub login, the only thing of an answer shown outside its fence. */
const answerSchema = z.object({ by: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/, 'expected a GitHub login'), at: z.string(), comment: z.number(), text: z.string() });
export type Answer = z.infer<typeof answerSchema>;

const askSchema = z.object({
  id: z.string(),
  status: z.enum(askStatuses),
  /** What the person is asked, in the loop's words. */
  question: z.string(),
  /** Why the loop wants it. */
  reason: z.string(),
  /** The move an approval runs, exactly as shown; absent for a plain question. */
  move: moveSchema.optional(),
  /** Short hash of move and round: what `/approve <hash>` must name. */
  hash: z.string().optional(),
  /** Raised each time an interrupted execution makes the loop ask again; old approvals then no longer match. */
  round: z.number().int().positive().default(1),
  /** The worker whose question this is: its answer resumes that worker, on its branch. */
  worker: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/).optional(),
  /** Guards that held the loop when this was asked. */
  holds: z.array(z.string()).default([]),
  issue: z.number().int().positive().optional(),
  /**
   * Random, written when the ask is claimed and carried in its issue's marker: an issue is this
   * ask's only when it carries the nonce (and was opened by the loop), so nobody can open one
   * ahead of the loop, and a branch seeded again never adopts the issue of an earlier life.
   */
  nonce: z.string().regex(/^[0-9a-f]{16,64}$/).optional(),
  /** A beat claimed the opening of the issue: another leaves it alone while that beat may live. */
  creating: z.object({ beat: z.string(), runId: z.string().optional(), at: z.string() }).optional(),
  /** The last error GitHub gave for this ask, until a call on it succeeds. */
  error: z.string().optional(),
  /** The issue has been told the outcome and closed. */
  closed: z.boolean().default(false),
  /** When its issue was opened; empty in the template's setup ask until then. */
  created: z.string().default(''),
  beat: z.string().default(''),
  answers: z.array(answerSchema).default([]),
  /** Comments already handled, so a re-read never handles one twice. */
  seen: z.array(z.number()).default([]),
  /** Who approved, and which beat claimed the execution (for a crash between executing and done). */
  approved: z.object({ by: z.string(), at: z.string(), comment: z.number() }).optional(),
  claimedBy: z.object({ beat: z.string(), runId: z.string().optional(), at: z.string() }).optional(),
  outcome: z.string().optional(),
  resolved: z.string().optional(),
});

export type Ask = z.infer<typeof askSchema>;
export type AskFile = { readonly ok: true; readonly ask: Ask } | { readonly ok: false; readonly problem: string };

const FRONT = /^---\n([\s\S]*?)\n---\n?/;

export { askPath } from '../../state/layout.ts';

/**
 * The loop writes the front matter as JSON, which is YAML too: a beat reads every open ask,
 * and JSON parses an order of magnitude faster. A person's hand edit in YAML still reads.
 */
function frontMatter(block: string): { ok: true; value: unknown } | { ok: false; problem: string } {
  const json = jsonFrontMatter(block);
  if (json !== undefined) return { ok: true, value: json };
  // Not JSON: YAML reads it, or says what is wrong with it.
  const read = readYaml(yaml(), block);
  return read.ok ? read : { ok: false, problem: `front matter is not YAML: ${read.problem}` };
}

export function parseAsk(text: string): AskFile {
  const match = FRONT.exec(text);
  if (match === null) return { ok: false, problem: 'has no front matter' };
  const front = frontMatter(match[1] ?? '');
  if (!front.ok) return front;
  const parsed = askSchema.safeParse(front.value);
  if (!parsed.success) return { ok: false, problem: `front matter is not an ask: ${parsed.error.issues[0]?.message ?? ''}` };
  return { ok: true, ask: parsed.data };
}

/** Front matter for the loop, and the question and move again as Markdown for a person reading the branch. */
export function formatAsk(ask: Ask): string {
  const front = JSON.stringify(ask, null, 2);
  const move = ask.move === undefined ? '' : `\n## The move\n\n\`\`\`json\n${JSON.stringify(ask.move, null, 2)}\n\`\`\`\n`;
  return `---\n${front}\n---\n# ${ask.question.split('\n')[0] ?? ''}\n\nStatus: ${ask.status}.${ask.issue === undefined ? '' : ` Issue #${ask.issue}.`}\n${move}`;
}

function digest(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function moveHash(move: Move, round: number): string {
  return digest({ move, round }).slice(0, 12);
}

/**
 * The id depends on the move alone, so a beat that crashed after opening the issue, or two
 * overlapping beats, arrive at the same id and find the same issue instead of opening another.
 */
export function askIdFor(move: Move): string {
  // The reason is left out: the same move asked for another reason is the same ask.
  const what: Partial<Move> = { ...move };
  delete what.reason;
  const kind = move.type === 'ask' ? 'ask' : move.type.replace(/_/g, '-');
  return `${kind}-${digest(what).slice(0, 8)}`;
}

/** A nonce for a new ask or claim: not a secret, only unpredictable to whoever reads the branch before it is written. */
export function newNonce(): string {
  return randomBytes(8).toString('hex');
}

export interface NewAsk {
  readonly id: string;
  readonly question: string;
  readonly reason: string;
  readonly move?: Move;
  readonly worker?: string;
  readonly holds: readonly string[];
  readonly beat: string;
  readonly at: string;
  readonly nonce: string;
}

export function newAsk(input: NewAsk): Ask {
  return {
    id: input.id,
    status: 'pending',
    question: input.question,
    reason: input.reason,
    ...(input.move === undefined ? {} : { move: input.move, hash: moveHash(input.move, 1) }),
    ...(input.worker === undefined ? {} : { worker: input.worker }),
    round: 1,
    holds: [...input.holds],
    nonce: input.nonce,
    closed: false,
    created: input.at,
    beat: input.beat,
    answers: [],
    seen: [],
  };
}

const progress: Readonly<Record<AskStatus, number>> = { pending: 0, executing: 1, done: 2, denied: 2, answered: 2, withdrawn: 2 };

/**
 * An ask file as a beat writes it, worked out against what the branch holds by then: when
 * another beat changed the ask meanwhile, the further one (a later round, then a later status)
 * wins and the comments both handled are kept, so a slow beat's stale copy can never send an
 * executed ask back to pending, nor forget an answer.
 */
export function askWrite(ask: Ask, read: string | null): FileWrite {
  return (current) => {
    if (current === read || current === null) return formatAsk(ask);
    const theirs = parseAsk(current);
    // A file a person broke meanwhile is theirs to fix: it is never overwritten.
    if (!theirs.ok) return current;
    const other = theirs.ask;
    const ahead = other.round > ask.round || (other.round === ask.round && progress[other.status] > progress[ask.status]);
    const base = ahead ? other : ask;
    const answers = [...other.answers, ...ask.answers].filter((a, i, all) => all.findIndex((b) => b.comment === a.comment) === i);
    return formatAsk({
      ...base,
      seen: [...new Set([...other.seen, ...ask.seen])],
      answers,
      issue: base.issue ?? other.issue ?? ask.issue,
      nonce: base.nonce ?? other.nonce ?? ask.nonce,
      closed: ahead ? other.closed : ask.closed || (other.status === ask.status && other.closed),
    });
  };
}

export function isOpen(ask: Ask): boolean {
  return ask.status === 'pending' || ask.status === 'executing';
}

/** A person's comment, read as a command. */
export type Reply =
  | { readonly kind: 'approve'; readonly hash: string }
  | { readonly kind: 'deny'; readonly why: string }
  /** It names /approve or /deny, but not as its first word: neither run nor an answer, so the person is told. */
  | { readonly kind: 'unclear' }
  | { readonly kind: 'answer'; readonly text: string };

/** Characters that do not show: a command hidden behind one must still read as the command it shows. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

/**
 * The comment as the person meant it: quoted lines (a reply to the issue) dropped, and a
 * command the person wrapped in backticks, a code fence or bold (as the issue shows it)
 * unwrapped. A struck-through first line is not meant: it stays as it is, and reads as unclear.
 */
function ownWords(body: string): string {
  const lines = body
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('>') && !/^\s*(`{3,}|~{3,})\w*\s*$/.test(line));
  const text = lines.join('\n').trim();
  const [first = '', ...rest] = text.split('\n');
  if (first.includes('~~')) return text;
  return [first.replace(/^[\s`*_]+|[\s`*_]+$/g, ''), ...rest].join('\n');
}

export function readReply(body: string): Reply {
  const text = ownWords(body);
  // Words after the hash ("/approve 1a2b3c4d5e6f thanks") are the person's, not a reason to
  // read the whole comment as an answer that would close the ask unrun.
  const approve = /^\/approve(?:\s+`?([0-9a-f]{4,64})`?)?(?:\s[\s\S]*)?$/i.exec(text);
  if (approve !== null) return { kind: 'approve', hash: (approve[1] ?? '').toLowerCase() };
  const deny = /^\/deny\b\s*([\s\S]*)$/i.exec(text);
  if (deny !== null) return { kind: 'deny', why: (deny[1] ?? '').trim() };
  if (/(^|[^\w/])\/(approve|deny)\b/i.test(body.replace(INVISIBLE, ''))) return { kind: 'unclear' };
  return { kind: 'answer', text: body.trim() };
}
