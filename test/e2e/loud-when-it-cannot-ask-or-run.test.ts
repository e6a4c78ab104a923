import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalRows, makeLoop, noop, type Loop } from '../helpers/loop.ts';

let loop: Loop;

beforeEach(() => {
  // No github-token, but GITHUB_REPOSITORY set (runAction sets it, as GitHub does).
  loop = makeLoop();
});
afterEach(() => {
  loop.sandbox.cleanup();
});

const ANNOTATION = /^::warning title=looop::1 pending ask\(s\) on the state branch have no issue, and there is no GitHub token and repository to open one with/m;

describe('without a GitHub token', () => {
  it('every beat with a pending ask nobody can be told of is a warning annotation, deciding or not', async () => {
    const first = await loop.beat(noop);
    expect(first.stdout).toMatch(ANNOTATION);
    const idle = await loop.beat(noop);
    expect(idle.outputs.changed).toBe('false');
    expect(idle.stdout).toMatch(ANNOTATION);
  });

  it('a move that wants to ask is a warning annotation of its own', async () => {
    await loop.beat(noop);
    loop.newCommit('a question comes up');
    const run = await loop.beat(JSON.stringify({ type: 'ask', reason: 'r', question: 'May I?' }));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^::warning title=looop::a move needed a person, but there is no GitHub token and repository to open an ask with/m);
  });
});

describe('a runner program that is not there', () => {
  it('fails the step saying what to install, after the record is pushed', async () => {
    await loop.beat(noop);
    loop.newCommit('something to decide on');
    const run = await loop.beat(noop, { inputs: { runner: 'claude', 'tick-command': '', 'stream-format': '' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::looop: the runner program claude was not found on PATH: install it in a step before the looop step/m);
    expect(journalRows(loop.sandbox).at(-1)).toMatch(/\| decide \| .*ENOENT.* \| failed \|/);
  });

  it('a tick-command whose program is missing is the same configuration error', async () => {
    await loop.beat(noop);
    loop.newCommit('something to decide on');
    const run = await loop.beat(noop, { inputs: { 'tick-command': 'no-such-runner-program --json', 'stream-format': 'claude' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^::error::looop: the program input "tick-command" starts was not found/m);
  });
});
