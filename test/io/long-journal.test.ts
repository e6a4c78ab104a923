/**
 * A journal grows with every move, for years. A beat that only reads does not fetch a long one;
 * a decision reads its end, a record appends to it in git, and this process never reads it whole.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
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
  it('is not fetched by a beat that reads: the state reads as a checkout, but for its end, the view has none, and a decision gets its last lines', async () => {
    const journal = longJournal(10 * 1024 * 1024);
    await branchWithJournal(journal);
    await using branch = await openStateBranch(options);
    const entry = branch.tree().get('journal.md');
    expect(entry).toMatchObject({ kind: 'tail', blob: sandbox.git(['rev-parse', 'loop-state:journal.md'], sandbox.origin).trim() });
    expect(entry?.kind === 'tail' && entry.tail).toBeUndefined();

    const checkout = mkdtempSync(path.join(sandbox.root, 'checkout-'));
    execFileSync('sh', ['-c', `git archive loop-state | tar -x -C '${checkout}'`], { cwd: sandbox.origin, env: sandbox.env });
    const whole = await readStateDir(checkout);
    const state = readState(branch.tree());
    expect(state.journalTail).toBeUndefined();
    expect({ ...state, journalTail: whole.journalTail }).toEqual(whole);
    expect(existsSync(path.join(branch.view, 'journal.md'))).toBe(false);
    expect(existsSync(path.join(branch.view, 'goals/ship.md'))).toBe(true);

    expect(await branch.journalTail()).toEqual(whole.journalTail);
    expect(whole.journalTail?.at(-1)).toBe(journal.trimEnd().split('\n').at(-1));
    const read = branch.tree().get('journal.md');
    expect(read?.kind === 'tail' && read.size).toBe(Buffer.byteLength(journal));
    expect(read?.kind === 'tail' && read.tail?.length).toBe(TAIL_BYTES);
  });

  it('comes whole from a server that cannot leave it out, and is held by its end', async () => {
    sandbox.git(['config', 'uploadpack.allowFilter', 'false'], sandbox.origin);
    const journal = longJournal(3 * 1024 * 1024);
    await branchWithJournal(journal);
    await using branch = await openStateBranch(options);
    const entry = branch.tree().get('journal.md');
    expect(entry?.kind === 'tail' && entry.size).toBe(Buffer.byteLength(journal));
    expect(entry?.kind === 'tail' && entry.tail?.length).toBe(TAIL_BYTES);
    expect(readState(branch.tree()).journalTail?.at(-1)).toBe(journal.trimEnd().split('\n').at(-1));
    expect(existsSync(path.join(branch.view, 'journal.md'))).toBe(false);
  });

  it('a short one is read whole, and is not in the view either', async () => {
    await branchWithJournal(longJournal(4096));
    await using branch = await openStateBranch(options);
    expect(branch.tree().get('journal.md')?.kind).toBe('file');
    expect(readState(branch.tree()).journalTail?.length).toBeGreaterThan(10);
    expect(existsSync(path.join(branch.view, 'journal.md'))).toBe(false);
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
    expect(tail?.kind === 'tail' && tail.tail?.toString('utf8').endsWith(`${row('b2')}\n`)).toBe(true);
  });

  it('takes a record without journal lines after one that appended, in one try, and after another beat landed first meanwhile', async () => {
    const journal = longJournal(3 * 1024 * 1024);
    await branchWithJournal(journal);
    await using branch = await openStateBranch(options);
    // The append is written on a fetch of the journal; the records after it are written from that fetch's objects.
    expect((await branch.commit(record('a'))).attempts).toBe(1);
    const quiet = (beat: string) => ({ files: { [`goals/${beat}.md`]: `${beat}\n` }, journal: [], message: `beat ${beat}` });
    expect((await branch.commit(quiet('b'))).attempts).toBe(1);
    expect((await branch.commit(quiet('c'))).attempts).toBe(1);
    // Another beat lands first without touching the journal: the refused push fetches its head, journal and all.
    pushStateChange(sandbox, { 'goals/meanwhile.md': '# meanwhile\n' });
    expect((await branch.commit(quiet('d'))).attempts).toBe(2);
    expect((await branch.commit(record('e'))).attempts).toBe(1);
    expect(originJournal()).toBe(`${journal}${row('a')}\n${row('e')}\n`);
    for (const goal of ['a', 'b', 'c', 'd', 'e']) expect(sandbox.stateFile(`goals/${goal}.md`)).toBe(`${goal}\n`);
    expect(sandbox.stateFile('goals/meanwhile.md')).toBe('# meanwhile\n');
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
