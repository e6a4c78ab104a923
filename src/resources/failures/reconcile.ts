import { LOOP_COMMENT_MARKER } from '../asks/answers.ts';
import { newNonce } from '../asks/model.ts';
import { claimIsDead, claimNow } from '../../beat/claims.ts';
import { createFailureIssue, failureBody, findFailureIssue, isResume } from './issue.ts';
import {
  failureFingerprint,
  failurePath,
  formatFailure,
  opensAfter,
  parseFailure,
  steeringPrint,
  withBeat,
  type Failure,
  type FailedBeat,
  type FailureKind,
  type FixContext,
  type LoadedFailure,
} from './model.ts';
import { GitHubError, isRefused, type GitHub } from '../../beat/github.ts';
import { formatJournalLine } from '../../state/journal.ts';
import type { Store } from '../../beat/ports.ts';
import type { Memory } from '../../state/memory.ts';
import type { LoadedState } from '../../state/read.ts';
import type { FileWrite } from '../../state/record.ts';
import { claimFile } from '../../beat/record.ts';

/** Everything the failures step needs from the beat. */
export interface FailureContext {
  readonly github: GitHub;
  readonly store: Store;
  readonly beat: string;
  readonly runId: string | undefined;
  readonly runUrl: string | undefined;
  /** The repository's page, for links to issues in the journal. */
  readonly repositoryUrl: string | undefined;
  readonly at: Date;
  readonly now: () => Date;
  readonly approvers: readonly string[];
  readonly commandTimeoutMs: number;
  readonly fix: Omit<FixContext, 'beat'>;
}

/** What tending failures changed, for the beat's record. */
export interface FailuresTended {
  readonly failures: readonly LoadedFailure[];
  readonly files: Record<string, FileWrite>;
  readonly journal: string[];
  /** A person resumed decisions this beat: the next decision is due now, whatever the backoff. */
  readonly resumed: boolean;
}

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

function line(context: FailureContext, summary: string, outcome: string): string {
  return formatJournalLine({ at: context.at, beat: context.beat, move: 'failure', summary, outcome });
}

/** `#12` as a link, where the repository's address is known: the journal is read on the branch, where `#12` links nowhere. */
function issueRef(issue: number, context: FailureContext): string {
  return context.repositoryUrl === undefined ? `#${issue}` : `[#${issue}](${context.repositoryUrl}/issues/${issue})`;
}

/**
 * The failure's issue when it is the loop's own: found by its marker and nonce among the issues
 * the loop opened. A failures/ file can name any issue (a hand edit, a merged change), and the
 * loop comments on, closes, reopens or rewrites only the one it opened for that failure.
 */
async function ownIssue(tending: Tending, fingerprint: string, context: FailureContext): Promise<number | undefined> {
  const failure = tending.get(fingerprint)?.failure;
  const issue = failure?.issue;
  if (failure === undefined || issue === undefined) return undefined;
  const found = await findFailureIssue(context.github, failure.fingerprint, failure.nonce);
  if (found?.number === issue) return issue;
  tending.set({ ...failure, issue: undefined });
  tending.journal.push(line(context, `failures/${fingerprint}.md names #${issue}, which the loop did not open for this failure: that issue is left alone`, 'refused'));
  return undefined;
}


/**
 * The file as this beat leaves it, against what the branch holds by then: when another beat
 * wrote it meanwhile, the issue it opened and the comments it read are kept.
 */
function failureWrite(mine: Failure, read: string | null): FileWrite {
  return (current) => {
    if (current === read || current === null) return formatFailure(mine);
    const theirs = parseFailure(current);
    if (!theirs.ok) return current;
    const other = theirs.failure;
    const base = mine.issue === undefined && other.issue !== undefined ? other : mine;
    return formatFailure({ ...base, issue: base.issue ?? other.issue, seen: [...new Set([...other.seen, ...mine.seen])] });
  };
}

class Tending {
  readonly files: Record<string, FileWrite> = {};
  readonly journal: string[] = [];
  resumed = false;
  readonly #loaded: Map<string, LoadedFailure>;

