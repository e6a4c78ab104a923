import { oneLine } from '../text/fit.ts';

/** One line of journal.md: a row of a Markdown table, so GitHub shows the journal as a table. */
export interface JournalEntry {
  readonly at: Date;
  readonly beat: string;
  /** The move's type, or `decide` when no move came. */
  readonly move: string;
  readonly summary: string;
  readonly outcome: string;
  readonly costUsd?: number;
}

export const JOURNAL_HEADER = '# Journal\n\n| time (UTC) | beat | move | summary | outcome | cost |\n| --- | --- | --- | --- | --- | --- |\n';

const MAX_CELL = 300;

/** A table cell cannot hold a newline or an unescaped pipe; an LLM's summary may hold both. */
function cell(text: string): string {
  return oneLine(text.replace(/\|/g, '\\|'), MAX_CELL);
}

export function utcTime(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function formatJournalLine(entry: JournalEntry): string {
  const cost = entry.costUsd === undefined ? '' : `$${entry.costUsd.toFixed(4)}`;
  return `| ${utcTime(entry.at)} | ${cell(entry.beat)} | ${cell(entry.move)} | ${cell(entry.summary)} | ${cell(entry.outcome)} | ${cost} |`;
}

/** The journal's rows among its last lines (the header and blank lines are not moves). */
export function journalRows(lines: readonly string[]): string[] {
  return lines.filter((line) => /^\| \d{4}-/.test(line));
}

/** How many of the journal's last lines a beat holds: more than any prompt shows. */
const TAIL_LINES = 200;

/** The journal's last lines, from its text or its end (a long journal is read by its end only). */
export function journalLines(text: string | null): string[] {
  const whole = text ?? '';
  let start = whole.length;
  for (let n = 0; n <= TAIL_LINES && start > 0; n++) start = whole.lastIndexOf('\n', start - 1);
  return whole.slice(Math.max(0, start + 1)).split('\n').filter((line) => line !== '');
}
