import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Standin } from '../github-standin/server.ts';
import { countingCommand, useTarget, OWNER, run, type Target } from '../helpers/attack.ts';
import { pushStateChange } from '../helpers/git.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;

useTarget('stall', (made, started) => {
  target = made;
  standin = started;
});

function handAsk(id: string, fields: Record<string, unknown>): string {
  return `---\n${JSON.stringify({ id, status: 'pending', question: `question ${id}`, reason: 'r', created: '2026-11-23T00:00:00Z', ...fields })}\n---\n`;
}

describe('no bad file or API answer stalls the loop', () => {
  it("an ask too long for GitHub's 65,536 characters gets an issue cut to fit, pointing to its file", async () => {
    await target.beat(noop);
    pushStateChange(target.loop.sandbox, { 'asks/big.md': handAsk('big', { question: `Please read all of this. ${'long words '.repeat(10_000)}` }) });
    const result = await target.beat(noop);
    expect(result.code, result.stdout).toBe(0);
    const issue = target.askIssues().find((i) => i.title.includes('Please read all of this'));
    expect(issue).toBeDefined();
    expect(Array.from(issue?.body ?? '').length).toBeLessThanOrEqual(65_536);
    expect(issue?.body).toMatch(/…\[cut: \d+ more characters; https:\/\/github\.com\/octo\/stall-\d+\/blob\/loop-state\/asks\/big\.md has it whole\]/);
    expect(target.ask('big')?.issue).toBe(issue?.number);
  });

  it('GitHub refusing a call on one ask is recorded on that ask; the other asks and the beat go on', async () => {
    await target.beat(noop);
    const a = standin.addIssue(OWNER, target.repo, { login: 'github-actions[bot]', type: 'Bot', title: 'a', labels: ['looop:ask'] });
    const b = standin.addIssue(OWNER, target.repo, { login: 'github-actions[bot]', type: 'Bot', title: 'b', labels: ['looop:ask'] });
    pushStateChange(target.loop.sandbox, { 'asks/a.md': handAsk('a', { issue: a.number }), 'asks/b.md': handAsk('b', { issue: b.number }) });
    await target.beat(noop);
    standin.addComment(OWNER, target.repo, a.number, { login: 'maintainer', body: 'answer a' });
    standin.addComment(OWNER, target.repo, b.number, { login: 'maintainer', body: 'answer b' });
    standin.failNext({ method: 'POST', path: `/issues/${a.number}/comments`, kind: 'server-error', status: 422 });
    const result = await target.beat(noop);
    expect(result.code, result.stdout).toBe(0);
    expect(target.ask('a')).toMatchObject({ status: 'answered', closed: false, error: expect.stringMatching(/HTTP 422/) as string });
    expect(target.ask('b')).toMatchObject({ status: 'answered', closed: true });
    expect(standin.issue(OWNER, target.repo, b.number)?.state).toBe('closed');
    expect(journalRows(target.loop.sandbox).join('\n')).toMatch(/ask a: GitHub failed \(HTTP 422/);
    // The next beat finishes what failed.
    await target.beat(noop);
    expect(target.ask('a')).toMatchObject({ closed: true });
    expect(target.ask('a')?.error).toBeUndefined();
  });

  it('a budget.json with a merge conflict counts as spent, stops decisions, says so, and is never overwritten', async () => {
    await target.beat(noop);
    const broken = '<<<<<<< HEAD\n{"days": {}}\n=======\n{"days": {"2026-01-01": []}}\n>>>>>>> theirs\n';
    pushStateChange(target.loop.sandbox, { 'budget.json': broken });
    target.loop.newCommit('a change');
    const calls = target.loop.runnerCalls();
    const result = await target.beat(noop);
    expect(result.code, result.stdout).toBe(0);
    expect(target.loop.runnerCalls()).toBe(calls);
    expect(result.summary).toMatch(/budget\.json cannot be read, so the budget counts as spent/);
    await target.beat(noop);
    expect(target.loop.sandbox.stateFile('budget.json')).toBe(broken);
  });

  it('a damaged beat.json or snapshot is reported, and the beat goes on', async () => {
    await target.beat(noop);
    pushStateChange(target.loop.sandbox, { 'beat.json': '{"decided": ', 'snapshots/repo-head.json': 'nope' });
    const result = await target.beat(noop);
    expect(result.code, result.stdout).toBe(0);
    expect(result.summary).toMatch(/beat\.json is not JSON; the next record replaces it/);
    expect(result.summary).toMatch(/snapshots\/repo-head\.json is not JSON; the next decision's reading replaces it/);
  });
});

describe('the checkout is left as it was found', () => {
  /** Everything in a git directory a beat could add to: refs, shallow marker, config, worktrees, hooks. */
  function gitDir(): Map<string, string> {
    const dir = path.join(target.loop.sandbox.workspace, '.git');
    const files = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && !path.join(entry.parentPath, entry.name).includes(`${path.sep}objects${path.sep}`))
      .map((entry) => path.join(entry.parentPath, entry.name));
    return new Map(files.map((file) => [path.relative(dir, file), readFileSync(file, 'utf8')]));
  }

  it('after beats that seed, decide, ask, run and record: no ref, shallow marker, worktree or config added', async () => {
    const command = countingCommand(target);
    const before = gitDir();
    await target.beat(noop, { inputs: { allow: 'sh count.sh' } });
    target.loop.newCommit('work');
    const afterCommit = gitDir();
    await target.beat(run(command), { inputs: { allow: 'sh count.sh' } });
    target.loop.newCommit('more work');
    await target.beat(run('git push --force'));
    expect(target.runs()).toBe(1);
    const now = gitDir();
    // Only the test's own commits changed files (refs/heads/main, the logs, the index); the action added none.
    expect([...now.keys()].sort()).toEqual([...afterCommit.keys()].sort());
    expect([...now.keys()].filter((file) => /^(shallow|worktrees\/|refs\/remotes\/origin\/loop-state|refs\/looop)/.test(file))).toEqual([]);
    expect(now.get('config')).toBe(before.get('config'));
    expect(now.get('hooks/pre-push.sample')).toBe(before.get('hooks/pre-push.sample'));
  });
});
