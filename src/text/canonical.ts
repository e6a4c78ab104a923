/**
 * JSON with object keys sorted, so the same value always hashes the same whatever order a
 * sensor printed its keys in. Written out by hand rather than through JSON.stringify's replacer,
 * which is called for every value and rebuilds every object (a thousand goals' fingerprint took
 * a tenth of an idle beat); the text is the same, byte for byte: keys that are array indices
 * first, in number order, as an object rebuilt from sorted entries lists them, then the rest in
 * sorted order.
 */
export function canonicalJson(value: unknown): string {
  return write(value, false) as string;
}

const INDEX = /^(?:0|[1-9]\d{0,9})$/;
const isIndex = (key: string): boolean => INDEX.test(key) && Number(key) < 2 ** 32 - 1;
/**
 * Strings in code-unit order: the same on every machine. Not localeCompare, whose order follows
 * the runner's LANG (Lithuanian puts y before j) and whose first call loads ICU's collator (~10
 * ms of a beat).
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function write(raw: unknown, inArray: boolean): string | undefined {
  const value = raw !== null && typeof raw === 'object' && typeof (raw as { toJSON?: unknown }).toJSON === 'function' ? (raw as { toJSON: () => unknown }).toJSON() : raw;
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return inArray ? 'null' : undefined;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // Array.from, not map: a hole is written null, as JSON.stringify writes it.
  if (Array.isArray(value)) return `[${Array.from(value as unknown[], (item) => write(item, true)).join(',')}]`;
  const keys = Object.keys(value);
  const indices = keys.filter(isIndex).sort((a, b) => Number(a) - Number(b));
  const named = keys.filter((key) => !isIndex(key)).sort(byText);
  const parts: string[] = [];
  for (const key of [...indices, ...named]) {
    const text = write((value as Record<string, unknown>)[key], false);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${parts.join(',')}}`;
}
