import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { budgetStop, charge, costOf, parseLedger, spentOn, UNMETERED_LIMIT } from '../../src/state/budget.ts';
import type { DecisionRun } from '../../src/runners/index.ts';
import type { RunnerResult } from '../../src/runners/result.ts';
import { makeWorld, type World } from './fakes.ts';

const noop = '{"type":"noop","reason":"calm"}';
const AT = new Date('2026-11-23T12:00:00Z');

function change(world: World, n: number): void {
  world.store.sensors = ['ci'];
  world.signals.ci = `{"signal": ${n}}`;
}

/** A decider whose runs report what the test says, counting its calls. */
function reporting(world: World, result: Partial<RunnerResult>, text = noop): { calls: string[] } {
  const calls: string[] = [];
  const decider = (_prompt: string, model: string | undefined): Promise<DecisionRun> => {
    calls.push(model ?? '(default)');
    return Promise.resolve({ result: { ok: true, text, ...result }, raw: text, durationMs: 1 });
  };
  (world.ports as { decider: unknown }).decider = decider;
  return { calls };
}

describe('the daily budget', () => {
  it('once spent, makes no runner call, says when it resets, and journals it once a day', async () => {
    const world = makeWorld();
    const { calls } = reporting(world, {});
    const options = { ...world.options, limits: { dailyBudget: 2, dailyBudgetUsd: undefined } };
    for (let n = 1; n <= 4; n++) {
      change(world, n);
      await runBeat(world.ports, { ...options, beat: `b${n}` });
    }
    expect(calls).toHaveLength(2);
    const journal = world.store.journal.filter((line) => line.includes('no decision'));
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatch(/daily budget of 2 decisions is spent \(2 today\); it resets at 00:00 UTC, in 12h 0m/);
    // A budget stop is not a hold: a guard's hold is a different thing with its own rules.
    expect(journal[0]).toMatch(/\| budget spent \|/);
    expect(journal[0]).not.toMatch(/held/);
  });

  it('counts failed decisions too: a decision is charged when it is launched', async () => {
    const world = makeWorld(['nonsense']);
    await runBeat(world.ports, world.options);
    expect(spentOn(parseLedger(world.store.files.get('budget.json') ?? null) ?? { days: {} }, '2026-11-23').decisions).toBe(1);
  });

  it('with a USD cap stops once the runner-reported cost reaches it', async () => {
    const world = makeWorld();
    const { calls } = reporting(world, { costUsd: 0.6 });
    const options = { ...world.options, limits: { dailyBudget: 48, dailyBudgetUsd: 1 } };
    for (let n = 1; n <= 4; n++) {
      change(world, n);
      await runBeat(world.ports, { ...options, beat: `b${n}` });
    }
    expect(calls).toHaveLength(2);
  });

  it('prices tokens when the runner reports no cost', () => {
    expect(costOf({ ok: true, text: '', tokensIn: 1_000_000, tokensOut: 500_000, model: 'gpt-4.1-mini-2025-04-14' }, { 'gpt-4.1-mini': { input: 0.4, output: 1.6 } }, 'gpt-4.1-mini')).toMatchObject({ usd: 1.2, metered: true });
    expect(costOf({ ok: true, text: '', tokensIn: 10 }, {}, 'm')).toMatchObject({ metered: false });
  });

  it('fails closed with a USD cap when runs can be priced neither by cost nor by tokens', async () => {
    const world = makeWorld();
    const { calls } = reporting(world, {});
    const options = { ...world.options, limits: { dailyBudget: 48, dailyBudgetUsd: 5 } };
    for (let n = 1; n <= UNMETERED_LIMIT + 2; n++) {
      change(world, n);
      await runBeat(world.ports, { ...options, beat: `b${n}` });
    }
    expect(calls).toHaveLength(UNMETERED_LIMIT);
    expect(world.store.journal.at(-1)).toMatch(/reported neither cost nor tokens with a price.*set input "prices"/);
  });

  it('keeps the charges of two beats that landed on the same day, and counts a charge applied twice once', () => {
    const a = charge([{ id: 'a:1', at: AT.toISOString(), usd: 0.1 }], AT);
    const b = charge([{ id: 'b:1', at: AT.toISOString(), usd: 0.2 }], AT);
    const both = b(a(null));
    const again = a(both);
    expect(spentOn(parseLedger(again) ?? { days: {} }, '2026-11-23')).toEqual({ decisions: 2, usd: 0.30000000000000004, unmetered: 0 });
  });

  it('reads a damaged ledger as spent, never as free', () => {
    expect(budgetStop({ dailyBudget: 48, dailyBudgetUsd: undefined }, parseLedger('{"days": 3}'), AT)).toMatch(/cannot be read/);
  });
});

