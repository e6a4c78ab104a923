/**
 * A journal grows with every move, for years. A beat holds only its end: git writes it whole
 * into the sensors' view and appends to it, and this process never reads it whole.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGit } from '../../src/io/git.ts';
import { openStateBranch, type StateBranchOptions } from '../../src/io/state-branch.ts';
import { formatJournalLine, JOURNAL_HEADER } from '../../src/state/journal.ts';
import { readState, readStateDir } from '../../src/state/read.ts';
import { TAIL_BYTES, treeFromDir } from '../../src/state/tree.ts';
import { PROJECT } from '../helpers/action.ts';
import { makeSandbox, pushStateChange, type Sandbox } from '../helpers/git.ts';

let sandbox: Sandbox;
let options: StateBranchOptions;
beforeEach(async () => {
  sandbox = makeSandbox();
  options = {
    git: createGit({ env: sandbox.env }),
    url: sandbox.origin,
    branch: 'loop-state',
    tempDir: sandbox.temp,
    template: await treeFromDir(path.join(PROJECT, 'loop-state')),
    dryRun: false,
    now: () => new Date('2026-11-23T12:00:00Z'),
  };
});
afterEach(() => {
  sandbox.cleanup();
});

const row = (beat: string) => `| 2026-11-23T12:00:00Z | ${beat} | noop | x | ok | |`;
const record = (beat: string) => ({ files: { [`goals/${beat}.md`]: `${beat}\n` }, journal: [row(beat)], message: `beat ${beat}` });

/** A journal of `bytes`, as years of beats write it (a character of more than one byte in every line). */
function longJournal(bytes: number): string {
  const rows: string[] = [];
  for (let i = 0, size = JOURNAL_HEADER.length; size < bytes; i++) {
    const line = formatJournalLine({ at: new Date(Date.UTC(2024, 0, 1, 0, i)), beat: `${100_000 + i}-1`, move: 'noop', summary: `nothing to do — beat ${i}`, outcome: 'ok' });
    rows.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${JOURNAL_HEADER}${rows.join('\n')}\n`;
}

/** The journal on origin (git show through a buffer a long file fits in). */
function originJournal(): string {
  return execFileSync('git', ['show', 'loop-state:journal.md'], { cwd: sandbox.origin, env: sandbox.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

async function branchWithJournal(journal: string): Promise<void> {
  await using seed = await openStateBranch(options);
  await seed.commit({ files: {}, journal: [row('seed')], message: 'seed' });
  pushStateChange(sandbox, { 'journal.md': journal, 'goals/ship.md': '---\nstatus: active\npriority: 1\n---\n# Ship\n' });
}

describe('a long journal', () => {
  it('reads as the same state as a checkout of the branch, holding only its end, and is whole in the view', async () => {
    const journal = longJournal(10 * 1024 * 1024);
    await branchWithJournal(journal);
    await using branch = await openStateBranch(options);
    const entry = branch.tree().get('journal.md');
    expect(entry?.kind).toBe('tail');
    if (entry?.kind !== 'tail') return;
    expect(entry.size).toBe(Buffer.byteLength(journal));
    expect(entry.tail.length).toBe(TAIL_BYTES);

    const checkout = mkdtempSync(path.join(sandbox.root, 'checkout-'));
    execFileSync('sh', ['-c', `git archive loop-state | tar -x -C '${checkout}'`], { cwd: sandbox.origin, env: sandbox.env });
    const state = readState(branch.tree());
    expect(state).toEqual(await readStateDir(checkout));
    expect(state.journalTail.at(-1)).toBe(journal.trimEnd().split('\n').at(-1));
    expect(readFileSync(path.join(branch.view, 'journal.md')).equals(Buffer.from(journal))).toBe(true);
  });

  it('gets each record appended to it, on the head as it fetched it and again after another beat pushed first', async () => {
    const journal = longJournal(3 * 1024 * 1024);
    await branchWithJournal(journal);
    await using a = await openStateBranch(options);
    await using b = await openStateBranch(options);
    await a.commit(record('a'));
    // b read the branch before a pushed: its record goes on a's head, onto the journal as a left it.
    await b.commit(record('b'));
    await b.commit(record('b2'));
    expect(originJournal()).toBe(`${journal}${row('a')}\n${row('b')}\n${row('b2')}\n`);
    expect(sandbox.stateFile('goals/a.md')).toBe('a\n');
    expect(sandbox.stateFile('goals/b2.md')).toBe('b2\n');
    const tail = b.tree().get('journal.md');
    expect(tail?.kind === 'tail' && tail.tail.toString('utf8').endsWith(`${row('b2')}\n`)).toBe(true);
  });

  it('keeps both records of two beats racing to push, every byte of the journal before them kept', async () => {
    const journal = longJournal(3 * 1024 * 1024);
    await branchWithJournal(journal);
    await using a = await openStateBranch(options);
    await using b = await openStateBranch(options);
    const [one, two] = await Promise.all([a.commit(record('a')), b.commit(record('b'))]);
    expect(one.attempts + two.attempts).toBeGreaterThanOrEqual(3);
    const after = originJournal();
    expect(after.startsWith(journal)).toBe(true);
    expect(after.slice(journal.length).split('\n').filter(Boolean).sort()).toEqual([row('a'), row('b')]);
  });
});
