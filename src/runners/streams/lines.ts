/**
 * Runner output arrives in arbitrary chunks; parsers think in lines. Only the unfinished line's
 * pieces are kept, so each character is copied a bounded number of times and memory is bounded by
 * the longest line, which is itself capped.
 */

/** A longer line (in UTF-16 units, a CR included) is dropped: no event we read is this big, and
 * keeping it would let one runaway line exhaust the runner's memory. */
export const MAX_LINE_CHARS = 8 * 1024 * 1024;

export class LineSplitter {
  readonly #maxChars: number;
  #pieces: string[] = [];
  #pendingChars = 0;
  #overlong = false;
  #dropped = 0;

  constructor(maxChars: number = MAX_LINE_CHARS) {
    this.#maxChars = maxChars;
  }

  /** How many lines were dropped for exceeding the cap. */
  get droppedLines(): number {
    return this.#dropped;
  }

  /** Returns the lines this chunk completed, without their line endings (LF or CRLF). */
  push(chunk: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.#append(chunk.slice(start, nl));
      const line = this.#finish();
      if (line !== undefined) lines.push(line);
      start = nl + 1;
    }
    this.#append(chunk.slice(start));
    return lines;
  }

  /** Returns the last line when the output did not end with a newline. */
  end(): string[] {
    const line = this.#finish();
    return line === undefined || line === '' ? [] : [line];
  }

  #append(piece: string): void {
    if (this.#overlong || piece === '') return;
    if (this.#pendingChars + piece.length > this.#maxChars) {
      this.#pieces = [];
      this.#pendingChars = 0;
      this.#overlong = true;
      return;
    }
    this.#pieces.push(piece);
    this.#pendingChars += piece.length;
  }

  #finish(): string | undefined {
    if (this.#overlong) {
      this.#overlong = false;
      this.#dropped++;
      return undefined;
    }
    const line = this.#pieces.join('');
    this.#pieces = [];
    this.#pendingChars = 0;
    return line.endsWith('\r') ? line.slice(0, -1) : line;
  }
}

export type JsonEvent = Readonly<Record<string, unknown>>;

/** How much of a stream that held no JSON is quoted, to show what came instead. */
const HEAD_CHARS = 200;

/**
 * JSON Lines on top of the splitter. CLIs mix banners, warnings and blank lines into stdout, so
 * any line that is not a JSON object is skipped; what was skipped is remembered only as far as
 * needed to explain a stream that never closed.
 */
export class JsonLines {
  readonly #lines = new LineSplitter();
  readonly #onEvent: (event: JsonEvent) => void;
  #events = 0;
  #head = '';

  constructor(onEvent: (event: JsonEvent) => void) {
    this.#onEvent = onEvent;
  }

  push(chunk: string): void {
    this.#keepHead(chunk);
    for (const line of this.#lines.push(chunk)) this.#line(line);
  }

  end(): void {
    for (const line of this.#lines.end()) this.#line(line);
  }

  /** Explains a stream that ended without its `closing` event; `format` names what it should have been. */
  missing(closing: string, format: string): string {
    const dropped = this.#lines.droppedLines;
    const note =
      dropped > 0 ? `; ${String(dropped)} line(s) over ${String(MAX_LINE_CHARS)} characters were dropped` : '';
    if (this.#events === 0 && dropped === 0 && this.#head !== '') {
      const began = JSON.stringify(this.#head.trimEnd());
      return `the output was not ${format} (no JSON event in it); it began: ${began}`;
    }
    const nothing = this.#head === '' ? '; the runner printed nothing' : '';
    return `the stream ended without a ${closing} event (the runner crashed or was cut off)${nothing}${note}`;
  }

  /** Leading blank space is skipped so that an empty head means nothing visible was printed. */
  #keepHead(chunk: string): void {
    if (this.#head.length >= HEAD_CHARS) return;
    const piece = this.#head === '' ? chunk.trimStart() : chunk;
    this.#head += piece.slice(0, HEAD_CHARS - this.#head.length);
  }

  #line(line: string): void {
    const text = line.trim();
    if (!text.startsWith('{')) return;
    let event: JsonEvent;
    try {
      event = JSON.parse(text) as JsonEvent;
    } catch {
      return;
    }
    this.#events++;
    this.#onEvent(event);
  }
}

/** Keeps messages for the journal and the next prompt readable when a runner prints a lot. */
export function clip(text: string, maxChars: number): string {
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}…`;
}