  constructor(failures: readonly LoadedFailure[]) {
    this.#loaded = new Map(failures.map((loaded) => [loaded.failure.fingerprint, loaded]));
  }

  get(fingerprint: string): LoadedFailure | undefined {
    return this.#loaded.get(fingerprint);
  }

  /** Records the failure as it now stands, written in the beat's record. */
  set(failure: Failure, text?: string): void {
    const read = this.#loaded.get(failure.fingerprint)?.text ?? null;
    this.#loaded.set(failure.fingerprint, { failure, text: text ?? read ?? '' });
    this.files[failurePath(failure.fingerprint)] = failureWrite(failure, text ?? read);
  }

  result(): FailuresTended {
    return { failures: [...this.#loaded.values()], files: this.files, journal: this.journal, resumed: this.resumed };
  }
}

/**
 * GitHub calls on one failure: a failure of GitHub's (a timeout, a 5xx) is recorded on it and
 * journaled once, and the beat goes on. Refused credentials stop the beat: the workflow must fix them.
 */
async function onFailure(tending: Tending, failure: Failure, context: FailureContext, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    const status = error.status;
    if (isRefused(error)) {
      throw new Error(`GitHub refused the token (HTTP ${status}): ${error instanceof Error ? error.message : String(error)}. The job needs "permissions: issues: write", and input github-token a token with it.`, { cause: error });
    }
    const said = `${status === undefined ? '' : `HTTP ${status}: `}${error instanceof Error ? error.message : String(error)}`.slice(0, 500);
    const current = tending.get(failure.fingerprint)?.failure ?? failure;
    tending.set({ ...current, github: said });
    if (current.github !== said) tending.journal.push(line(context, `failure issue ${failure.fingerprint}: GitHub failed (${said}); the next beat tries again`, 'failed'));
  }
}

/**
 * The "reconcile failures" step, level-triggered: a paused failure gets its issue (once, even
 * across crashes and overlapping beats), and resumes when a person says `/resume` on it,
 * closes it, or steers. Idle (nothing paused), it makes no request.
 */
export async function tendFailures(state: LoadedState, context: FailureContext): Promise<FailuresTended> {
  const tending = new Tending(state.failures);
  // Hashing every goal's text is a thousand goals' cost: only a paused failure needs it.
  let steering: string | undefined;
  for (const loaded of state.failures) {
    if (loaded.failure.status !== 'paused') continue;
    steering ??= steeringPrint(state);
    if (loaded.failure.steering !== steering) {
      await resume(tending, loaded.failure, context, 'the PLAYBOOK or a goal changed (a person steered)');
      continue;
    }
    if (loaded.failure.issue === undefined) await ensureIssue(tending, loaded, context);
    else await readIssue(tending, loaded.failure, context);
  }
  return tending.result();
}

async function resume(tending: Tending, failure: Failure, context: FailureContext, how: string, comment = true): Promise<void> {
  tending.set({ ...failure, status: 'resumed', resumed: how });
  tending.resumed = true;
  tending.journal.push(line(context, `decisions resumed: ${how}${failure.issue === undefined ? '' : ` (#${failure.issue})`}`, 'resumed'));
  if (!comment || failure.issue === undefined) return;
  await onFailure(tending, failure, context, async () => {
    const issue = await ownIssue(tending, failure.fingerprint, context);
    if (issue === undefined) return;
    await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\nDecisions resume: ${how}. The next beat decides again; this issue closes itself when a decision succeeds, and the same failure pauses again here.`);
  });
}

/** Opens the issue of a paused failure that has none: claimed first, found by its marker before one is created. */
async function ensureIssue(tending: Tending, loaded: LoadedFailure, context: FailureContext): Promise<void> {
  const { failure } = loaded;
  if (failure.creating !== undefined && !(await claimIsDead(failure.creating, context))) return;
  const claimed: Failure = { ...failure, creating: claimNow(context) };
  const path = failurePath(failure.fingerprint);
  // Another beat that changed it a moment ago opens the issue.
  if (!(await claimFile(context.store, { file: path, text: formatFailure(claimed), expected: loaded.text, message: `looop: beat ${context.beat}: opening the issue of failure ${failure.fingerprint}` }))) return;
  tending.set(claimed, formatFailure(claimed));
  await openIssue(tending, claimed, context);
}

async function openIssue(tending: Tending, claimed: Failure, context: FailureContext): Promise<void> {
  await onFailure(tending, claimed, context, async () => {
    const body = failureBody(claimed, { ...context.fix, beat: claimed.beats.at(-1)?.beat ?? context.beat });
    const found = await findFailureIssue(context.github, claimed.fingerprint, claimed.nonce);
    if (found !== undefined && found.body !== body) await context.github.updateIssue(found.number, { body });
    const issue = found ?? (await createFailureIssue(context.github, claimed, body));
    tending.set({ ...claimed, issue: issue.number, creating: undefined, github: undefined });
    tending.journal.push(line(context, `decisions paused: ${claimed.kind} failed ${claimed.beats.length} time(s) in a row; see ${issueRef(issue.number, context)}`, 'paused'));
  });
}

/**
 * A paused failure's issue: an authorized `/resume` resumes, and so does a close by a person
 * who may resume (a close by anyone else, a triage user say, is undone and said so).
 */
async function readIssue(tending: Tending, failure: Failure, context: FailureContext): Promise<void> {
  await onFailure(tending, failure, context, async () => {
    const issue = await ownIssue(tending, failure.fingerprint, context);
    if (issue === undefined) return;
    const state = await context.github.issueState(issue);
    if (state === undefined) {
      await resume(tending, failure, context, `its issue #${issue} is gone`, false);
      return;
    }
    if (!state.open) {
      await closedBy(tending, failure, issue, state.closedBy, context);
      return;
    }
    const fresh = (await context.github.issueComments(issue)).filter((c) => !failure.seen.includes(c.id) && !c.isBot && !c.body.includes(LOOP_COMMENT_MARKER) && c.created >= failure.since);
    if (fresh.length === 0) return;
    let seen = failure.seen;
    for (const comment of fresh) {
      seen = [...seen, comment.id];
      if (!isResume(comment.body)) continue;
      if (await authorized(comment.login, context)) {
        await resume(tending, { ...failure, seen }, context, `@${comment.login} commented /resume`);
        return;
      }
      tending.journal.push(line(context, `ignored /resume by @${comment.login} on #${issue}: not a person with write access or an approver`, 'ignored'));
    }
    tending.set({ ...(tending.get(failure.fingerprint)?.failure ?? failure), seen });
  });
}

/** Closing the issue resumes decisions only when the person who closed it could have said `/resume`. */
async function closedBy(tending: Tending, failure: Failure, issue: number, login: string | undefined, context: FailureContext): Promise<void> {
  if (login !== undefined && (await authorized(login, context))) {
    await resume(tending, failure, context, `its issue #${issue} was closed by @${login}`, false);
    return;
  }
  const who = login === undefined ? 'someone' : `@${login}`;
  tending.journal.push(line(context, `#${issue} was closed by ${who}, who may not resume decisions: reopened, and decisions stay paused`, 'ignored'));
  await context.github.updateIssue(issue, { state: 'open' });
  await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\nReopened: ${who} closed this issue, but only a person with write access or an approver may resume decisions. Decisions stay paused until such a person comments \`/resume\` or closes it.`);
}

async function authorized(login: string, context: FailureContext): Promise<boolean> {
  if (context.approvers.some((a) => a.toLowerCase() === login.toLowerCase())) return true;
  return WRITE_ROLES.has(await context.github.permission(login));
}

/** memory.failures after one more failed decision: the streak of one fingerprint, and its beats. */
export function nextFailures(memory: Memory, failed: { kind: FailureKind; error: string; beat: FailedBeat }): NonNullable<Memory['failures']> {
  const fingerprint = failureFingerprint(failed.kind, failed.error);
  const before = memory.failures;
  const same = before?.fingerprint === fingerprint;
  return {
    count: (before?.count ?? 0) + 1,
    lastAt: failed.beat.at,
    lastError: failed.error,
    fingerprint,
    streak: (same ? (before.streak ?? 0) : 0) + 1,
    beats: withBeat(same ? (before.beats ?? []) : [], failed.beat),
  };
}

/**
 * After a failed decision: once the streak reaches its kind's threshold, decisions pause on
 * the failure's one issue, opened now (claimed on the branch first), or reopened when it
 * paused before.
 */
export async function pauseOnFailure(state: LoadedState, failures: NonNullable<Memory['failures']>, kind: FailureKind, context: FailureContext): Promise<FailuresTended> {
  const fingerprint = failures.fingerprint ?? failureFingerprint(kind, failures.lastError);
  const tending = new Tending(state.failures);
  if ((failures.streak ?? 0) < opensAfter(kind)) return tending.result();
  const existing = tending.get(fingerprint);
  const paused = { kind, error: failures.lastError, steering: steeringPrint(state), since: context.at.toISOString(), status: 'paused' as const, resumed: undefined };
  if (existing === undefined) {
    const claimed: Failure = { fingerprint, ...paused, beats: failures.beats ?? [], nonce: newNonce(), seen: [], creating: claimNow(context) };
    const path = failurePath(fingerprint);
    // Another beat that failed the same way a moment ago opens the issue.
    if (!(await claimFile(context.store, { file: path, text: formatFailure(claimed), expected: null, message: `looop: beat ${context.beat}: failure ${fingerprint}` }))) return tending.result();
    tending.set(claimed, formatFailure(claimed));
    await openIssue(tending, claimed, context);
    return tending.result();
  }
  const again: Failure = { ...existing.failure, ...paused, beats: withBeat(existing.failure.beats, failures.beats?.at(-1) ?? { beat: context.beat, at: context.at.toISOString() }) };
  tending.set(again);
  if (existing.failure.status === 'paused' || again.issue === undefined) return tending.result();
  tending.journal.push(line(context, `decisions paused again: ${kind} failed ${failures.streak ?? 0} time(s) in a row; see ${issueRef(again.issue, context)}`, 'paused'));
  await onFailure(tending, again, context, async () => {
    const issue = await ownIssue(tending, fingerprint, context);
    if (issue === undefined) return;
    if ((await context.github.issueState(issue))?.open === false) await context.github.updateIssue(issue, { state: 'open' });
    await context.github.updateIssue(issue, { body: failureBody(again, { ...context.fix, beat: context.beat }) });
    await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\nThe same failure happened again${context.runUrl === undefined ? '' : ` ([run](${context.runUrl}))`}: decisions are paused again. Comment \`/resume\` once it is fixed.`);
  });
  // The issue it named was not the loop's: this pause gets one of its own, under a new nonce,
  // claimed like any other (a claim's push error is the beat's, not GitHub's).
  const current = tending.get(fingerprint);
  if (current !== undefined && current.failure.issue === undefined && current.failure.github === undefined) await ensureIssue(tending, { ...current, failure: { ...current.failure, nonce: newNonce() } }, context);
  return tending.result();
}

/** A decision succeeded: every failure issue is told and closed, and its failure resolved. */
export async function resolveFailures(failures: readonly LoadedFailure[], context: FailureContext): Promise<FailuresTended> {
  const tending = new Tending(failures);
  for (const { failure } of failures) {
    if (failure.status === 'resolved') continue;
    tending.set({ ...failure, status: 'resolved', creating: undefined });
    if (failure.issue === undefined) continue;
    await onFailure(tending, failure, context, async () => {
      const issue = await ownIssue(tending, failure.fingerprint, context);
      if (issue === undefined || (await context.github.issueState(issue))?.open !== true) return;
      await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\nA decision succeeded${context.runUrl === undefined ? '' : ` ([run](${context.runUrl}))`} in beat ${context.beat}: closing. The same failure again reopens this issue.`);
      await context.github.updateIssue(issue, { state: 'closed', reason: 'completed' });
      tending.journal.push(line(context, `a decision succeeded: closed failure issue #${issue}`, 'ok'));
    });
  }
  return tending.result();
}
