import { createHash } from 'node:crypto';
import { act, type ActContext, type AskRequest, type Outcome } from './act.ts';
import { readAnswers, loginsToCheck, LOOP_COMMENT_MARKER, type Approval } from './answers.ts';
import { askBody, askTitle } from './ask-issue.ts';
import { askIdFor, askPath, askWrite, formatAsk, isOpen, moveHash, newAsk, type Ask } from './asks.ts';
import type { Store } from './ports.ts';
import type { GitHub } from './github.ts';
import { formatJournalLine } from './journal.ts';
import { ClaimLostError, type FileWrite } from './state/record.ts';
import type { LoadedAsk, LoadedState } from './state/read.ts';
import { canonicalJson } from './canonical.ts';
import { fence } from './prompt.ts';

/** Everything the asks step needs from the beat. */
export interface AskContext {
  readonly github: GitHub;
  readonly store: Store;
  readonly beat: string;
  readonly runId: string | undefined;
  /** Link to this workflow run, for the comments the loop leaves. */
  readonly runUrl: string | undefined;
  readonly at: Date;
  /** The clock, for when a claim is actually made (a beat can run long before it gets there). */
  readonly now: () => Date;
  readonly approvers: readonly string[];
  readonly commandTimeoutMs: number;
  /** How to execute an approved move (the beat's act, with its ports). */
  readonly act: Omit<ActContext, 'state' | 'approved'>;
}

/** What tending the asks changed, for the beat's final record. */
export interface Tended {
  /** The state with every ask as it now stands. */
  readonly state: LoadedState;
  /** Ask files to write in the final record. */
  readonly files: Record<string, FileWrite>;
  readonly journal: string[];
  /** An approved command ran: its output goes to the next decision. */
  readonly lastRun?: Outcome['lastRun'];
  /** A comment was read but not handled (its claim was lost): read the same window again next beat. */
  readonly reread?: boolean;
}

const STALE_CLAIM_MS = 5 * 60_000;

function line(context: AskContext, move: string, summary: string, outcome: string): string {
  return formatJournalLine({ at: context.at, beat: context.beat, move, summary, outcome });
}

/** The ask as it now stands, with the text the branch holds for it (what a claim must match). */
function replaceAsk(state: LoadedState, ask: Ask, text?: string): LoadedState {
  const read = state.asks.find((a) => a.ask.id === ask.id)?.text;
  const others = state.asks.filter((a) => a.ask.id !== ask.id);
  return { ...state, asks: [...others, { ask, text: text ?? read ?? '' }] };
}

/**
 * The "reconcile asks" step, level-triggered: every beat looks at every open ask, whatever
 * event started it. Idle, it costs one request (the comments since the last look) and only
 * when an ask is open.
 */
export async function tendAsks(state: LoadedState, context: AskContext): Promise<Tended> {
  const tended: Tended = { state, files: {}, journal: [] };
  let current = await recoverIssues(tended, context);
  current = await recoverInterrupted(current, context);
  current = await readComments(current, context);
  return closeResolved(current, context);
}

function withAsk(tended: Tended, ask: Ask): Tended {
  const read = tended.state.asks.find((a) => a.ask.id === ask.id)?.text ?? null;
  return { ...tended, state: replaceAsk(tended.state, ask), files: { ...tended.files, [askPath(ask.id)]: askWrite(ask, read) } };
}

/** Asks recorded without an issue (a beat died between the two) get theirs, found by marker first. */
async function recoverIssues(tended: Tended, context: AskContext): Promise<Tended> {
  let current = tended;
  for (const { ask } of tended.state.asks) {
    if (!isOpen(ask) || ask.issue !== undefined) continue;
    const issue = (await context.github.findAskIssue(ask.id)) ?? (await context.github.createAskIssue(askTitle(ask), askBody(ask)));
    current = withAsk(current, { ...ask, issue: issue.number, created: ask.created || context.at.toISOString(), beat: ask.beat || context.beat });
  }
  return current;
}

/**
 * An ask left "executing" by a beat that is gone may or may not have run: it never runs
 * again by itself. The person is told, and asked again under a new hash, so an old approval
 * cannot run it twice.
 */
async function recoverInterrupted(tended: Tended, context: AskContext): Promise<Tended> {
  let current = tended;
  for (const { ask } of tended.state.asks) {
    if (ask.status !== 'executing' || !(await claimIsDead(ask, context))) continue;
    current = await askAgain(current, { ...ask, status: 'pending', approved: undefined, claimedBy: undefined }, context, {
      note: (hash) => `The approved move was interrupted (beat ${ask.claimedBy?.beat ?? '?'} ended before it recorded an outcome). It may or may not have run, and it will not run again by itself. To run it again, comment \`/approve ${hash}\`.`,
      journal: 'the approved move was interrupted; asked again',
      outcome: 'interrupted',
    });
  }
  return current;
}

