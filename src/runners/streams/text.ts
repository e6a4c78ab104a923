import type { RunnerResult, StreamParser } from '../result.ts';

/** Text kept from a plain-text runner. The answer is at the end, so the tail is what is kept. */
export const MAX_TEXT_CHARS = 1024 * 1024;

/**
 * A runner that prints its answer as plain text: whatever it printed is the answer, and there is
 * no event to say it failed, so printing something visible is the only sign of success.
 */
export function textStream(): StreamParser {
  let pieces: string[] = [];
  let keptChars = 0;
  let printed = false;
  return {
    push(chunk) {
      printed ||= /\S/.test(chunk);
      pieces.push(chunk);
      keptChars += chunk.length;
      // Cut back only once twice the cap is held, so each character is copied a bounded number of times.
      if (keptChars > 2 * MAX_TEXT_CHARS) {
        pieces = [tail(pieces)];
        keptChars = MAX_TEXT_CHARS;
      }
    },
    // Plain text has no closing event: only the process's exit ends it.
    finished: () => false,
    end(): RunnerResult {
      if (!printed) {
        return { ok: false, failure: { kind: 'incomplete', message: 'the runner printed nothing' }, text: null };
      }
      return { ok: true, text: withoutTrailingNewlines(tail(pieces)) };
    },
  };
}

function tail(pieces: readonly string[]): string {
  return pieces.join('').slice(-MAX_TEXT_CHARS);
}

function withoutTrailingNewlines(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return text.slice(0, end);
}
