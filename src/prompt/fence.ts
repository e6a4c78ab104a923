/**
 * The longest fence the prompt uses. A line of only backticks closes a fence at least as long
 * (CommonMark, and how a model reads Markdown), so a fence must outgrow every such line in its
 * text; past this length the line is rewritten instead, so no text can make its fence grow.
 */
const LONGEST_FENCE = 8;

/** A line a backtick fence would end on: up to three spaces, three or more backticks, blanks. */
const CLOSING_LINE = /(^|\r\n|\r|\n)( {0,3})(`{3,})([ \t]*)(?=\r\n|\r|\n|$)/g;

/**
 * Fences untrusted text so that nothing in it can end the block: the fence is one backtick
 * longer than any line of backticks alone in the text, and a line longer than the longest
 * fence becomes as many tildes (same bytes, and a tilde line cannot end a backtick fence).
 * The fence adds at most 2 × 8 backticks, whatever the text holds.
 */
export function fence(text: string, info = ''): string {
  let longest = 0;
  const body = text.replace(CLOSING_LINE, (_line, start: string, indent: string, ticks: string, blanks: string) => {
    if (ticks.length >= LONGEST_FENCE) return `${start}${indent}${'~'.repeat(ticks.length)}${blanks}`;
    longest = Math.max(longest, ticks.length);
    return `${start}${indent}${ticks}${blanks}`;
  });
  const ticks = '`'.repeat(Math.max(3, longest + 1));
  return `${ticks}${info}\n${body}\n${ticks}`;
}

/** UTF-8 bytes: what the prompt budget counts. */
export function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * At most `maxChars` characters and `maxBytes` bytes of the text, the cut said in a last line
 * (counted within the bytes). Cuts between code points, never inside one.
 */
export function cap(text: string, maxChars: number, maxBytes = Number.POSITIVE_INFINITY): string {
  // Bytes are counted only of text short enough to keep: a text may be megabytes long.
  if (text.length <= maxChars && bytes(text) <= maxBytes) return text;
  // Only the part that can be kept is split into code points: a text may be megabytes long.
  const points = Array.from(text.slice(0, 2 * maxChars + 2)).slice(0, maxChars);
  let kept = Math.min(points.length, maxChars);
  const note = (n: number): string => `\n…[cut: ${text.length - n} more characters]`;
  let cut = points.slice(0, kept).join('');
  // The note's length depends on what is cut; two rounds settle it.
  while (kept > 0 && bytes(cut) + bytes(note(cut.length)) > maxBytes) {
    kept = Math.max(0, kept - Math.max(1, Math.ceil((bytes(cut) + bytes(note(cut.length)) - maxBytes) / 4)));
    cut = points.slice(0, kept).join('');
  }
  if (cut.length === text.length) return cut;
  // Too little room even for the note: an ellipsis says it all.
  return bytes(note(cut.length)) > maxBytes ? '…' : `${cut}${note(cut.length)}`;
}
