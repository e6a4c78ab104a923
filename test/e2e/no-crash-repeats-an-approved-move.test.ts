import { describe, it } from 'vitest';
import type { Standin } from '../github-standin/server.ts';
import { countingCommand, hashIn, useTarget, OWNER, run, type Target } from '../helpers/attack.ts';
import { pidFile, type KillPoint } from '../helpers/crash.ts';
import { crash, expectNothingLostOrRepeated, expectProgress, pushes } from '../helpers/crash-checks.ts';
import { noop } from '../helpers/loop.ts';

/** Split from no-crash-repeats-a-command.test.ts so the two run side by side: the same kill points, for an approved move. */
let standin: Standin;
let target: Target;

useTarget('crash-approved', (made, started) => {
  target = made;
  standin = started;
});

describe('no crash repeats an approved move', () => {
  // The beat's pushes: the claim on the approval, its outcome, then (the ask changed) the decision's charge and record.
  it.each<KillPoint>([...pushes(4), 'command'])('killed %o', async (point) => {
    const { sandbox } = target.loop;
    const command = countingCommand(target, point === 'command' ? pidFile(sandbox) : undefined);
    await target.beat(noop);
    target.loop.newCommit('time to count');
    await target.beat(run(command));
    const issue = target.askIssues().find((i) => i.title.includes('count.sh'));
    standin.addComment(OWNER, target.repo, issue?.number ?? 0, { login: 'maintainer', body: `/approve ${hashIn(issue?.body)}` });
    await crash(target, standin, noop, point);
    countingCommand(target);
    await target.beat(noop);
    await target.beat(noop);
    expectNothingLostOrRepeated(target);
    await expectProgress(target);
  });
});

