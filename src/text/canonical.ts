/**
 * JSON with object keys sorted, so the same value always hashes the same whatever order a
 * sensor printed its keys in. Written out by hand rather than through JSON.stringify's replacer,
 * which is called for every value and rebuilds every object (a thousand goals' fingerprint took
 * a tenth of an idle beat); the text is the same, byte for byte: keys that are array indices
 * first, in number order, as an object rebuilt from sorted entries lists them, then the rest in
 * sorted order.
 */
export function canonicalJson(value: unknown): string {
  const pieces: string[] = [];
  canonicalPieces(value, (piece) => pieces.push(piece));
  // What JSON.stringify answers for a value it skips; callers pass JSON values.
  return (pieces.length === 0 ? undefined : pieces.join('')) as string;
}

/**
 * canonicalJson's text in pieces, in order, for a hash to take one by one: a thousand goals'
 * text as one string took ~30 ms of an idle beat to write and hash, the more as one character
 * past Latin-1 anywhere (the starter goal's dash) made all of it two bytes a character.
 */
function canonicalPieces(value: unknown, emit: (piece: string) => void): void {
  const resolved = ownJson(value);
  if (!skipped(resolved)) write(resolved, emit);
}

/**
 * canonicalJson's text hashed: the same digest as hashing the whole text, without making it.
 * Pieces are gathered to about 16 KB before each update, which has its own cost.
 */
export function canonicalDigest(value: unknown, hash: { update(text: string): unknown }): void {
  let pending = '';
  canonicalPieces(value, (piece) => {
    pending += piece;
    if (pending.length < 16_384) return;
    hash.update(pending);
    pending = '';
  });
  if (pending !== '') hash.update(pending);
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isIndex = (key: string): boolean => INDEX.test(key) && Number(key) < 2 ** 32 - 1;

/**
 * Strings in code-unit order: the same on every machine. Not localeCompare, whose order follows
 * the runner's LANG (Lithuanian puts y before j) and whose first call loads ICU's collator (~10
 * ms of a beat).
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function ownJson(raw: unknown): unknown {
  return raw !== null && typeof raw === 'object' && typeof (raw as { toJSON?: unknown }).toJSON === 'function' ? (raw as { toJSON: () => unknown }).toJSON() : raw;
}

/** What JSON leaves out of an object, and writes null for in an array. */
const skipped = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** A value whose toJSON, if any, was called already, and that JSON does not skip. */
function write(value: unknown, emit: (piece: string) => void): void {
  if (value === null || typeof value !== 'object') {
    emit(JSON.stringify(value));
    return;
  }
  if (Array.isArray(value)) {
    emit('[');
    // Array.from, not forEach: a hole is written null, as JSON.stringify writes it.
    Array.from(value as unknown[], (item, i) => {
      if (i > 0) emit(',');
      // With no object inside, JSON.stringify writes the same text, natively.
      if (item === null || typeof item !== 'object' || plainArray(item)) {
        emit(skipped(item) ? 'null' : JSON.stringify(item));
        return;
      }
      const resolved = ownJson(item);
      if (skipped(resolved)) emit('null');
      else write(resolved, emit);
    });
    emit(']');
    return;
  }
  const keys = Object.keys(value);
  const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  const named = keys.filter((key) => !isIndex(key)).sort(byText);
  let first = true;
  emit('{');
  for (const key of [...indices, ...named]) {
    const member = ownJson((value as Record<string, unknown>)[key]);
    if (skipped(member)) continue;
    emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
    write(member, emit);
    first = false;
  }
  emit('}');
}

/**
 * An array without a toJSON of its own that holds no object. Not looked into further: arrays
 * nested in arrays are each looked at by their own write, so a deep one costs its depth, once.
 */
function plainArray(value: object): boolean {
  if (!Array.isArray(value) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  for (const item of value as unknown[]) if (item !== null && typeof item === 'object') return false;
  return true;
}

/**
 * How deep a reading's JSON may nest. Everything the loop does with a value (its canonical text,
 * redaction, the prompt, the summary) walks it one call a level: a sensor that printed a signal
 * some thousands of arrays deep made every beat fail with "Maximum call stack size exceeded".
 */
export const MAX_NESTING = 64;

/** Whether JSON text nests deeper than `limit` arrays and objects, counted in one pass, strings skipped. */
export function nestsDeeper(text: string, limit = MAX_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
