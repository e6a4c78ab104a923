import { fitted, GITHUB_BODY_LIMIT, oneLine } from '../../text/fit.ts';
import type { GitHub, Issue, Label } from '../../beat/github.ts';
import type { Ask } from './model.ts';
import { fence } from '../../prompt/fence.ts';

/** The label every ask issue carries; the workflow's `if:` wakes the loop on comments under it. */
export const ASK_LABEL = 'looop:ask';

const ASK: Label = { name: ASK_LABEL, color: 'd93f0b', description: 'The loop asks a person: answer by comment' };

/** A hidden line that ties an issue to its ask (and this life of it, by the nonce), so the loop finds it again instead of opening another. */
export function askMarker(ask: Pick<Ask, 'id' | 'nonce'>): string {
  return `<!-- looop:ask id=${ask.id} nonce=${ask.nonce ?? ''} -->`;
}

export function markerIn(body: string | null | undefined): { id: string; nonce: string } | undefined {
  const match = /<!-- looop:ask id=([a-z0-9-]+) nonce=([0-9a-f]*) -->/.exec(body ?? '');
  return match === null ? undefined : { id: match[1] ?? '', nonce: match[2] ?? '' };
}


export function askTitle(ask: Ask): string {
  return `looop asks: ${oneLine(ask.question, 90)}`;
}

/** Where a person reads the ask whole, on the state branch. */
export interface AskLinks {
  /** e.g. https://github.com/o/r/blob/loop-state/asks/<id>.md */
  readonly file?: string;
}

const QUESTION_SHOWN = 6000;
const REASON_SHOWN = 3000;
const HOLDS_SHOWN = 4000;
/** What the body holds besides the move: marker, headings, instructions. */
const BODY_FRAME = 3000;

/**
 * The issue a person answers. The loop's own words (question, reason) come from an LLM, so
 * they are shown fenced: they cannot mention people, fake a heading, or dress up as the
 * instructions below them. Everything is cut to fit GitHub's limit; the ask file has it whole.
 */
export function askBody(ask: Ask, links: AskLinks = {}): string {
  const whole = links.file === undefined ? `asks/${ask.id}.md on the state branch has it whole` : `${links.file} has it whole`;
  const parts = [askMarker(ask), '', '**The loop asks:**', '', fence(fitted(ask.question, QUESTION_SHOWN, whole), 'text'), '', '**Why:**', '', fence(fitted(ask.reason, REASON_SHOWN, whole), 'text')];
  if (ask.holds.length > 0) {
    parts.push('', `**Held:** a guard sensor holds the loop, so this needs a person even if \`allow\` would let it through:`, fence(fitted(ask.holds.join('\n'), HOLDS_SHOWN, whole), 'text'));
  }
  if (ask.move !== undefined && ask.hash !== undefined) {
    const json = JSON.stringify(ask.move, null, 2);
    const room = GITHUB_BODY_LIMIT - parts.join('\n').length - BODY_FRAME;
    const cut = json.length > room;
    parts.push(
      '',
      '**The exact move an approval runs:**',
      '',
      fence(fitted(json, room, `the move is too long to show here: read it whole in ${links.file ?? `asks/${ask.id}.md on the state branch`} before approving`), 'json'),
      '',
      `Hash: \`${ask.hash}\`${cut ? ' (of the whole move, not of the part shown)' : ''}`,
      '',
      '**To answer**, comment on this issue. Only people with write, maintain or admin permission, or listed in `approvers`, count.',
      `- \`/approve ${ask.hash}\` runs exactly this move, once.`,
      '- `/deny` (and why, if you like) refuses it.',
      "- Anything else is your answer: the loop's next decision reads it.",
      '- Closing this issue withdraws the ask: nothing runs.',
    );
  } else {
    parts.push('', "**To answer**, comment on this issue: the loop's next decision reads your answer. `/deny` closes it unanswered. Only people with write, maintain or admin permission, or listed in `approvers`, count.");
  }
  return fitted(parts.join('\n'), GITHUB_BODY_LIMIT, whole);
}

/** The issue that carries this ask's marker (id and nonce) and that the loop itself opened. */
export function findAskIssue(github: GitHub, id: string, nonce: string): Promise<Issue | undefined> {
  return github.findOwnIssue(ASK_LABEL, (body) => {
    const marker = markerIn(body);
    return marker?.id === id && marker.nonce === nonce && nonce !== '';
  });
}

export function createAskIssue(github: GitHub, ask: Ask, body: string): Promise<Issue> {
  return github.createIssue(ASK, askTitle(ask), body);
}
