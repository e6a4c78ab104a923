import { describe, expect, it } from 'vitest';
import type { Standin } from '../github-standin/server.ts';
import { countingCommand, useTarget, OWNER, run, type Target } from '../helpers/attack.ts';
import { pidFile, recordPid, type KillPoint } from '../helpers/crash.ts';
import { CRASHED_RUN, crash, expectNothingLostOrRepeated, expectProgress, pushes } from '../helpers/crash-checks.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;

useTarget('crash', (made, started) => {
  target = made;
  standin = started;
});

describe('no crash loses a charge, repeats an allowed command or stalls the loop', () => {
  // The beat's pushes: the decision's charge, the decision with its claim on the command, the outcome.
  it.each<KillPoint>([...pushes(3), 'runner', 'command'])('killed %o', async (point) => {
    const { sandbox } = target.loop;
    const command = countingCommand(target, point === 'command' ? pidFile(sandbox) : undefined);
    const inputs = { allow: 'sh count.sh' };
    await target.beat(noop, { inputs });
    target.loop.newCommit('time to count');
    await crash(target, standin, run(command), point, inputs);
    countingCommand(target);
    await target.beat(run(command), { inputs });
    await target.beat(run(command), { inputs });
    expectNothingLostOrRepeated(target);
    // A command that ran in a beat that died before recording it is never run again without a person.
    const unrecorded = point === 'command' || (typeof point !== 'string' && point.push === 3 && point.when === 'before');
    if (unrecorded) expect(target.runIds()).toEqual([`run ${CRASHED_RUN}`]);
    await expectProgress(target);
  });

  it('a beat killed after its command leaves it to a person: asked, not run again', async () => {
    const command = countingCommand(target, pidFile(target.loop.sandbox));
    await target.beat(noop, { inputs: { allow: 'sh count.sh' } });
    target.loop.newCommit('time to count');
    await crash(target, standin, run(command), 'command', { allow: 'sh count.sh' });
    countingCommand(target);
    await target.beat(run(command), { inputs: { allow: 'sh count.sh' } });
    expect(target.runs()).toBe(1);
    expect(journalRows(target.loop.sandbox).join('\n')).toMatch(/\| run \| `sh count\.sh`: interrupted: beat 7000-1 ended while it ran; it may or may not have finished/);
    expect(journalRows(target.loop.sandbox).at(-1)).toMatch(/\| run \| asked in #\d+ .*a beat ended while running it before/);
  });
});

describe('a command a crashed beat may have run', () => {
  it.each(['sh  count.sh', "sh 'count.sh'", 'sh "count.sh"'])('is held back however it is spelled again (%j)', async (respelled) => {
    const { sandbox } = target.loop;
    const inputs = { allow: 'sh count.sh' };
    const command = countingCommand(target, pidFile(sandbox));
    await target.beat(noop, { inputs });
    target.loop.newCommit('time to count');
    await crash(target, standin, run(command), 'command', inputs);
    countingCommand(target);
    target.loop.newCommit('later');
    await target.beat(run(respelled), { inputs });
    expect(target.runIds()).toEqual([`run ${CRASHED_RUN}`]);
  });

  it.each<['in_progress' | 'unknown']>([['in_progress'], ['unknown']])('is held back while its beat may still be running it (its run %s), and its claim is kept', async (state) => {
    const { sandbox } = target.loop;
    const inputs = { allow: 'sh count.sh' };
    const command = countingCommand(target, pidFile(sandbox));
    await target.beat(noop, { inputs });
    target.loop.newCommit('time to count');
    const killed = await target.beat(run(command), { runId: String(CRASHED_RUN), inputs, onSpawn: recordPid(sandbox) });
    expect(killed.code).not.toBe(0);
    if (state === 'in_progress') standin.setRun(OWNER, target.repo, CRASHED_RUN, 'in_progress');
    countingCommand(target);
    target.loop.newCommit('something else changed');
    await target.beat(run(command), { inputs });
    expect(target.runIds()).toEqual([`run ${CRASHED_RUN}`]);
    expect(journalRows(sandbox).at(-1)).toMatch(/\| run \| asked in #\d+ .*another beat may be running it now/);
    const memory = JSON.parse(sandbox.stateFile('beat.json') ?? '{}') as { running?: { beat: string }[] };
    expect(memory.running?.map((claim) => claim.beat)).toEqual([`${CRASHED_RUN}-1`]);
  });
});
