import { createHash } from 'node:crypto';
import { act, type ActContext, type AskRequest, type Outcome } from '../../beat/act.ts';
import { readAnswers, loginsToCheck, LOOP_COMMENT_MARKER, type Approval } from './answers.ts';
import { ASK_LABEL, askBody, createAskIssue, findAskIssue } from './issue.ts';
import { askIdFor, askPath, askWrite, formatAsk, isOpen, moveHash, newAsk, newNonce, type Ask } from './model.ts';
import { canonicalJson } from '../../text/canonical.ts';
import { claimIsDead, claimNow } from '../../beat/claims.ts';
import { GitHubError, isGone, isRefused, type GitHub } from '../../beat/github.ts';
import { formatJournalLine } from '../../state/journal.ts';
import type { Store } from '../../beat/ports.ts';
import { fence } from '../../prompt/fence.ts';
import type { LoadedAsk, LoadedState } from '../../state/read.ts';
import type { FileWrite } from '../../state/record.ts';
import { claimFile, record } from '../../beat/record.ts';

/** Everything the asks step needs from the beat. */
export interface AskContext {
  readonly github: GitHub;
  readonly store: Store;
  readonly beat: string;
  readonly runId: string | undefined;
  /** Link to this workflow run, for the comments the loop leaves. */
  readonly runUrl: string | undefined;
  /** Where a person reads an ask file whole (its issue may show it cut). */
  readonly askFileUrl: ((id: string) => string) | undefined;
  readonly at: Date;
  /** The clock, for when a claim is actually made (a beat can run long before it gets there). */
  readonly now: () => Date;
  readonly approvers: readonly string[];
  readonly commandTimeoutMs: number;
  /** How to execute an approved move (the beat's act, with its ports). */
  readonly act: Omit<ActContext, 'state' | 'approval'>;
}

/** What tending the asks changed, for the beat's final record. */
export interface Tended {
  /** The state with every ask as it now stands. */
  readonly state: LoadedState;
  /** Ask files to write in the final record. */
  readonly files: Record<string, FileWrite>;
  readonly journal: string[];
  /** An approved command ran: its output goes to the next decision. */
  readonly lastCommand?: Outcome['lastCommand'];
  /** A comment was read but not handled (its claim was lost): read the same window again next beat. */
  readonly reread?: boolean;
}

/** A withdrawn ask's issue is watched this long for a late approval, to say it runs nothing. */
const WITHDRAWN_WATCH_MS = 7 * 24 * 3600_000;

function line(context: AskContext, move: string, summary: string, outcome: string): string {
  return formatJournalLine({ at: context.at, beat: context.beat, move, summary, outcome });
}

function noted(tended: Tended, entry: string): Tended {
  return { ...tended, journal: [...tended.journal, entry] };
}

/** The ask as it now stands, with the text the branch holds for it (what a claim must match). */
function replaceAsk(state: LoadedState, ask: Ask, text?: string): LoadedState {
  const read = state.asks.find((a) => a.ask.id === ask.id)?.text;
  const others = state.asks.filter((a) => a.ask.id !== ask.id);
  return { ...state, asks: [...others, { ask, text: text ?? read ?? '' }] };
}

/**
 * The "reconcile asks" step, level-triggered: every beat looks at every open ask, whatever
 * event started it. Idle, it costs two requests (the ask issues closed and the comments made
 * since the last look) and only when an ask is open.
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * GitHub calls on one ask: a failure (a 422 for a body, an issue gone, a timeout) is recorded
 * on that ask and journaled once, and the beat goes on with the other asks. Only refused
 * credentials or permissions stop the beat: they are the workflow's to fix, and every ask would fail.
 */
async function onAsk(tended: Tended, ask: Ask, context: AskContext, work: () => Promise<Tended>): Promise<Tended> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    const status = error.status;
    if (isRefused(error)) {
      throw new Error(`GitHub refused the token (HTTP ${status}): ${messageOf(error)}. The job needs "permissions: issues: write" and "actions: read", and input github-token a token with them.`, { cause: error });
    }
    const said = `${status === undefined ? '' : `HTTP ${status}: `}${messageOf(error)}`.slice(0, 500);
    const current = tended.state.asks.find((a) => a.ask.id === ask.id)?.ask ?? ask;
    const next = withAsk(tended, { ...current, error: said });
    return current.error === said ? next : noted(next, line(context, 'answer', `ask ${ask.id}: GitHub failed (${said}); the next beat tries again`, 'failed'));
  }
}