/**
 * Asks the person again under the next round: a new hash, so no earlier approval counts, a
 * note on the issue saying why and what to approve, and a journal line.
 */
async function askAgain(tended: Tended, ask: Ask, context: AskContext, why: { note: (hash: string) => string; journal: string; outcome: string }): Promise<Tended> {
  if (ask.move === undefined) return tended;
  const round = ask.round + 1;
  const again: Ask = { ...ask, round, hash: moveHash(ask.move, round) };
  if (ask.issue !== undefined) await context.github.comment(ask.issue, `${LOOP_COMMENT_MARKER}\n${why.note(again.hash ?? '')}`);
  const current = withAsk(tended, again);
  return { ...current, journal: [...current.journal, line(context, 'answer', `ask ${ask.id}: ${why.journal}`, why.outcome)] };
}

async function claimIsDead(ask: Ask, context: AskContext): Promise<boolean> {
  const claim = ask.claimedBy;
  if (claim === undefined) return true;
  const state = claim.runId === undefined ? 'unknown' : await context.github.runState(claim.runId);
  if (state !== 'unknown') return state === 'finished';
  return context.at.getTime() - Date.parse(claim.at) > context.commandTimeoutMs + STALE_CLAIM_MS;
}

async function readComments(tended: Tended, context: AskContext): Promise<Tended> {
  const pending = tended.state.asks.filter(({ ask }) => ask.status === 'pending' && ask.issue !== undefined);
  if (pending.length === 0) return tended;
  // No comment on an ask predates the ask, so the window never reaches back past the oldest one.
  const oldest = pending.map(({ ask }) => ask.created).filter(Boolean).sort()[0] ?? context.at.toISOString();
  const checked = tended.state.memory.asksCheckedAt;
  const since = checked !== undefined && checked > oldest ? checked : new Date(Date.parse(oldest) - 60_000).toISOString();
  const { comments } = await context.github.commentsSince(since);
  const roles = new Map<string, string>();
  for (const login of loginsToCheck(pending, comments, context.approvers)) roles.set(login, await context.github.role(login));
  const answers = readAnswers({ asks: pending, comments, roles, approvers: context.approvers, at: context.at.toISOString() });
  for (const reply of answers.replies) await context.github.comment(reply.issue, reply.body);
  let current: Tended = { ...tended, journal: [...tended.journal, ...answers.journal.map((j) => line(context, j.move, j.summary, j.outcome))] };
  for (const ask of answers.updated) current = withAsk(current, ask);
  for (const approval of answers.approvals) current = await executeOnce(current, approval, context);
  return current;
}

/**
 * Exactly once: the claim ("executing") is pushed before acting, against the ask file as this
 * beat read it, so of two beats that saw the same approval only one acts; the outcome is
 * pushed before the issue is told.
 */
async function executeOnce(tended: Tended, approval: Approval, context: AskContext): Promise<Tended> {
  const { ask } = approval.loaded;
  const fresh = newHolds(ask, context.act.holds);
  if (fresh.length > 0) return askAgainUnderHold(tended, ask, fresh, context);
  const claimed: Ask = {
    ...ask,
    status: 'executing',
    approved: { by: approval.by, at: context.at.toISOString(), comment: approval.comment },
    claimedBy: { beat: context.beat, ...(context.runId === undefined ? {} : { runId: context.runId }), at: context.now().toISOString() },
  };
  const path = askPath(ask.id);
  try {
    await context.store.commit({ files: { [path]: formatAsk(claimed) }, expect: { [path]: approval.loaded.text }, journal: [], message: `looop: beat ${context.beat}: executing ask ${ask.id}, approved by @${approval.by}` });
  } catch (error) {
    if (error instanceof ClaimLostError) {
      const note = line(context, 'answer', `ask ${ask.id} changed on the branch while this beat read its approval; the next beat reads it again`, 'skipped');
      return { ...tended, journal: [...tended.journal, note], reread: true };
    }
    throw error;
  }
  const move = ask.move;
  if (move === undefined) return tended;
  const outcome = await act(move, { ...context.act, state: tended.state, approved: true });
  const done: Ask = { ...claimed, status: 'done', outcome: `${outcome.outcome}: ${outcome.summary}`, resolved: context.at.toISOString() };
  const journal = line(context, `${move.type} (approved by @${approval.by})`, outcome.summary, outcome.outcome);
  await context.store.commit({
    files: { ...outcome.files, [path]: formatAsk(done) },
    ...(outcome.executable === undefined ? {} : { executable: outcome.executable }),
    journal: [journal],
    message: `looop: beat ${context.beat}: ask ${ask.id} done`,
  });
  return { ...tended, state: replaceAsk(tended.state, done), ...(outcome.lastRun === undefined ? {} : { lastRun: outcome.lastRun }) };
}

