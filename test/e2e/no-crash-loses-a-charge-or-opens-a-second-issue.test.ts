import { describe, expect, it } from 'vitest';
import type { Standin } from '../github-standin/server.ts';
import { useTarget, type Target } from '../helpers/attack.ts';
import { pidFile, recordPid, type KillPoint } from '../helpers/crash.ts';
import { charges, crash, expectNothingLostOrRepeated, expectProgress, pushes } from '../helpers/crash-checks.ts';
import { noop } from '../helpers/loop.ts';

let standin: Standin;
let target: Target;

useTarget('crash', (made, started) => {
  target = made;
  standin = started;
});

describe('no crash of a first beat opens a second setup issue', () => {
  // The first beat's pushes: the seed, the claim on the setup issue, the decision's charge, its record.
  it.each<KillPoint>([...pushes(4), 'runner'])('killed %o', async (point) => {
    await crash(target, standin, noop, point);
    await target.beat(noop);
    await target.beat(noop);
    expect(target.askIssues().filter((issue) => issue.title.startsWith('looop asks: Set up this loop'))).toHaveLength(1);
    expect(target.ask('setup')?.issue).toBe(target.askIssues()[0]?.number);
    expectNothingLostOrRepeated(target);
    await expectProgress(target);
  });

  it('five first beats at once open one setup issue', async () => {
    const { sandbox } = target.loop;
    const env = { LOOOP_TEST_BARRIER: `${sandbox.root}/barrier`, LOOOP_TEST_BARRIER_COUNT: '5' };
    const results = await Promise.all(Array.from({ length: 5 }, () => target.beat(noop, { env })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(target.askIssues()).toHaveLength(1);
    expect(sandbox.stateLog().filter((subject) => subject.startsWith('looop: seed'))).toHaveLength(1);
  });
});

describe('the daily budget', () => {
  it('six beats killed right after their runner call make at most three calls under daily-budget 3', async () => {
    await target.beat(noop, { inputs: { 'daily-budget': '3' } });
    for (let i = 0; i < 6; i++) {
      target.loop.newCommit(`change ${i}`);
      const { sandbox } = target.loop;
      await target.beat(noop, { runId: String(8000 + i), inputs: { 'daily-budget': '3' }, onSpawn: recordPid(sandbox), env: { LOOOP_TEST_KILL_FILE: pidFile(sandbox) } });
    }
    expect(target.loop.runnerCalls()).toBe(3);
    expect(charges(target)).toBe(3);
  });

  it('overlapping beats never pass the cap: of five that each see one decision left, one decides', async () => {
    await target.beat(noop, { inputs: { 'daily-budget': '2' } });
    target.loop.newCommit('a change');
    const env = { LOOOP_TEST_BARRIER: `${target.loop.sandbox.root}/barrier`, LOOOP_TEST_BARRIER_COUNT: '1' };
    const results = await Promise.all(Array.from({ length: 5 }, () => target.beat(noop, { inputs: { 'daily-budget': '2' }, env })));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    expect(target.loop.runnerCalls()).toBe(2);
    expect(charges(target)).toBe(2);
  });
});
