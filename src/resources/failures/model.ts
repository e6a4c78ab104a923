import { createHash } from 'node:crypto';
import { z } from 'zod';
import { byText, canonicalDigest } from '../../text/canonical.ts';
import { runsPath } from '../../state/layout.ts';
import { runnerCauses } from '../../runners/causes.ts';
import type { Settings } from '../../settings.ts';

/**
 * Failed decisions as a resource: a failure that repeats opens one issue (label
 * `looop:failure`), kept as `failures/<fingerprint>.md` on the state branch, and pauses
 * decisions until a person resumes them or steers. This module decides; reconcile-failures.ts
 * does the GitHub calls.
 */
export const failureKinds = [...runnerCauses, 'timeout', 'runner-error', 'no-answer', 'unparseable', 'escalation'] as const;
export type FailureKind = (typeof failureKinds)[number];

/** Wrong in the workflow, not in the moment: they never pass by themselves, and they fail the step. */
const CONFIGURATION: ReadonlySet<FailureKind> = new Set(['program-missing', 'auth', 'model']);

export function isConfiguration(kind: FailureKind): boolean {
  return CONFIGURATION.has(kind);
}

/**
 * Failures in a row, of one fingerprint, that open an issue. One can be a blip and two a short
 * outage; with the backoff (5, then 10 minutes) three span a quarter of an hour at the least
 * and, on an hourly schedule, three hours: long enough that it will not pass by itself, and
 * soon enough that a person hears of it the same day. A configuration error opens it at once.
 */
export const FAILURES_TO_OPEN = 3;

export function opensAfter(kind: FailureKind): number {
  return isConfiguration(kind) ? 1 : FAILURES_TO_OPEN;
}

/**
 * What makes two failures the same: the kind and the error's words, without what changes from
 * one try to the next (numbers, ids, times). "retry in 31s" and "retry in 45s" are one failure.
 * An unparseable answer is fingerprinted by its kind of fault alone, not by what the model said.
 */
export function failureFingerprint(kind: FailureKind, error: string): string {
  const words = kind === 'unparseable' || kind === 'no-answer' ? (error.split(':')[0] ?? '') : error;
  const normal = words
    .toLowerCase()
    .replace(/\d{4}-\d{2}-\d{2}[t ][\d:.]+(z|[+-]\d{2}:?\d{2})?/g, '<time>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<id>')
    .replace(/\b(?=[a-z_-]*\d)[a-z0-9_-]{12,}\b/g, '<id>')
    .replace(/\d+(\.\d+)?/g, '#')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 400);
  return createHash('sha256').update(`${kind}\n${normal}`).digest('hex').slice(0, 12);
}

/** What people steer with: a change to it is a person's answer to a pause. */
export function steeringPrint(state: { readonly playbook: string; readonly goals: readonly { readonly slug: string; readonly text: string }[] }): string {
  const goals = state.goals.map((goal) => [goal.slug, goal.text]).sort(([a], [b]) => ((a ?? '') < (b ?? '') ? -1 : 1));
  const hash = createHash('sha256');
  canonicalDigest({ playbook: state.playbook, goals }, hash);
  return hash.digest('hex').slice(0, 16);
}

const claimSchema = z.object({ beat: z.string(), runId: z.string().optional(), at: z.string() });
const beatSchema = z.object({ beat: z.string(), at: z.string(), url: z.string().optional() });
export type FailedBeat = z.infer<typeof beatSchema>;

/**
 * - `paused`: decisions wait for a person; the issue is open (or being opened).
 * - `resumed`: a person resumed (by `/resume`, by closing the issue, or by steering); the
 *   issue stays until a decision succeeds, and the same failure again pauses on it again.
 * - `resolved`: a decision succeeded and the issue was told and closed.
 */
export const failureStatuses = ['paused', 'resumed', 'resolved'] as const;

const failureSchema = z.object({
  fingerprint: z.string().regex(/^[0-9a-f]{12}$/),
  kind: z.enum(failureKinds),
  status: z.enum(failureStatuses),
  /** The last error, as recorded (redacted). */
  error: z.string(),
  /** The beats that failed this way, the latest last. */
  beats: z.array(beatSchema).default([]),
  /** The steering inputs when it paused: when they change, the person has steered. */
  steering: z.string(),
  /** When it paused: only comments after it can resume it. */
  since: z.string(),
  issue: z.number().int().positive().optional(),
  /** Random, carried in the issue's marker: only an issue with it (opened by the loop) is this failure's. */
  nonce: z.string().regex(/^[0-9a-f]{16,64}$/),
  /** A beat claimed the opening of the issue. */
  creating: claimSchema.optional(),
  /** Comments on the issue already read. */
  seen: z.array(z.number()).default([]),
  /** Who resumed it, and how. */
  resumed: z.string().optional(),
  /** The last error GitHub gave for this issue, until a call on it succeeds. */
  github: z.string().optional(),
});

export type Failure = z.infer<typeof failureSchema>;
export interface LoadedFailure {
  readonly failure: Failure;
  /** The file as read: a claim on it holds only while the file is still this. */
  readonly text: string;
}

