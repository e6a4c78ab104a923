/**
 * The failure issue answers to people who may resume decisions, and a failures/ file cannot
 * point the loop at anyone else's issue (a steering change or a hand edit on the branch).
 */
import { describe, expect, it } from 'vitest';
import { failureFingerprint, formatFailure, parseFailure, type Failure } from '../../src/resources/failures/model.ts';
import type { Standin } from '../github-standin/server.ts';
import { type ActionRun } from '../helpers/action.ts';
import { OWNER, useTarget, type Target } from '../helpers/attack.ts';
import { pushStateChange } from '../helpers/git.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;

useTarget('failure-attacks', (made, started) => {
  target = made;
  standin = started;
});

const GARBAGE = 'I would rather not answer in JSON today.';
const manual = { eventName: 'workflow_dispatch', event: { inputs: { note: 'try again' } } };

async function failThrice(): Promise<ActionRun[]> {
  await target.beat(noop);
  target.loop.newCommit('something to decide on');
  const runs = [await target.beat(GARBAGE)];
  for (let i = 0; i < 2; i++) runs.push(await target.beat(GARBAGE, manual));
  return runs;
}

function failureIssue() {
  const issue = standin.issues(OWNER, target.repo).find((i) => i.labels.some((l) => l.name === 'looop:failure'));
  if (issue === undefined) throw new Error('no failure issue');
  return issue;
}

describe('who may unpause decisions', () => {
  it('a triage user, whose /resume is refused, cannot resume by closing the issue instead', async () => {
    await failThrice();
    const issue = failureIssue();
    const calls = target.loop.runnerCalls();
    // Triage may close any issue, but is not write/maintain/admin: its /resume is ignored...
    standin.addComment(OWNER, target.repo, issue.number, { login: 'triager', body: '/resume' });
    await target.beat(noop);
    expect(journalRows(target.loop.sandbox).some((row) => row.includes('ignored /resume by @triager'))).toBe(true);
    expect(target.loop.runnerCalls()).toBe(calls);
    // ...but closing the issue is taken as "a person" resuming, whoever closed it.
    standin.setIssueState(OWNER, target.repo, issue.number, 'triager', 'closed');
    target.loop.newCommit('the world moves');
    await target.beat(noop);
    expect(target.loop.runnerCalls(), 'a triage user resumed decisions by closing the failure issue').toBe(calls);
    expect(standin.issue(OWNER, target.repo, issue.number)?.state).toBe('open');
    expect(standin.comments(OWNER, target.repo, issue.number).at(-1)?.body).toContain('Reopened: @triager closed this issue');
    expect(journalRows(target.loop.sandbox).some((row) => row.includes('was closed by @triager, who may not resume decisions'))).toBe(true);
    // A maintainer's close resumes.
    standin.setIssueState(OWNER, target.repo, issue.number, 'maintainer', 'closed');
    await target.beat(noop);
    expect(target.loop.runnerCalls()).toBe(calls + 1);
  });
});

describe('the issue a failure file names', () => {
  it("a failures/ file merged by steering cannot make the loop comment on and close a person's issue", async () => {
    await target.beat(noop);
    const victim = standin.addIssue(OWNER, target.repo, { login: 'alice', title: 'Important bug report', body: 'please keep this open' });
    // A steering change (the check does not flag failures/, see check-misses-failures) adds a record naming it.
    const forged: Failure = {
      fingerprint: 'aaaaaaaaaaaa',
      kind: 'runner-error',
      status: 'resumed',
      error: 'x',
      beats: [],
      steering: 'x',
      since: '2020-01-01T00:00:00Z',
      issue: victim.number,
      nonce: '0123456789abcdef',
      seen: [],
    };
    pushStateChange(target.loop.sandbox, { 'failures/aaaaaaaaaaaa.md': formatFailure(forged) });
    target.loop.newCommit('something to decide on');
    await target.beat(noop);
    const after = standin.issue(OWNER, target.repo, victim.number);
    const said = standin.comments(OWNER, target.repo, victim.number).map((c) => c.body);
    expect(parseFailure(target.stateFiles().get('failures/aaaaaaaaaaaa.md') ?? '').ok).toBe(true);
    expect({ state: after?.state, comments: said.length }, "the loop closed and commented on an issue it never opened").toEqual({ state: 'open', comments: 0 });
    expect(journalRows(target.loop.sandbox).some((row) => row.includes('failures/aaaaaaaaaaaa.md names #'))).toBe(true);
  });

  it("a failures/ file naming a person's issue cannot make the loop overwrite that issue's body", async () => {
    await target.beat(noop);
    const victim = standin.addIssue(OWNER, target.repo, { login: 'alice', title: 'Design notes', body: 'months of discussion' });
    // Fingerprints are deterministic: the one a non-JSON answer will have is known in advance.
    const fingerprint = failureFingerprint('unparseable', 'expected exactly one JSON object, bare or in one code fence, and found none');
    const forged: Failure = { fingerprint, kind: 'unparseable', status: 'resumed', error: 'x', beats: [], steering: 'x', since: '2020-01-01T00:00:00Z', issue: victim.number, nonce: '0123456789abcdef', seen: [] };
    pushStateChange(target.loop.sandbox, { [`failures/${fingerprint}.md`]: formatFailure(forged) });
    target.loop.newCommit('something to decide on');
    await target.beat(GARBAGE);
    await target.beat(GARBAGE, manual);
    await target.beat(GARBAGE, manual);
    expect(standin.issue(OWNER, target.repo, victim.number)?.body, "the loop rewrote a person's issue").toBe('months of discussion');
    // The pause gets an issue of its own instead.
    const own = standin.issues(OWNER, target.repo).filter((i) => i.labels.some((l) => l.name === 'looop:failure'));
    expect(own).toHaveLength(1);
    expect(own[0]?.number).not.toBe(victim.number);
  });
});
