import { describe, expect, it } from 'vitest';
import { applyRecord, endOf, TAIL_BYTES, type Entry } from '../../src/state/tree.ts';

const tail = (text: string, size: number): Entry => ({ kind: 'tail', tail: Buffer.from(text), size, blob: 'b'.repeat(40), executable: false });

describe('a file held only by its end', () => {
  it('reads as its last whole lines: the first, which the cut may split, is dropped', () => {
    const tree = new Map([['journal.md', tail('t of a line\n| 2026 | one |\n| 2026 | two |\n', 10_000_000)]]);
    expect(endOf(tree, 'journal.md')).toBe('| 2026 | one |\n| 2026 | two |\n');
  });

  it('is appended to in git: the change names its blob and the lines, and the tree keeps the new end', () => {
    const tree = new Map([['journal.md', tail('| 2026 | one |\n', 5_000_000)]]);
    const applied = applyRecord(tree, { files: {}, journal: ['| 2026 | two |'], message: 'm' });
    expect(applied.changes).toEqual([{ op: 'append', path: 'journal.md', to: 'b'.repeat(40), text: '| 2026 | two |\n', executable: false }]);
    const after = applied.tree.get('journal.md');
    expect(after?.kind === 'tail' && after.tail?.toString()).toBe('| 2026 | one |\n| 2026 | two |\n');
    expect(after?.kind === 'tail' && after.size).toBe(5_000_000 + '| 2026 | two |\n'.length);
  });

  it('ends its last line before a record appends to it, as a journal read whole would', () => {
    const tree = new Map([['journal.md', tail('| 2026 | one |', 5_000_000)]]);
    expect(applyRecord(tree, { files: {}, journal: ['| 2026 | two |'], message: 'm' }).changes[0]).toMatchObject({ text: '\n| 2026 | two |\n' });
  });

  it('keeps no more than its end as it grows', () => {
    const tree = new Map([['journal.md', tail('x'.repeat(TAIL_BYTES - 2) + '\n', 5_000_000)]]);
    const after = applyRecord(tree, { files: {}, journal: ['| 2026 | two |'], message: 'm' }).tree.get('journal.md');
    expect(after?.kind === 'tail' && after.tail?.length).toBe(TAIL_BYTES);
  });

  it('cannot be written over by a record: it is not held whole', () => {
    const tree = new Map([['journal.md', tail('| 2026 | one |\n', 5_000_000)]]);
    expect(() => applyRecord(tree, { files: { 'journal.md': 'x' }, journal: [], message: 'm' })).toThrow(/held only in part/);
    expect(() => applyRecord(tree, { files: { 'journal.md': (current) => `${current ?? ''}x` }, journal: [], message: 'm' })).toThrow(/held only in part/);
  });
});
