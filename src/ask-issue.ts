import type { Ask } from './asks.ts';
import { fence } from './prompt.ts';

/** The label every ask issue carries; the workflow's `if:` wakes the loop on comments under it. */
export const ASK_LABEL = 'looop:ask';

/** A hidden line that ties an issue to its ask, so the loop finds it again instead of opening another. */
export function askMarker(id: string): string {
  return `<!-- looop:ask id=${id} -->`;
}

export function markerIn(body: string | null | undefined): string | undefined {
  return /<!-- looop:ask id=([a-z0-9-]+) -->/.exec(body ?? '')?.[1];
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function askTitle(ask: Ask): string {
  return `looop asks: ${oneLine(ask.question, 90)}`;
}

/**
 * The issue a person answers. The loop's own words (question, reason) come from an LLM, so
 * they are shown fenced: they cannot mention people, fake a heading, or dress up as the
 * instructions below them.
 */
export function askBody(ask: Ask): string {
  const parts = [askMarker(ask.id), '', '**The loop asks:**', '', fence(ask.question, 'text'), '', '**Why:**', '', fence(ask.reason, 'text')];
  if (ask.holds.length > 0) {
    parts.push('', `**Held:** a guard sensor holds the loop, so this needs a person even if \`allow\` would let it through: ${ask.holds.map((h) => fence(h, 'text')).join('\n')}`);
  }
  if (ask.move !== undefined && ask.hash !== undefined) {
    parts.push(
      '',
      '**The exact move an approval runs:**',
      '',
      fence(JSON.stringify(ask.move, null, 2), 'json'),
      '',
      `Hash: \`${ask.hash}\``,
      '',
      '**To answer**, comment on this issue. Only people with write, maintain or admin permission, or listed in `approvers`, count.',
      `- \`/approve ${ask.hash}\` runs exactly this move, once.`,
      '- `/deny` (and why, if you like) refuses it.',
      "- Anything else is your answer: the loop's next decision reads it.",
    );
  } else {
    parts.push('', "**To answer**, comment on this issue: the loop's next decision reads your answer. `/deny` closes it unanswered. Only people with write, maintain or admin permission, or listed in `approvers`, count.");
  }
  return parts.join('\n');
}
