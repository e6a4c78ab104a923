import { moveHash, readReply, type Ask } from './asks.ts';
import type { IssueComment } from './github.ts';
import type { LoadedAsk } from './state/read.ts';

/** Marks the loop's own comments, so they are never read as a person's answer. */
export const LOOP_COMMENT_MARKER = '<!-- looop -->';

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

export interface AnswerInput {
  readonly asks: readonly LoadedAsk[];
  readonly comments: readonly IssueComment[];
  /** Repository role of each commenter who needs one (see `loginsToCheck`). */
  readonly roles: ReadonlyMap<string, string>;
  readonly approvers: readonly string[];
  readonly at: string;
}

export interface Approval {
  readonly loaded: LoadedAsk;
  readonly by: string;
  readonly comment: number;
}

export interface Answers {
  /** Asks whose file changes: answers recorded, denials, comments marked seen. */
  readonly updated: readonly Ask[];
  /** Approvals of exactly the move shown; the beat executes each once. */
  readonly approvals: readonly Approval[];
  /** Replies the loop owes (an approval that names the wrong hash). */
  readonly replies: readonly { readonly issue: number; readonly body: string }[];
  readonly journal: readonly { readonly move: string; readonly summary: string; readonly outcome: string }[];
}

/** Comments that could count: a person's, unseen, on an open ask's issue, not the loop's own. */
function candidates(ask: Ask, comments: readonly IssueComment[]): IssueComment[] {
  return comments
    .filter((c) => c.issue === ask.issue && !ask.seen.includes(c.id) && !c.isBot && !c.body.includes(LOOP_COMMENT_MARKER))
    .sort((a, b) => a.id - b.id);
}

function isApprover(login: string, approvers: readonly string[]): boolean {
  return approvers.some((a) => a.toLowerCase() === login.toLowerCase());
}

/** Commenters whose permission must be looked up (approvers need none). */
export function loginsToCheck(asks: readonly LoadedAsk[], comments: readonly IssueComment[], approvers: readonly string[]): string[] {
  const open = asks.filter(({ ask }) => ask.status === 'pending' && ask.issue !== undefined);
  const logins = open.flatMap(({ ask }) => candidates(ask, comments).map((c) => c.login));
  return [...new Set(logins)].filter((login) => !isApprover(login, approvers));
}

/**
 * Reads the comments on pending asks. Only people with write, maintain or admin permission
 * (looked up, never remembered) or named approvers count; the first deciding comment on an
 * ask wins, and each comment is handled once.
 */
export function readAnswers(input: AnswerInput): Answers {
  const updated: Ask[] = [];
  const approvals: Approval[] = [];
  const replies: { issue: number; body: string }[] = [];
  const journal: { move: string; summary: string; outcome: string }[] = [];
  for (const loaded of input.asks) {
    const { ask } = loaded;
    if (ask.status !== 'pending' || ask.issue === undefined) continue;
    const issue = ask.issue;
    let next: Ask = ask;
    for (const comment of candidates(ask, input.comments)) {
      next = { ...next, seen: [...next.seen, comment.id] };
      const authorized = isApprover(comment.login, input.approvers) || WRITE_ROLES.has(input.roles.get(comment.login) ?? 'none');
      if (!authorized) {
        journal.push({ move: 'answer', summary: `ignored a comment by @${comment.login} on ask ${ask.id} (#${issue}): not a person with write access or an approver`, outcome: 'ignored' });
        continue;
      }
      const reply = readReply(comment.body);
      if (reply.kind === 'approve') {
        // The hash is worked out again from the move and round: a hash field edited into a file proves nothing.
        const hash = next.move === undefined ? undefined : moveHash(next.move, next.round);
        if (hash !== undefined && reply.hash === hash) {
          approvals.push({ loaded: { ...loaded, ask: next }, by: comment.login, comment: comment.id });
          break;
        }
        const why = next.move === undefined ? 'this ask has no move to approve; answer it in words' : `\`${reply.hash || '(none)'}\` is not this move's hash \`${hash ?? ''}\``;
        replies.push({ issue, body: `${LOOP_COMMENT_MARKER}\n@${comment.login}: nothing was run: ${why}.` });
        journal.push({ move: 'answer', summary: `refused an approval by @${comment.login} on ask ${ask.id} (#${issue}): ${why}`, outcome: 'refused' });
        continue;
      }
      const text = reply.kind === 'deny' ? reply.why : reply.text;
      next = {
        ...next,
        status: reply.kind === 'deny' ? 'denied' : 'answered',
        resolved: input.at,
        answers: [...next.answers, { by: comment.login, at: comment.created, comment: comment.id, text }],
      };
      journal.push({ move: 'answer', summary: `@${comment.login} ${reply.kind === 'deny' ? 'denied' : 'answered'} ask ${ask.id} (#${issue})`, outcome: 'ok' });
      break;
    }
    if (next !== ask && !approvals.some((a) => a.loaded.ask.id === ask.id)) updated.push(next);
  }
  return { updated, approvals, replies, journal };
}
