/**
 * Untrusted words (a model's, a sensor's, a pull request's) in Markdown that GitHub renders as
 * ours, a job summary: text, never markup. No tag, link, image, emphasis, autolink (`:` and
 * `www.` are broken) or mention survives, and a line break stays inside its line, so nothing
 * can start a heading or a list.
 */
export function plainText(text: string): string {
  return text
    .replace(/[&<>"'`*_[\]()|\\#!:@~]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/www\./gi, (w) => `${w.slice(0, 3)}&#46;`)
    .replace(/\r\n?|\n/g, '<br>');
}

/** A journal row (a Markdown table row whose cells escape their pipes) with every cell made plain text. */
export function plainRow(row: string): string {
  const cells = row.replace(/^\|\s?/, '').replace(/\s?\|$/, '').split(/\s\|\s/);
  return `| ${cells.map((cell) => plainText(cell.replace(/\\\|/g, '|'))).join(' | ')} |`;
}
