import { expect } from 'vitest';
import type { Standin } from '../github-standin/server.ts';
import { OWNER, type Target } from './attack.ts';
import { journalRows } from './loop.ts';
import { armPushKill, describePoint, disarm, pidFile, recordPid, type KillPoint } from './crash.ts';

export const CRASHED_RUN = 7000;

/** Every decision charged on the branch, on any day. */
export function charges(target: Target): number {
  const ledger = JSON.parse(target.loop.sandbox.stateFile('budget.json') ?? '{"days":{}}') as { days: Record<string, unknown[]> };
  return Object.values(ledger.days).reduce((sum, day) => sum + day.length, 0);
}

/** One beat killed at the point, with what kills it armed; the crashed run is then seen as ended, as GitHub would report it. */
export async function crash(target: Target, standin: Standin, answer: string, point: KillPoint, inputs: Record<string, string> = {}): Promise<void> {
  const { sandbox } = target.loop;
  if (typeof point !== 'string') armPushKill(sandbox, point);
  const killed = await target.beat(answer, {
    runId: String(CRASHED_RUN),
    inputs,
    onSpawn: recordPid(sandbox),
    env: point === 'runner' ? { LOOOP_TEST_KILL_FILE: pidFile(sandbox) } : {},
  });
  disarm(sandbox);
  expect(killed.code, `the beat was not killed ${describePoint(point)}: ${killed.stdout}`).not.toBe(0);
  standin.setRun(OWNER, target.repo, CRASHED_RUN, 'completed');
}

/** What must hold after any crash, once the loop has beaten twice more. */
export function expectNothingLostOrRepeated(target: Target): void {
  const ids = target.runIds();
  expect(ids.filter((id, i) => ids.indexOf(id) !== i), "a decision's command ran twice").toEqual([]);
  expect(charges(target), 'a runner call without a charge').toBeGreaterThanOrEqual(target.loop.runnerCalls());
  const rows = journalRows(target.loop.sandbox).map((row) => row.split(' | ').slice(1).join(' | '));
  expect(rows.filter((row, i) => rows.indexOf(row) !== i), 'a journal line written twice').toEqual([]);
}

/** The loop is not stalled: the next change is decided on, and the beat ends well. */
export async function expectProgress(target: Target): Promise<void> {
  target.loop.newCommit('something new');
  const calls = target.loop.runnerCalls();
  const next = await target.beat(JSON.stringify({ type: 'goal_write', reason: 'progress', slug: 'progress', body: '# Onward' }));
  expect(next.code, next.stdout).toBe(0);
  expect(target.loop.runnerCalls()).toBe(calls + 1);
  expect(target.loop.sandbox.stateFile('goals/progress.md')).toContain('# Onward');
}

export const pushes = (count: number): KillPoint[] => Array.from({ length: count }, (_, i) => [{ push: i + 1, when: 'before' as const }, { push: i + 1, when: 'after' as const }]).flat();

