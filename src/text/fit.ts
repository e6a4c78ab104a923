/** GitHub takes issue and comment bodies of at most this many characters. */
export const GITHUB_BODY_LIMIT = 65_536;

/** Text cut to fit a limit, saying how much was cut and where the rest is. */
export function fitted(text: string, max: number, rest: string): string {
  if (text.length <= max) return text;
  const note = `\n…[cut: ${text.length - max} more characters; ${rest}]`;
  return `${text.slice(0, Math.max(0, max - note.length))}${note}`;
}