export { FAILURES_DIR, failurePath } from '../../state/layout.ts';

const FRONT = /^---\n([\s\S]*?)\n---\n?/;

export function parseFailure(text: string): { ok: true; failure: Failure } | { ok: false; problem: string } {
  const match = FRONT.exec(text);
  if (match === null) return { ok: false, problem: 'has no front matter' };
  let value: unknown;
  try {
    value = JSON.parse(match[1] ?? '');
  } catch {
    return { ok: false, problem: 'front matter is not JSON' };
  }
  const parsed = failureSchema.safeParse(value);
  return parsed.success ? { ok: true, failure: parsed.data } : { ok: false, problem: `front matter is not a failure: ${parsed.error.issues[0]?.message ?? ''}` };
}

export function formatFailure(failure: Failure): string {
  return `---\n${JSON.stringify(failure, null, 2)}\n---\n# Decisions fail: ${failure.kind}\n\nStatus: ${failure.status}.${failure.issue === undefined ? '' : ` Issue #${failure.issue}.`}\n`;
}

/** The failure that pauses decisions now, if any: the oldest, so the pause names one issue. */
export function pausing(failures: readonly LoadedFailure[]): Failure | undefined {
  return failures.map(({ failure }) => failure).filter((failure) => failure.status === 'paused').sort((a, b) => byText(a.since, b.since))[0];
}

const BEATS_KEPT = 10;

/** The beats a failure shows, this one added. */
export function withBeat(beats: readonly FailedBeat[], beat: FailedBeat): FailedBeat[] {
  return [...beats.filter((b) => b.beat !== beat.beat), beat].slice(-BEATS_KEPT);
}

/** Runner names as the fix for each needs them. */
type Runner = Settings['runner'];

/** The secret a preset's runner reads its key from, and the variable it reads it as. */
function keyOf(runner: Runner): { secret: string; env: string; why?: string } | undefined {
  switch (runner) {
    case 'claude':
      return { secret: 'ANTHROPIC_API_KEY', env: 'ANTHROPIC_API_KEY' };
    case 'codex':
      return { secret: 'OPENAI_API_KEY', env: 'CODEX_API_KEY', why: ' (codex exec reads its key from CODEX_API_KEY)' };
    default:
      return undefined;
  }
}

export interface FixContext {
  readonly runner: Runner;
  readonly model: string | undefined;
  /** The beat whose runs/ folder holds what the runner said. */
  readonly beat: string;
}

/** What a person changes for each kind of failure, in the workflow's words. */
export function fixFor(kind: FailureKind, context: FixContext): string {
  const { runner } = context;
  const output = `${runsPath(context.beat)} on the state branch holds the prompt and everything the runner printed`;
  switch (kind) {
    case 'program-missing':
      return runner === 'custom'
        ? 'the program input "tick-command" starts was not found (the shell said "command not found"): install it in a step before the looop step, or fix the command'
        : `the runner program ${runner} was not found on PATH: install it in a step before the looop step (or let input runner-version install it), or check the step's PATH`;
    case 'auth': {
      const key = keyOf(runner);
      if (key !== undefined) return `the runner ${runner} refused the API key: set the repository secret ${key.secret} and pass it as env ${key.env}: \${{ secrets.${key.secret} }} on the looop step${key.why ?? ''}`;
      if (runner === 'openai') return 'the API refused the key: set input api-key to a valid key (from a secret), or, for GitHub Models, grant the job "permissions: models: read" and leave input github-token at its default';
      return `the runner ${runner} refused its credentials: set the provider's API key as a repository secret and pass it in the looop step's env under the name the runner reads (for the provider of model "${context.model ?? 'the default'}", e.g. ANTHROPIC_API_KEY or OPENAI_API_KEY)`;
    }
    case 'model':
      return `the model ${context.model === undefined ? "the runner's default" : `"${context.model}"`} does not exist for ${runner}, or the key may not use it: set input model (and escalation-model) to a model the provider offers this key`;
    case 'rate-limit':
      return 'the provider limits how often the key may call it: this passes by itself; if it keeps happening, beat less often (the schedule), or raise the key\'s rate limit at the provider. Comment /resume to try again now';
    case 'spend-limit':
      return 'the provider refuses for spend: add credit or raise the spend limit of the key\'s account at the provider, then comment /resume';
    case 'timeout':
      return `the runner did not answer within tick-timeout: raise input tick-timeout, or use a faster model; ${output}`;
    case 'escalation':
      return 'the decision escalated but could not be passed on: set input escalation-model to a stronger model, or see the error above';
    case 'no-answer':
    case 'unparseable':
      return `the model did not answer with exactly one valid move: use a stronger model (input model), or look in the PLAYBOOK for instructions that fight the move format; ${output}`;
    case 'runner-error':
      return `the runner failed in a way the loop does not know: read the error above; ${output}`;
  }
}

/**
 * The step's error for a configuration failure: what to change in the workflow. The runner's
 * own words stay in the warning and the journal: they give advice for a terminal ("run /login").
 */
export function configurationError(kind: FailureKind, context: FixContext): string {
  return `looop: ${fixFor(kind, context)}.`;
}
