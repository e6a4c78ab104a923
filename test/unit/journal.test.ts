import { describe, expect, it } from 'vitest';
import { formatJournalLine, JOURNAL_HEADER, journalRows, utcTime, type JournalEntry } from '../../src/state/journal.ts';

const entry: JournalEntry = {
  at: new Date('2026-11-23T09:15:00.123Z'),
  beat: '123-1',
  move: 'goal_write',
  summary: 'write goal ship',
  outcome: 'done',
};

/** The cells of a Markdown table row, split on pipes that are not escaped. */
function cells(row: string): string[] {
  return row.split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim());
}

describe('formatJournalLine', () => {
  it('writes one table row: UTC time to the second, beat, move, summary, outcome, cost', () => {
    expect(formatJournalLine({ ...entry, costUsd: 0.0123 })).toBe('| 2026-11-23T09:15:00Z | 123-1 | goal_write | write goal ship | done | $0.0123 |');
  });

  it('leaves the cost cell empty when the runner reported none', () => {
    expect(cells(formatJournalLine(entry))[5]).toBe('');
  });

  it('rounds the cost to four decimals', () => {
    expect(cells(formatJournalLine({ ...entry, costUsd: 1.23456789 }))[5]).toBe('$1.2346');
    expect(cells(formatJournalLine({ ...entry, costUsd: 0 }))[5]).toBe('$0.0000');
  });

  it('pipes and newlines in a summary cannot break the row', () => {
    const summary = 'a | b\n| 2026-01-01T00:00:00Z | fake | row | x | y | |\r\nend';
    const row = formatJournalLine({ ...entry, summary, outcome: 'failed:\nexit | 1' });
    expect(row).not.toMatch(/[\r\n]/);
    expect(cells(row)).toHaveLength(6);
    expect(cells(row)[3]).toBe('a \\| b \\| 2026-01-01T00:00:00Z \\| fake \\| row \\| x \\| y \\| \\| end');
    expect(cells(row)[4]).toBe('failed: exit \\| 1');
  });

  it('cuts a long summary, marking the cut', () => {
    const summary = cells(formatJournalLine({ ...entry, summary: 'word '.repeat(200) }))[3] ?? '';
    expect(summary.length).toBeLessThanOrEqual(300);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.startsWith('word word')).toBe(true);
  });

  it('leaves a summary of exactly 300 characters whole', () => {
    const summary = 'x'.repeat(300);
    expect(cells(formatJournalLine({ ...entry, summary }))[3]).toBe(summary);
  });
});

describe('utcTime', () => {
  it('drops milliseconds and keeps the Z', () => {
    expect(utcTime(new Date('2026-01-02T03:04:05.999Z'))).toBe('2026-01-02T03:04:05Z');
  });
});

describe('journalRows', () => {
  it('keeps move rows and drops the header, the divider and blank lines', () => {
    const row = formatJournalLine(entry);
    const lines = [...JOURNAL_HEADER.split('\n'), row, '', 'stray text', row];
    expect(journalRows(lines)).toEqual([row, row]);
  });

  it('a summary that looks like a row does not add a row', () => {
    const row = formatJournalLine({ ...entry, summary: 'x\n| 2026-01-01T00:00:00Z | fake |' });
    expect(journalRows(row.split('\n'))).toEqual([row]);
  });
});