/** The body the loop writes for an ask's issue. */
function bodyOf(ask: Ask, context: AskContext): string {
  return askBody(ask, context.askFileUrl === undefined ? {} : { file: context.askFileUrl(ask.id) });
}

/**
 * Opens the issue of an ask that has none, claimed first on the branch (so of two beats one
 * opens it), found by its marker before one is created (so a beat that died after creating
 * it opens no second), and adopted only when the loop itself opened it.
 */
async function ensureIssue(tended: Tended, loaded: LoadedAsk, context: AskContext): Promise<Tended> {
  const { ask } = loaded;
  if (ask.creating !== undefined && !(await claimIsDead(ask.creating, context))) return tended;
  const claimed: Ask = { ...ask, nonce: ask.nonce ?? newNonce(), creating: claimNow(context) };
  const path = askPath(ask.id);
  // Another beat that changed the ask a moment ago opens the issue.
  if (!(await claimFile(context.store, { file: path, text: formatAsk(claimed), expected: loaded.text, message: `looop: beat ${context.beat}: opening the issue of ask ${ask.id}` }))) return tended;
  const mine = { ...tended, state: replaceAsk(tended.state, claimed, formatAsk(claimed)) };
  return onAsk(mine, claimed, context, async () => {
    const body = bodyOf(claimed, context);
    const found = await findAskIssue(context.github, claimed.id, claimed.nonce ?? '');
    if (found !== undefined && found.body !== body) await context.github.updateIssue(found.number, { body });
    const issue = found ?? (await createAskIssue(context.github, claimed, body));
    return withAsk(mine, { ...claimed, issue: issue.number, creating: undefined, error: undefined, created: claimed.created || context.at.toISOString(), beat: claimed.beat || context.beat });
  });
}

