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

/** The note's bytes but for the count of characters cut (the ellipsis is 3 bytes). */
const NOTE_BYTES = bytes('\n…[cut:  more characters]');

/**
 * At most `maxChars` characters and `maxBytes` bytes of the text, the cut said in a last line
 * (counted within the bytes). Cuts between code points, never inside one.
 */
export function cap(text: string, maxChars: number, maxBytes = Number.POSITIVE_INFINITY): string {
  // Bytes are counted only of text short enough to keep: a text may be megabytes long.
  if (text.length <= maxChars && bytes(text) <= maxBytes) return text;
  // One walk over the code points that can be kept, to the longest start that fits with its
  // note. Keeping one more never makes the whole shorter (the count in the note loses a digit
  // at most as the text gains a byte), so the first that does not fit ends the walk.
  const noteBytes = (end: number): number => NOTE_BYTES + String(text.length - end).length;
  let end = 0;
  let size = 0;
  for (let points = 0; points < maxChars && end < text.length; points++) {
    const code = text.codePointAt(end) ?? 0;
    const next = end + (code > 0xffff ? 2 : 1);
    const grown = size + utf8Width(code);
    if (grown + noteBytes(next) > maxBytes) break;
    end = next;
    size = grown;
  }
  if (end === text.length) return text;
  // Too little room even for the note: an ellipsis says it all.
  return noteBytes(end) > maxBytes ? '…' : `${text.slice(0, end)}\n…[cut: ${text.length - end} more characters]`;
}

/** A code point's UTF-8 bytes; a lone surrogate is written as U+FFFD, three bytes. */
function utf8Width(code: number): number {
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
