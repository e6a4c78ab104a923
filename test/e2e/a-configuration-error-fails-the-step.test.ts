import { describe, expect, it } from 'vitest';
import type { Failure } from '../../src/resources/failures/model.ts';
import type { Standin } from '../github-standin/server.ts';
import { useTarget, type Target } from '../helpers/attack.ts';
import { crash, pushes } from '../helpers/crash-checks.ts';
import type { KillPoint } from '../helpers/crash.ts';
import { failureViews, manual, refusedKey, type Issue } from '../helpers/failures.ts';
import { journalRows, noop } from '../helpers/loop.ts';

/** Split from failures-open-one-issue-and-pause.test.ts so the two run side by side. */
let standin: Standin;
let target: Target;
let failureIssues: () => Issue[];
let failures: () => Failure[];
let onlyIssue: () => Issue;

useTarget('configuration', (made, started) => {
  target = made;
  standin = started;
  ({ failureIssues, failures, onlyIssue } = failureViews(started, made));
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