describe('escalation', () => {
  it('re-decides once with the escalation model, and both decisions are charged and journaled', async () => {
    const world = makeWorld(['{"type":"escalate","reason":"this is subtle"}', '{"type":"goal_write","reason":"r","slug":"x","body":"# X"}']);
    const report = await runBeat(world.ports, { ...world.options, model: 'cheap', escalationModel: 'strong' });
    expect(report.decision).toMatchObject({ kind: 'move', move: { type: 'goal_write' } });
    expect(world.decider.prompts).toHaveLength(2);
    expect(world.decider.prompts[1]).toContain('## Escalated to you');
    expect(world.decider.prompts[1]).toContain('this is subtle');
    expect(world.store.journal.map((line) => line.split(' | ')[2])).toEqual(['escalate', 'goal_write']);
    expect(spentOn(parseLedger(world.store.files.get('budget.json') ?? null) ?? { days: {} }, '2026-11-23').decisions).toBe(2);
    expect(world.store.files.has('runs/b1/prompt.2.md')).toBe(true);
  });

  it('the stronger model cannot escalate again', async () => {
    const world = makeWorld(['{"type":"escalate","reason":"a"}', '{"type":"escalate","reason":"b"}', noop]);
    const report = await runBeat(world.ports, { ...world.options, escalationModel: 'strong' });
    expect(report.decision).toMatchObject({ kind: 'failed', error: expect.stringContaining('cannot escalate again') as string });
    expect(world.decider.prompts).toHaveLength(2);
  });

  it('without an escalation model is a decide failure that says what to set', async () => {
    const world = makeWorld(['{"type":"escalate","reason":"a"}']);
    const report = await runBeat(world.ports, world.options);
    expect(report.decision).toMatchObject({ kind: 'failed', error: expect.stringContaining('"escalation-model" is not set') as string });
  });

  it('is not launched past the budget', async () => {
    const world = makeWorld(['{"type":"escalate","reason":"a"}', noop]);
    const report = await runBeat(world.ports, { ...world.options, escalationModel: 'strong', limits: { dailyBudget: 1, dailyBudgetUsd: undefined } });
    expect(world.decider.prompts).toHaveLength(1);
    expect(report.decision).toMatchObject({ kind: 'failed', error: expect.stringContaining('the escalation was not run') as string });
  });
});

describe('runs/', () => {
  it('keeps what the model saw and said for the last 20 beats', async () => {
    const world = makeWorld();
    for (let n = 1; n <= 22; n++) {
      change(world, n);
      await runBeat(world.ports, { ...world.options, beat: `${100 + n}-1` });
    }
    const beats = [...new Set([...world.store.files.keys()].filter((f) => f.startsWith('runs/')).map((f) => f.split('/')[1]))];
    expect(beats).toHaveLength(20);
    expect(beats).not.toContain('101-1');
    expect(world.store.files.get('runs/122-1/prompt.1.md')).toContain('# You are the decider');
    expect(JSON.parse(world.store.files.get('runs/122-1/result.1.json') ?? '{}')).toMatchObject({ move: { type: 'noop' } });
  });

  it("prunes only the loop's own beats: folders of other names under runs/ are a person's, kept, and never stall the record", async () => {
    const world = makeWorld();
    for (let n = 0; n < 25; n++) world.store.files.set(`runs/old\\${n}/notes.md`, 'mine');
    world.store.files.set('runs/zz-notes/README.md', 'mine');
    for (let n = 1; n <= 3; n++) {
      change(world, n);
      const report = await runBeat(world.ports, { ...world.options, beat: `${200 + n}-1` });
      expect(report.decision.kind).toBe('move');
    }
    expect(world.store.files.get('runs/old\\0/notes.md')).toBe('mine');
    expect(world.store.files.get('runs/zz-notes/README.md')).toBe('mine');
    expect(world.store.files.has('runs/203-1/prompt.1.md')).toBe(true);
  });
});
