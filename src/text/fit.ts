/** GitHub takes issue and comment bodies of at most this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** Text cut to fit a limit, saying how much was cut and where the rest is. */
export function fitted(text: string, max: number, rest: string): string {
  if (text.length <= max) return text;
  const note = `\n…[cut: ${text.length - max} more characters; ${rest}]`;
  return `${text.slice(0, Math.max(0, max - note.length))}${note}`;
}

/**
 * Text on one line (every run of whitespace a space, trimmed; U+0085, which some readers take for
 * a line end, too), cut to `max` characters with an ellipsis.
 */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/[\s\u0085]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
