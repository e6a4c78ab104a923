import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFailure, type Failure } from '../../src/resources/failures/model.ts';
import type { Standin } from '../github-standin/server.ts';
import { STREAMS, type ActionRun } from '../helpers/action.ts';
import { OWNER, useTarget, type Target } from '../helpers/attack.ts';
import { crash, pushes } from '../helpers/crash-checks.ts';
import type { KillPoint } from '../helpers/crash.ts';
import { pushStateChange } from '../helpers/git.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;

useTarget('failures', (made, started) => {
  target = made;
  standin = started;
});

/** An answer that is no move: the decision fails the same way each time. */
const GARBAGE = 'I would rather not answer in JSON today.';

/** A manual beat with a note: it decides now, whatever the backoff. */
const manual = { eventName: 'workflow_dispatch', event: { inputs: { note: 'try again' } } };

/** The claude preset, its program replaced by one that prints claude's answer to a refused key. */
const refusedKey = {
  runner: 'claude',
  'tick-command': `cat '${path.join(STREAMS, 'handwritten-claude-invalid-api-key.jsonl')}'`,
};

function failureIssues() {
  return standin.issues(OWNER, target.repo).filter((issue) => issue.labels.some((label) => label.name === 'looop:failure'));
}

function failures(): Failure[] {
  return [...target.stateFiles()]
    .filter(([file]) => file.startsWith('failures/'))
    .map(([, text]) => {
      const parsed = parseFailure(text);
      if (!parsed.ok) throw new Error(parsed.problem);
      return parsed.failure;
    });
}

/** The first beat decides (and seeds), then three failed decisions in a row, the same way. */
async function failThrice(): Promise<ActionRun[]> {
  await target.beat(noop);
  target.loop.newCommit('something to decide on');
  const runs = [await target.beat(GARBAGE)];
  for (let i = 0; i < 2; i++) runs.push(await target.beat(GARBAGE, manual));
  return runs;
}

function onlyIssue() {
  const issues = failureIssues();
  expect(issues).toHaveLength(1);
  const issue = issues[0];
  if (issue === undefined) throw new Error('no failure issue');
  return issue;
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

describe('a configuration error', () => {
  it('fails the step naming the secret to set, after its record is pushed, and opens the issue at once', async () => {
    await target.beat(noop);
    target.loop.newCommit('something to decide on');
    const run = await target.beat(noop, { inputs: refusedKey });
    expect(run.code).toBe(1);
    const error = run.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
    expect(error).toContain('the runner claude refused the API key: set the repository secret ANTHROPIC_API_KEY and pass it as env ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }} on the looop step');
    expect(error).not.toContain('/login');
    expect(journalRows(target.loop.sandbox).some((row) => row.includes('Invalid API key') && row.includes('| failed |'))).toBe(true);
    const issue = onlyIssue();
    expect(issue.title).toBe('looop: decisions paused: the runner refused the API key');
    expect(issue.body).toContain('ANTHROPIC_API_KEY');
  });

  it.each<KillPoint>([...pushes(3), 'runner'])('killed %o, opens no second issue', async (point) => {
    await target.beat(noop);
    target.loop.newCommit('something to decide on');
    await crash(target, standin, noop, point, refusedKey);
    // Killed as it pushes its record (the third push, after the charge and the claim), the beat had opened the issue.
    if (typeof point !== 'string' && point.push === 3) expect(failureIssues()).toHaveLength(1);
    await target.beat(noop, { ...manual, inputs: refusedKey });
    await target.beat(noop, { ...manual, inputs: refusedKey });
    const issue = onlyIssue();
    expect(failures()).toMatchObject([{ status: 'paused', issue: issue.number }]);
    expect(failures()[0]?.creating).toBeUndefined();
  });
});
