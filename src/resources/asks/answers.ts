import { moveHash, readReply, type Ask } from './model.ts';
import type { IssueComment } from '../../beat/github.ts';
import type { LoadedAsk } from '../../state/read.ts';

/** Marks the loop's own comments, so they are never read as a person's answer. */
export const LOOP_COMMENT_MARKER = '<!-- looop -->';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

export interface AnswerInput {
  /** Asks whose comments are read: pending ones, and withdrawn ones (whose approvals are refused, saying why). */
  readonly asks: readonly LoadedAsk[];
  readonly comments: readonly IssueComment[];
  /** Repository role of each commenter who needs one (see `loginsToCheck`). */
  readonly roles: ReadonlyMap<string, string>;
  readonly approvers: readonly string[];
  readonly at: string;
}

declare const approved: unique symbol;

/**
 * A person with the right to approve named this move's hash. Only `readAnswers` makes one,
 * and only an approval lets a move past its gate (a command outside `allow` into a shell).
 */
export interface Approval {
  readonly loaded: LoadedAsk;
  readonly by: string;
  readonly comment: number;
  readonly [approved]: true;
}

export interface Answers {
  /** Asks whose file changes: answers recorded, denials, comments marked seen. */
  readonly updated: readonly Ask[];
  /** Approvals of exactly the move shown; the beat executes each once. */
  readonly approvals: readonly Approval[];
  /** Replies the loop owes (an approval that names the wrong hash, or that comes too late). */
  readonly replies: readonly { readonly issue: number; readonly body: string }[];
  readonly journal: readonly { readonly move: string; readonly summary: string; readonly outcome: string }[];
}

/** Comments that could count: a person's, unseen, on the ask's issue, not the loop's own. */
function candidates(ask: Ask, comments: readonly IssueComment[]): IssueComment[] {
  return comments
    .filter((c) => c.issue === ask.issue && !ask.seen.includes(c.id) && !c.isBot && !c.body.includes(LOOP_COMMENT_MARKER))
    .sort((a, b) => a.id - b.id);
}

function isApprover(login: string, approvers: readonly string[]): boolean {
  return approvers.some((a) => a.toLowerCase() === login.toLowerCase());
}

function isRead(ask: Ask): boolean {
  return (ask.status === 'pending' || ask.status === 'withdrawn') && ask.issue !== undefined;
}

/** Commenters whose permission must be looked up (approvers need none). */
export function loginsToCheck(asks: readonly LoadedAsk[], comments: readonly IssueComment[], approvers: readonly string[]): string[] {
  const logins = asks.filter(({ ask }) => isRead(ask)).flatMap(({ ask }) => candidates(ask, comments).map((c) => c.login));
  return [...new Set(logins)].filter((login) => !isApprover(login, approvers));
}

type Collected = { updated: Ask[]; approvals: Approval[]; replies: { issue: number; body: string }[]; journal: { move: string; summary: string; outcome: string }[] };

/**
 * Reads the comments on asks. Only people with write, maintain or admin permission (looked
 * up, never remembered) or named approvers count; the first deciding comment on an ask wins,
 * and each comment is handled once. A withdrawn ask runs nothing, and says so to whoever approves it.
 */
export function readAnswers(input: AnswerInput): Answers {
  const out: Collected = { updated: [], approvals: [], replies: [], journal: [] };
  for (const loaded of input.asks) {
    if (!isRead(loaded.ask)) continue;
    const next = readAsk(loaded, input, out);
    if (next !== loaded.ask && !out.approvals.some((a) => a.loaded.ask.id === next.id)) out.updated.push(next);
  }
  return out;
}

function readAsk(loaded: LoadedAsk, input: AnswerInput, out: Collected): Ask {
  const { ask } = loaded;
  const issue = ask.issue ?? 0;
  const refuse = (login: string, why: string): void => {
    out.replies.push({ issue, body: `${LOOP_COMMENT_MARKER}\n@${login}: nothing was run: ${why}.` });
    out.journal.push({ move: 'answer', summary: `refused an approval by @${login} on ask ${ask.id} (#${issue}): ${why}`, outcome: 'refused' });
  };
  let next: Ask = ask;
  for (const comment of candidates(ask, input.comments)) {
    next = { ...next, seen: [...next.seen, comment.id] };
    const authorized = isApprover(comment.login, input.approvers) || WRITE_ROLES.has(input.roles.get(comment.login) ?? 'none');
    if (!authorized) {
      out.journal.push({ move: 'answer', summary: `ignored a comment by @${comment.login} on ask ${ask.id} (#${issue}): not a person with write access or an approver`, outcome: 'ignored' });
      continue;
    }
    const reply = readReply(comment.body);
    if (next.status === 'withdrawn') {
      if (reply.kind === 'approve' || reply.kind === 'unclear') refuse(comment.login, `this ask was withdrawn when its issue was closed; reopen the issue to ask again`);
      continue;
    }
    if (reply.kind === 'unclear') {
      refuse(comment.login, 'to approve or deny, begin the comment with `/approve <hash>` or `/deny`; this comment was not read as an answer either');
      continue;
    }
    if (reply.kind === 'approve') {
      // The hash is worked out again from the move and round: a hash field edited into a file proves nothing.
      const hash = next.move === undefined ? undefined : moveHash(next.move, next.round);
      if (hash !== undefined && reply.hash === hash) {
        out.approvals.push({ loaded: { ...loaded, ask: next }, by: comment.login, comment: comment.id } as Approval);
        return next;
      }
      refuse(comment.login, next.move === undefined ? 'this ask has no move to approve; answer it in words' : `\`${reply.hash || '(none)'}\` is not this move's hash \`${hash ?? ''}\``);
      continue;
    }
    const text = reply.kind === 'deny' ? reply.why : reply.text;
    out.journal.push({ move: 'answer', summary: `@${comment.login} ${reply.kind === 'deny' ? 'denied' : 'answered'} ask ${ask.id} (#${issue})`, outcome: 'ok' });
    return {
      ...next,
      status: reply.kind === 'deny' ? 'denied' : 'answered',
      resolved: input.at,
      answers: [...next.answers, { by: comment.login, at: comment.created, comment: comment.id, text }],
    };
  }
  return next;
}
