import { beforeEach, describe, expect, it } from 'vitest';
import type { Standin } from '../github-standin/server.ts';
import { countingCommand, hashIn, useTarget, OWNER, run, type Target } from '../helpers/attack.ts';
import { pushStateChange } from '../helpers/git.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;
let command: string;

useTarget('answers', (made, started) => {
  target = made;
  standin = started;
});
beforeEach(() => {
  command = countingCommand(target);
});

/** A gated move asked as an issue: its number, hash and ask id. */
async function asked(): Promise<{ issue: number; hash: string; id: string }> {
  await target.beat(noop);
  target.loop.newCommit('time to count');
  await target.beat(run(command));
  const issue = target.askIssues().find((i) => i.title.includes('count.sh'));
  if (issue === undefined) throw new Error('no ask issue');
  const id = /id=(run-[0-9a-f]{8})/.exec(issue.body ?? '')?.[1] ?? '';
  return { issue: issue.number, hash: hashIn(issue.body), id };
}

function say(issue: number, body: string): void {
  standin.addComment(OWNER, target.repo, issue, { login: 'maintainer', body });
}

function lastReply(issue: number): string {
  return standin.comments(OWNER, target.repo, issue).at(-1)?.body ?? '';
}

describe('answers mean what they look like', () => {
  it.each([
    ['in backticks, as the issue shows it', (hash: string) => `\`/approve ${hash}\``],
    ['inside a code fence', (hash: string) => `\`\`\`\n/approve ${hash}\n\`\`\``],
    ['below a quoted reply', (hash: string) => `> **The loop asks:**\n> May the loop run \`sh count.sh\`?\n\n/approve ${hash}`],
    ['with the hash in backticks', (hash: string) => `/approve \`${hash}\``],
  ])('an approval %s runs the move once', async (_how, write) => {
    const { issue, hash, id } = await asked();
    say(issue, write(hash));
    await target.beat(noop);
    expect(target.runs()).toBe(1);
    expect(target.ask(id)?.status).toBe('done');
  });

  it('/approve inside other words is neither an approval nor an answer: the ask stays open and the person is told', async () => {
    const { issue, hash, id } = await asked();
    say(issue, `I would /approve ${hash} once the tests pass`);
    await target.beat(noop);
    expect(target.runs()).toBe(0);
    expect(target.ask(id)?.status).toBe('pending');
    expect(lastReply(issue)).toMatch(/nothing was run: to approve or deny, begin the comment with `\/approve <hash>`/);
    expect(standin.issue(OWNER, target.repo, issue)?.state).toBe('open');
  });

  it('an ask whose issue a person closed is withdrawn: a later /approve runs nothing and says so', async () => {
    const { issue, hash, id } = await asked();
    standin.setIssueState(OWNER, target.repo, issue, 'maintainer', 'closed');
    await target.beat(noop);
    expect(target.ask(id)?.status).toBe('withdrawn');
    expect(journalRows(target.loop.sandbox).join('\n')).toMatch(/ask run-[0-9a-f]{8}: its issue #\d+ was closed by a person, so it is withdrawn/);
    say(issue, `/approve ${hash}`);
    await target.beat(noop);
    expect(target.runs()).toBe(0);
    expect(lastReply(issue)).toMatch(/nothing was run: this ask was withdrawn when its issue was closed/);
  });

  it('closing the issue withdraws the ask even after a triage user took its label off', async () => {
    const { issue, hash, id } = await asked();
    standin.setTokenUser('triager-token', { login: 'triager' });
    const stripped = await fetch(`${standin.url}/repos/${OWNER}/${target.repo}/issues/${issue}`, {
      method: 'PATCH',
      headers: { authorization: 'token triager-token', 'content-type': 'application/json' },
      body: JSON.stringify({ labels: [] }),
    });
    expect(stripped.status).toBe(200);
    // The maintainer approves, then changes their mind and closes the issue before a beat runs.
    say(issue, `/approve ${hash}`);
    standin.setIssueState(OWNER, target.repo, issue, 'maintainer', 'closed');
    await target.beat(noop);
    expect(target.runs()).toBe(0);
    expect(target.ask(id)?.status).toBe('withdrawn');
    expect(lastReply(issue)).toMatch(/nothing was run: this issue is closed, which withdraws the ask/);
  });

  it('a withdrawn ask whose issue is reopened is asked again under a new hash; only that one runs it', async () => {
    const { issue, hash, id } = await asked();
    standin.setIssueState(OWNER, target.repo, issue, 'maintainer', 'closed');
    await target.beat(noop);
    standin.setIssueState(OWNER, target.repo, issue, 'maintainer', 'open');
    await target.beat(noop);
    expect(target.ask(id)).toMatchObject({ status: 'pending', round: 2 });
    const fresh = /comment `\/approve ([0-9a-f]{12})`/.exec(lastReply(issue))?.[1] ?? '';
    expect(fresh).not.toBe(hash);
    say(issue, `/approve ${hash}`);
    await target.beat(noop);
    expect(target.runs()).toBe(0);
    say(issue, `/approve ${fresh}`);
    await target.beat(noop);
    expect(target.runs()).toBe(1);
  });

  it('an approval given while the ask file could not be read is not lost once the file is fixed', async () => {
    const { issue, hash, id } = await asked();
    const file = `asks/${id}.md`;
    const good = target.loop.sandbox.stateFile(file) ?? '';
    pushStateChange(target.loop.sandbox, { [file]: `<<<<<<< HEAD\n${good}=======\nbroken\n>>>>>>> theirs\n` });
    say(issue, `/approve ${hash}`);
    const broken = await target.beat(noop);
    expect(broken.summary).toMatch(new RegExp(`asks/${id}\\.md has no front matter; it is left as it is`));
    expect(target.runs()).toBe(0);
    expect(target.loop.sandbox.stateFile(file)).toContain('<<<<<<< HEAD');
    await target.beat(noop);
    pushStateChange(target.loop.sandbox, { [file]: good });
    await target.beat(noop);
    expect(target.runs()).toBe(1);
    expect(target.ask(id)?.status).toBe('done');
  });
});
