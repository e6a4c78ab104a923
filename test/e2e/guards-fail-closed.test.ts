import { beforeEach, describe, expect, it } from 'vitest';
import { countingCommand, useTarget, run, type Target } from '../helpers/attack.ts';
import { pushStateChange } from '../helpers/git.ts';
import { journalRows, noop } from '../helpers/loop.ts';

let target: Target;
let command: string;
const inputs = { allow: 'sh count.sh', 'sensor-timeout': '1' };

useTarget('guards', (made) => {
  target = made;
});
beforeEach(() => {
  command = countingCommand(target);
});

function guard(body: string): void {
  pushStateChange(target.loop.sandbox, { 'sensors/freeze.sh': `#!/bin/sh\n${body}\n` }, { executable: ['sensors/freeze.sh'] });
}

async function allowedRunIsAsked(): Promise<void> {
  target.loop.newCommit(`a change ${Date.now()}`);
  const result = await target.beat(run(command), { inputs });
  expect(result.code, result.stdout).toBe(0);
  expect(journalRows(target.loop.sandbox).at(-1)).toMatch(/\| run \| asked in #\d+ .*a guard holds the loop/);
  expect(target.runs()).toBe(0);
}

describe('guards fail closed', () => {
  it.each([
    ['errors', 'echo broken >&2; exit 3'],
    ['hangs', 'sleep 30'],
    ['prints no JSON', 'echo all good'],
    ['prints JSON without a signal', 'echo \'{"detail": "fine"}\''],
  ])('a guard that held and now %s keeps its hold standing', async (_what, broken) => {
    await target.beat(noop, { inputs });
    guard(`echo '{"signal": {"hold": "release freeze"}}'`);
    await target.beat(noop, { inputs });
    guard(broken);
    await allowedRunIsAsked();
    const issue = target.askIssues().at(-1);
    expect(issue?.body).toMatch(/freeze: release freeze \(the guard failed: .*its hold stands until it reads clean\)/);
  });

  it('the hold lifts only when the guard reads clean again', async () => {
    await target.beat(noop, { inputs });
    guard(`echo '{"signal": {"hold": "release freeze"}}'`);
    await target.beat(noop, { inputs });
    guard('exit 1');
    await target.beat(noop, { inputs });
    guard(`echo '{"signal": {"hold": false}}'`);
    target.loop.newCommit('thawed');
    await target.beat(run(command), { inputs });
    expect(target.runs()).toBe(1);
  });

  it('a hold that began on a beat that did not decide still stands when its guard then fails', async () => {
    await target.beat(noop, { inputs: { ...inputs, 'daily-budget': '1' } });
    // Past the budget: this beat senses the hold but does not decide.
    guard(`echo '{"signal": {"hold": "incident"}}'`);
    const held = await target.beat(noop, { inputs: { ...inputs, 'daily-budget': '1' } });
    expect(held.summary).toMatch(/budget/);
    guard('exit 1');
    await allowedRunIsAsked();
  });

  it.each([['true'], ['1'], ['"yes"'], ['{"until": "friday"}'], ['["a"]'], ['"  "']])('any truthy hold holds: %s', async (hold) => {
    await target.beat(noop, { inputs });
    guard(`echo '{"signal": {"hold": ${hold}}}'`);
    await allowedRunIsAsked();
  });

  it.each([['false'], ['0'], ['""'], ['null']])('a falsy hold does not: %s', async (hold) => {
    await target.beat(noop, { inputs });
    guard(`echo '{"signal": {"hold": ${hold}}}'`);
    target.loop.newCommit('go');
    await target.beat(run(command), { inputs });
    expect(target.runs()).toBe(1);
  });
});