/** Asks recorded without an issue (the template's setup ask, or a beat that died in between) get theirs. */
async function recoverIssues(tended: Tended, context: AskContext): Promise<Tended> {
  let current = tended;
  for (const loaded of tended.state.asks) {
    if (!isOpen(loaded.ask) || loaded.ask.issue !== undefined) continue;
    current = await ensureIssue(current, loaded, context);
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
    if (ask.status !== 'executing' || !(await claimIsDead(ask.claimedBy, context))) continue;
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
  const current = noted(withAsk(tended, again), line(context, 'answer', `ask ${ask.id}: ${why.journal}`, why.outcome));
  const issue = ask.issue;
  if (issue === undefined) return current;
  return onAsk(current, again, context, async () => {
    await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\n${why.note(again.hash ?? '')}`);
    return current;
  });
}

/** Asks whose issue's comments are read: pending ones, and for a while withdrawn ones. */
function watched(state: LoadedState, at: Date): LoadedAsk[] {
  return state.asks.filter(({ ask }) => {
    if (ask.issue === undefined) return false;
    if (ask.status === 'pending') return true;
    return ask.status === 'withdrawn' && at.getTime() - Date.parse(ask.resolved ?? '') < WITHDRAWN_WATCH_MS;
  });
}

/**
 * A pending ask whose issue a person closed is withdrawn: nothing of it runs. A withdrawn ask
 * whose issue was reopened is asked again, under a new hash.
 */
async function followIssues(tended: Tended, asks: readonly LoadedAsk[], issues: readonly { number: number; open: boolean }[], context: AskContext): Promise<Tended> {
  const states = new Map(issues.map((issue) => [issue.number, issue.open]));
  let current = tended;
  for (const { ask } of asks) {
    const open = ask.issue === undefined ? undefined : states.get(ask.issue);
    if (open === false && ask.status === 'pending') {
      current = noted(withAsk(current, { ...ask, status: 'withdrawn', closed: true, resolved: context.at.toISOString() }), line(context, 'answer', `ask ${ask.id}: its issue #${ask.issue ?? 0} was closed by a person, so it is withdrawn and nothing of it runs`, 'withdrawn'));
    } else if (open === true && ask.status === 'withdrawn') {
      current = await askAgain(current, { ...ask, status: 'pending', closed: false, resolved: undefined }, context, {
        note: (hash) => `The issue was reopened, so the loop asks again. To run the move, comment \`/approve ${hash}\`.`,
        journal: 'its issue was reopened; asked again',
        outcome: 'reopened',
      });
      if (ask.move === undefined) current = withAsk(current, { ...ask, status: 'pending', closed: false, resolved: undefined });
    }
  }
  return current;
}

async function readComments(tended: Tended, context: AskContext): Promise<Tended> {
  const asks = watched(tended.state, context.at);
  if (asks.length === 0) return tended;
  // No comment on an ask predates the ask, so the window never reaches back past the oldest one.
  const oldest = asks.map(({ ask }) => ask.created).filter(Boolean).sort()[0] ?? context.at.toISOString();
  const checked = tended.state.memory.asksCheckedAt;
  const since = checked !== undefined && checked > oldest ? checked : new Date(Date.parse(oldest) - 60_000).toISOString();
  // Closed issues are few, and what withdraws an ask; open ones matter only to a withdrawn ask that may be reopened.
  const which = asks.some(({ ask }) => ask.status === 'withdrawn') ? 'all' : 'closed';
  const [issues, { comments }] = await Promise.all([context.github.issuesSince(ASK_LABEL, since, which), context.github.commentsSince(since)]);
  const followed = await followIssues(tended, asks, issues, context);
  const reading = watched(followed.state, context.at);
  const roles = new Map<string, string>();
  for (const login of loginsToCheck(reading, comments, context.approvers)) roles.set(login, await context.github.permission(login));
  const answers = readAnswers({ asks: reading, comments, roles, approvers: context.approvers, at: context.at.toISOString() });
  let current: Tended = { ...followed, journal: [...followed.journal, ...answers.journal.map((j) => line(context, j.move, j.summary, j.outcome))] };
  for (const ask of answers.updated) current = withAsk(current, ask);
  for (const reply of answers.replies) {
    const ask = current.state.asks.find((a) => a.ask.issue === reply.issue)?.ask;
    if (ask === undefined) continue;
    current = await onAsk(current, ask, context, async () => {
      await context.github.comment(reply.issue, reply.body);
      return current;
    });
  }
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
  // Looked up again, not taken from the labelled listing: someone may have taken the label off
  // before the issue was closed, and a closed issue withdraws its ask.
  if (ask.issue !== undefined && (await context.github.issueState(ask.issue))?.open !== true) return withdrawnBeforeRun(tended, approval, context);
  const claimed: Ask = {
    ...ask,
    status: 'executing',
    approved: { by: approval.by, at: context.at.toISOString(), comment: approval.comment },
    claimedBy: claimNow(context),
  };
  const path = askPath(ask.id);
  if (!(await claimFile(context.store, { file: path, text: formatAsk(claimed), expected: approval.loaded.text, message: `looop: beat ${context.beat}: executing ask ${ask.id}, approved by @${approval.by}` }))) {
    return noted(tended, line(context, 'answer', `ask ${ask.id} changed on the branch while this beat read its approval; the next beat reads it again`, 'skipped'));
  }
  const move = ask.move;
  if (move === undefined) return tended;
  const outcome = await act(move, { ...context.act, state: tended.state, approval });
  const done: Ask = { ...claimed, status: 'done', outcome: `${outcome.outcome}: ${outcome.summary}`, resolved: context.at.toISOString() };
  const journal = line(context, `${move.type} (approved by @${approval.by})`, outcome.summary, outcome.outcome);
  await record(
    context.store,
    // Against the claim: a person's edit of the file meanwhile (an answer seen) is kept.
    { files: { ...outcome.files, [path]: askWrite(done, formatAsk(claimed)) }, journal: [journal], ...(outcome.executable === undefined ? {} : { executable: outcome.executable }) },
    `looop: beat ${context.beat}: ask ${ask.id} done`,
  );
  return { ...tended, state: replaceAsk(tended.state, done, formatAsk(done)), ...(outcome.lastCommand === undefined ? {} : { lastCommand: outcome.lastCommand }) };
}

/** An approval on an issue closed (or gone) by the time it is read runs nothing, and the approver is told. */
async function withdrawnBeforeRun(tended: Tended, approval: Approval, context: AskContext): Promise<Tended> {
  const { ask } = approval.loaded;
  const issue = ask.issue ?? 0;
  const withdrawn = noted(withAsk(tended, { ...ask, status: 'withdrawn', closed: true, resolved: context.at.toISOString() }), line(context, 'answer', `ask ${ask.id}: approved by @${approval.by}, but its issue #${issue} is closed, so it is withdrawn and nothing was run`, 'withdrawn'));
  return onAsk(withdrawn, ask, context, async () => {
    await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\n@${approval.by}: nothing was run: this issue is closed, which withdraws the ask. Reopen it to ask again.`);
    return withdrawn;
  });
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
    note: (hash) => `Nothing was run: a guard began to hold after this was asked.\n${fence(holds.join('\n').slice(0, 4000), 'text')}\nTo run it all the same, comment \`/approve ${hash}\`.`,
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
      return `Done${run}:\n${fence((ask.outcome ?? '').slice(0, 8000), 'text')}`;
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
    current = await onAsk(current, ask, context, async () => {
      // An issue deleted or transferred away cannot be told; the ask is closed all the same.
      const gone = await issueGone(async () => {
        await context.github.comment(issue, `${LOOP_COMMENT_MARKER}\n${closingNote(ask, context.runUrl)}`);
        await context.github.updateIssue(issue, { state: 'closed', reason: ask.status === 'denied' ? 'not_planned' : 'completed' });
      });
      const closed = withAsk(current, { ...ask, closed: true, error: undefined });
      return gone ? noted(closed, line(context, 'answer', `ask ${ask.id}: its issue #${issue} is gone; closed without a note`, 'ok')) : closed;
    });
  }
  return current;
}

/** Runs calls on one issue; true when GitHub says the issue is gone (404, 410), which is no reason to stop the loop. */
async function issueGone(calls: () => Promise<void>): Promise<boolean> {
  try {
    await calls();
    return false;
  } catch (error) {
    if (isGone(error)) return true;
    throw error;
  }
}

function questionId(question: string): string {
  return `ask-${createHash('sha256').update(canonicalJson(question)).digest('hex').slice(0, 8)}`;
}

/** A free id: the move's own, or the next one after it when that ask was resolved (or its file cannot be read). */
function freeId(base: string, state: LoadedState): { id: string; existing?: Ask } {
  for (let n = 1; ; n++) {
    const id = n === 1 ? base : `${base}-${n}`;
    if (state.unreadableAsks.includes(id)) continue;
    const existing = state.asks.find((a) => a.ask.id === id)?.ask;
    if (existing === undefined) return { id };
    if (isOpen(existing)) return { id, existing };
  }
}

export interface OpenedAsk {
  readonly ask: Ask;
  /** This beat opened it and records it; false when it was open already. */
  readonly opened: boolean;
  /** The ask file to write in the beat's record, against the claim this beat pushed. */
  readonly file?: FileWrite;
  readonly journal: readonly string[];
}

/**
 * Opens an ask for a gated move: claimed on the branch first, with a fresh nonce (so two beats
 * open one, and nobody can have opened its issue before), then its issue.
 */
export async function openAsk(state: LoadedState, request: AskRequest, reason: string, holds: readonly string[], context: AskContext): Promise<OpenedAsk> {
  const { id, existing } = freeId(request.move === undefined ? questionId(request.question) : askIdFor(request.move), state);
  if (existing !== undefined) return { ask: existing, opened: false, journal: [] };
  const fresh = newAsk({ id, question: request.question, reason, ...(request.move === undefined ? {} : { move: request.move }), ...(request.worker === undefined ? {} : { worker: request.worker }), holds, beat: context.beat, at: context.at.toISOString(), nonce: newNonce() });
  const claimed: Ask = { ...fresh, creating: claimNow(context) };
  const path = askPath(id);
  const text = formatAsk(claimed);
  // Another beat that opened this very ask a moment ago records it and its issue.
  if (!(await claimFile(context.store, { file: path, text, expected: null, message: `looop: beat ${context.beat}: ask ${id}` }))) return { ask: fresh, opened: false, journal: [] };
  const tended: Tended = { state: replaceAsk(state, claimed, text), files: {}, journal: [] };
  const after = await onAsk(tended, claimed, context, async () => {
    const issue = await createAskIssue(context.github, claimed, bodyOf(claimed, context));
    return withAsk(tended, { ...claimed, issue: issue.number, creating: undefined });
  });
  const ask = after.state.asks.find((a) => a.ask.id === id)?.ask ?? claimed;
  return { ask, opened: true, file: askWrite(ask, text), journal: after.journal };
}
