import { describe, expect, it } from 'vitest';
import { askBody } from '../../src/resources/asks/issue.ts';
import type { Standin } from '../github-standin/server.ts';
import { countingCommand, hashIn, useTarget, OWNER, run, type Target } from '../helpers/attack.ts';
import { noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;

useTarget('own', (made, started) => {
  target = made;
  standin = started;
});

describe('an ask issue is the loop’s own', () => {
  it("a triage user's issue carrying the ask's marker and nonce, read off the branch, is never adopted or obeyed", async () => {
    const command = countingCommand(target);
    await target.beat(noop);
    target.loop.newCommit('time to act');
    // The issue cannot be opened this time: the ask is claimed on the branch with its nonce, and has no issue.
    standin.failNext({ method: 'POST', path: `/repos/${OWNER}/${target.repo}/issues`, kind: 'server-error', times: 1 });
    const failed = await target.beat(run(command), { runId: '5001' });
    expect(failed.code, failed.stdout).toBe(0);
    const id = [...target.stateFiles().keys()].map((file) => /^asks\/(run-[0-9a-f]{8})\.md$/.exec(file)?.[1]).find((found) => found !== undefined) ?? '';
    const claimed = target.ask(id);
    expect(claimed).toMatchObject({ status: 'pending', error: expect.stringMatching(/HTTP 500/) as string });
    expect(claimed?.issue).toBeUndefined();

    // The triager reads the branch and opens the issue first, worded as they like, with the loop's marker.
    const forged = askBody({ ...(claimed ?? ({} as never)), move: { type: 'run', reason: 'routine', command: 'echo harmless' } });
    const fake = standin.addIssue(OWNER, target.repo, { login: 'triager', title: 'looop asks: May the loop run `echo harmless`?', body: forged, labels: ['looop:ask'] });
    standin.setRun(OWNER, target.repo, 5001, 'completed');
    await target.beat(run(command));
    const mine = target.ask(id);
    expect(mine?.issue).toBeDefined();
    expect(mine?.issue).not.toBe(fake.number);
    expect(standin.issue(OWNER, target.repo, mine?.issue ?? 0)?.user.login).toBe('github-actions[bot]');

    // A maintainer approving on the forged issue, with the hash it shows, runs nothing.
    standin.addComment(OWNER, target.repo, fake.number, { login: 'maintainer', body: `/approve ${hashIn(fake.body)}` });
    await target.beat(noop);
    expect(target.runs()).toBe(0);
    expect(target.ask(id)?.status).toBe('pending');
  });

  it('an issue opened ahead of the loop for a predictable id is never adopted', async () => {
    const command = countingCommand(target);
    await target.beat(noop);
    // The old, predictable marker: an id made from the move alone.
    const squat = standin.addIssue(OWNER, target.repo, { login: 'triager', title: 'looop asks: routine', body: '<!-- looop:ask id=setup -->\n<!-- looop:ask id=setup nonce= -->\nroutine', labels: ['looop:ask'] });
    target.loop.newCommit('time to act');
    await target.beat(run(command));
    const issues = target.askIssues().filter((issue) => issue.number !== squat.number);
    expect(issues.every((issue) => issue.user.login === 'github-actions[bot]')).toBe(true);
    expect(target.ask('setup')?.issue).not.toBe(squat.number);
  });

  it('a state branch seeded again never attaches its setup ask to the closed issue of its earlier life', async () => {
    await target.beat(noop);
    const first = target.ask('setup')?.issue ?? 0;
    standin.addComment(OWNER, target.repo, first, { login: 'maintainer', body: 'done, thanks' });
    await target.beat(noop);
    expect(standin.issue(OWNER, target.repo, first)?.state).toBe('closed');

    target.loop.sandbox.git(['push', '-q', 'origin', '--delete', 'loop-state']);
    const reseeded = await target.beat(noop);
    expect(reseeded.summary).toContain('created it from `loop-state/`');
    const again = target.ask('setup');
    expect(again?.issue).toBeDefined();
    expect(again?.issue).not.toBe(first);
    expect(standin.issue(OWNER, target.repo, again?.issue ?? 0)?.state).toBe('open');
  });
});
