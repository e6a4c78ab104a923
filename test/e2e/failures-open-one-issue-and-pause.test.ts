import { describe, expect, it } from 'vitest';
import type { Failure } from '../../src/resources/failures/model.ts';
import type { Standin } from '../github-standin/server.ts';
import type { ActionRun } from '../helpers/action.ts';
import { OWNER, useTarget, type Target } from '../helpers/attack.ts';
import { pushStateChange } from '../helpers/git.ts';
import { failureViews, manual, type Issue } from '../helpers/failures.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;
let failureIssues: () => Issue[];
let failures: () => Failure[];
let onlyIssue: () => Issue;

useTarget('failures', (made, started) => {
  target = made;
  standin = started;
  ({ failureIssues, failures, onlyIssue } = failureViews(started, made));
});

/** An answer that is no move: the decision fails the same way each time. */
const GARBAGE = 'I would rather not answer in JSON today.';

/** The first beat decides (and seeds), then three failed decisions in a row, the same way. */
async function failThrice(): Promise<ActionRun[]> {
  await target.beat(noop);
  target.loop.newCommit('something to decide on');
  const runs = [await target.beat(GARBAGE)];
  for (let i = 0; i < 2; i++) runs.push(await target.beat(GARBAGE, manual));
  return runs;
}

describe('repeated decide failures', () => {
  it('open one looop:failure issue on the third, showing the error as data, the beats and the fix', async () => {
    const runs = await failThrice();
    expect(failureIssues().length).toBe(1);
    const issue = onlyIssue();
    expect(issue.title).toBe('looop: decisions paused: the answer is not a valid move');
    expect(issue.body).toContain('<!-- looop:failure fingerprint=');
    expect(issue.body).toMatch(/```+text\nexpected exactly one JSON object/);
    expect(issue.body).toContain('failed 3 times in a row');
    expect((issue.body ?? '').match(/\[beat \d+-1\]\(http[^)]+\/actions\/runs\/\d+\)/g)).toHaveLength(3);
    expect(issue.body).toContain('comment `/resume`');
    expect(issue.body).toContain('use a stronger model (input model)');
    expect(issue.user.login).toBe('github-actions[bot]');
    expect(runs.map((run) => run.code)).toEqual([0, 0, 0]);
    expect(runs[2]?.summary).toContain('**Decisions are paused:**');
    expect(journalRows(target.loop.sandbox).some((row) => row.includes(`decisions paused: unparseable failed 3 time(s) in a row; see [#${issue.number}](`) && row.includes(`/issues/${issue.number})`))).toBe(true);
    expect(failures()).toMatchObject([{ status: 'paused', issue: issue.number, kind: 'unparseable' }]);
  });

  it('two failures do not open one yet', async () => {
    await target.beat(noop);
    target.loop.newCommit('something to decide on');
    await target.beat(GARBAGE);
    await target.beat(GARBAGE, manual);
    expect(failureIssues()).toHaveLength(0);
  });

  it('pause decisions: a paused beat senses and records, calls no runner, and says why with the issue link', async () => {
    await failThrice();
    const issue = onlyIssue();
    const calls = target.loop.runnerCalls();
    target.loop.newCommit('a change that would wake the loop');
    const paused = await target.beat(noop);
    expect(target.loop.runnerCalls()).toBe(calls);
    expect(paused.code).toBe(0);
    expect(paused.stdout).toMatch(/^::warning title=looop%3A decisions paused::decisions are paused/m);
    expect(paused.summary).toContain(`/issues/${issue.number})`);
    expect(paused.summary).toContain('**Decisions are paused:**');
    expect(failureIssues()).toHaveLength(1);
  });

  it("a stranger's /resume does nothing; a maintainer's resumes, and the next good decision closes the issue", async () => {
    await failThrice();
    const issue = onlyIssue();
    const calls = target.loop.runnerCalls();
    standin.setPermission(OWNER, target.repo, 'stranger', 'read');
    standin.addComment(OWNER, target.repo, issue.number, { login: 'stranger', body: '/resume' });
    await target.beat(noop);
    expect(target.loop.runnerCalls()).toBe(calls);
    expect(journalRows(target.loop.sandbox).some((row) => row.includes(`ignored /resume by @stranger on #${issue.number}`))).toBe(true);
    expect(standin.issue(OWNER, target.repo, issue.number)?.state).toBe('open');

    standin.addComment(OWNER, target.repo, issue.number, { login: 'maintainer', body: '/resume' });
    const resumed = await target.beat(noop);
    expect(target.loop.runnerCalls()).toBe(calls + 1);
    expect(resumed.outputs.move).toContain('noop');
    const closed = standin.issue(OWNER, target.repo, issue.number);
    expect(closed?.state).toBe('closed');
    const said = standin.comments(OWNER, target.repo, issue.number).map((c) => c.body);
    expect(said.some((body) => body.includes('Decisions resume: @maintainer commented /resume'))).toBe(true);
    expect(said.some((body) => body.includes('A decision succeeded'))).toBe(true);
    expect(failures()).toMatchObject([{ status: 'resolved' }]);
  });

  it('a PLAYBOOK change resumes decisions', async () => {
    await failThrice();
    const issue = onlyIssue();
    pushStateChange(target.loop.sandbox, { 'PLAYBOOK.md': '# PLAYBOOK\nAnswer with one JSON move.\n' });
    const resumed = await target.beat(noop);
    expect(resumed.outputs.move).toContain('noop');
    expect(standin.issue(OWNER, target.repo, issue.number)?.state).toBe('closed');
    expect(journalRows(target.loop.sandbox).some((row) => row.includes('decisions resumed: the PLAYBOOK or a goal changed'))).toBe(true);
  });

  it('closing the issue by hand resumes decisions', async () => {
    await failThrice();
    const issue = onlyIssue();
    standin.setIssueState(OWNER, target.repo, issue.number, 'maintainer', 'closed');
    const resumed = await target.beat(noop);
    expect(resumed.outputs.move).toContain('noop');
    expect(failures()).toMatchObject([{ status: 'resolved' }]);
  });

  it('the same failure after a resume pauses again on the same issue, reopened', async () => {
    await failThrice();
    const issue = onlyIssue();
    standin.setIssueState(OWNER, target.repo, issue.number, 'maintainer', 'closed');
    await target.beat(GARBAGE);
    await target.beat(GARBAGE, manual);
    await target.beat(GARBAGE, manual);
    expect(onlyIssue().number).toBe(issue.number);
    expect(standin.issue(OWNER, target.repo, issue.number)?.state).toBe('open');
    expect(failures()).toMatchObject([{ status: 'paused' }]);
  });

  it('two overlapping beats failing the third time open one issue', async () => {
    await target.beat(noop);
    target.loop.newCommit('something to decide on');
    await target.beat(GARBAGE);
    await target.beat(GARBAGE, manual);
    const { sandbox } = target.loop;
    const env = { LOOOP_TEST_BARRIER: `${sandbox.root}/barrier`, LOOOP_TEST_BARRIER_COUNT: '2' };
    const calls = target.loop.runnerCalls();
    const both = await Promise.all([target.beat(GARBAGE, { ...manual, env }), target.beat(GARBAGE, { ...manual, env })]);
    expect(both.map((run) => run.code)).toEqual([0, 0]);
    expect(target.loop.runnerCalls()).toBe(calls + 2);
    onlyIssue();
    await target.beat(noop);
    onlyIssue();
    expect(failures()).toHaveLength(1);
  });
});
