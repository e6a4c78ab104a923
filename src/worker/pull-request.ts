import type { GitHub, PullRequest } from '../beat/github.ts';
import { fence } from '../prompt/fence.ts';
import type { Worker } from '../resources/workers/model.ts';
import { fitted, GITHUB_BODY_LIMIT, oneLine } from '../text/fit.ts';

/**
 * A worker's one pull request: found by its head branch and a hidden marker in its body, then
 * updated, or opened when there is none. The agent's words are untrusted: they are quoted in a
 * fence, never read as the body's Markdown, so they cannot mention, link or close anything.
 */

export function workerMarker(id: string): string {
  return `<!-- looop:worker ${id} -->`;
}

export interface PullRequestContent {
  readonly worker: Worker;
  /** The goal's title, or its slug. */
  readonly goalTitle: string;
  readonly summary: string;
  readonly verified: Worker['verified'];
  /** This round's cost, and the worker's over all its rounds. */
  readonly costUsd: number | undefined;
  readonly tokensIn: number | undefined;
  readonly tokensOut: number | undefined;
  readonly runUrl: string | undefined;
  /** Paths the agent wrote that the commit left out. */
  readonly refused: readonly string[];
}

export function pullRequestTitle(goalTitle: string, id: string): string {
  return oneLine(`looop ${id}: ${goalTitle}`, 200);
}

const SUMMARY_CHARS = 20_000;
const TAIL_CHARS = 6_000;

export function pullRequestBody(content: PullRequestContent): string {
  const { worker } = content;
  const lines = [
    workerMarker(worker.id),
    `Worker \`${worker.id}\` of the loop, toward goal \`${worker.goal}\` (round ${worker.round}). Review it like any other change: nothing here is merged without a person.`,
    '',
    '### What the agent says it did',
    '',
    fence(fitted(content.summary === '' ? '(no summary)' : content.summary, SUMMARY_CHARS, 'the worker record on the state branch has it'), 'text'),
    '',
    '### Verify',
    '',
  ];
  const verified = content.verified;
  if (verified === undefined) lines.push('No verify command was set for this worker.');
  else {
    lines.push(`${verified.ok ? 'Passed' : 'Failed'} (${verified.outcome}):`, '', fence(worker.verify ?? '', 'sh'));
    if (verified.tail.trim() !== '') lines.push('', fence(fitted(verified.tail, TAIL_CHARS, 'the run log has the rest'), 'text'));
  }
  if (content.refused.length > 0) {
    lines.push('', '### Left out', '', 'The agent wrote these, and the commit does not carry them (workflow files and git\'s own files are never a worker\'s):', '', fence(content.refused.join('\n'), 'text'));
  }
  const cost = content.costUsd === undefined ? 'not reported' : `$${content.costUsd.toFixed(4)}`;
  const tokens = content.tokensIn === undefined && content.tokensOut === undefined ? '' : `, ${content.tokensIn ?? 0} tokens in, ${content.tokensOut ?? 0} out`;
  lines.push('', `Cost over its rounds: ${cost}${tokens}.${content.runUrl === undefined ? '' : ` [The run](${content.runUrl}).`}`);
  return fitted(lines.join('\n'), GITHUB_BODY_LIMIT - 100, 'cut to GitHub\'s limit');
}

/** What the pull request step did, as the record and the summary say it. */
export interface PullRequestResult {
  readonly pull: PullRequest;
  readonly did: 'created' | 'updated';
}

/** One pull request per worker: an open one found by its marker is updated, else one is opened. */
export async function upsertPullRequest(github: GitHub, pull: { head: string; base: string; title: string; body: string }, id: string): Promise<PullRequestResult> {
  const marker = workerMarker(id);
  const found = await github.findOwnPullRequest(pull.head, (body) => body.includes(marker));
  if (found?.open === true) {
    await github.updatePullRequest(found.number, { title: pull.title, body: pull.body });
    return { pull: found, did: 'updated' };
  }
  // A merged or closed one is history: the branch's new work is a new pull request.
  return { pull: await github.createPullRequest(pull), did: 'created' };
}