/** Guards that hold now but did not when the person approved: they did not see them. */
function newHolds(ask: Ask, holds: readonly string[]): string[] {
  const changes = ask.move?.type === 'run' || ask.move?.type === 'spawn_worker';
  return changes ? holds.filter((hold) => !ask.holds.includes(hold)) : [];
}

/**
 * The loop that protects gates the loop that changes: an approval given before a guard began
 * to hold does not carry the move past it. The person is asked again, with the hold named.
 */
async function askAgainUnderHold(tended: Tended, ask: Ask, holds: readonly string[], context: AskContext): Promise<Tended> {
  return askAgain(tended, { ...ask, holds: [...ask.holds, ...holds] }, context, {
    note: (hash) => `Nothing was run: a guard began to hold after this was asked.\n${fence(holds.join('\n'), 'text')}\nTo run it all the same, comment \`/approve ${hash}\`.`,
    journal: 'approved, but a guard now holds; asked again',
    outcome: 'held',
  });
}

function closingNote(ask: Ask, runUrl: string | undefined): string {
  const run = runUrl === undefined ? '' : ` ([run](${runUrl}))`;
  const last = ask.answers.at(-1);
  switch (ask.status) {
    case 'done':
      // The outcome holds the LLM's reason and command: fenced, it cannot mention or link.
      return `Done${run}:\n${fence(ask.outcome ?? '', 'text')}`;
    case 'denied':
      return `Denied by @${last?.by ?? '?'}: the loop will not run this move${run}.`;
    default:
      return `Answered by @${last?.by ?? '?'}: the loop's next decision reads the answer${run}.`;
  }
}

/** Resolved asks tell their issue and close it; a crash before that is finished by the next beat. */
async function closeResolved(tended: Tended, context: AskContext): Promise<Tended> {
  let current = tended;
  for (const { ask } of tended.state.asks) {
    if (isOpen(ask) || ask.closed || ask.issue === undefined) continue;
    const issue = ask.issue;
    // An issue deleted or transferred away cannot be told; the ask is closed all the same.
    const gone = await issueGone(async () => {
      await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\n${closingNote(ask, context.runUrl)}`);
      await context.github.close(issue, ask.status === 'denied' ? 'not_planned' : 'completed');
    });
    current = withAsk(current, { ...ask, closed: true });
    if (gone) current = { ...current, journal: [...current.journal, line(context, 'answer', `ask ${ask.id}: its issue #${issue} is gone; closed without a note`, 'ok')] };
  }
  return current;
}

/** Runs calls on one issue; true when GitHub says the issue is gone (404, 410), which is no reason to stop the loop. */
async function issueGone(calls: () => Promise<void>): Promise<boolean> {
  try {
    await calls();
    return false;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 410) return true;
    throw error;
  }
}

function questionId(question: string): string {
  return `ask-${createHash('sha256').update(canonicalJson(question)).digest('hex').slice(0, 8)}`;
}

/** A free id: the move's own, or the next one after it when that ask was already resolved. */
function freeId(base: string, asks: readonly LoadedAsk[]): { id: string; existing?: Ask } {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    const existing = asks.find((a) => a.ask.id === id)?.ask;
    if (existing === undefined) return { id };
    if (isOpen(existing)) return { id, existing };
  }
}

/**
 * Opens an ask for a gated move: claimed on the branch first (so two beats open one), then
 * its issue, found by marker before one is created (so a crash in between opens no second).
 */
export async function openAsk(
  state: LoadedState,
  request: AskRequest,
  reason: string,
  holds: readonly string[],
  context: AskContext,
): Promise<{ readonly ask: Ask; /** This beat opened it and records it; false when it was open already. */ readonly opened: boolean }> {
  const { id, existing } = freeId(request.move === undefined ? questionId(request.question) : askIdFor(request.move), state.asks);
  if (existing !== undefined) return { ask: existing, opened: false };
  const ask = newAsk({ id, question: request.question, reason, ...(request.move === undefined ? {} : { move: request.move }), holds, beat: context.beat, at: context.at.toISOString() });
  const path = askPath(id);
  try {
    await context.store.commit({ files: { [path]: formatAsk(ask) }, expect: { [path]: null }, journal: [], message: `looop: beat ${context.beat}: ask ${id}` });
  } catch (error) {
    // Another beat opened this very ask a moment ago: it records it and its issue.
    if (error instanceof ClaimLostError) return { ask, opened: false };
    throw error;
  }
  const issue = (await context.github.findAskIssue(id)) ?? (await context.github.createAskIssue(askTitle(ask), askBody(ask)));
  return { ask: { ...ask, issue: issue.number }, opened: true };
}
