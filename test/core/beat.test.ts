import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { makeWorld, type World } from './fakes.ts';

const noop = '{"type":"noop","reason":"calm"}';

function later(world: World, minutes: number): void {
  world.clock.now = new Date(world.clock.now.getTime() + minutes * 60_000);
}

function withSensor(world: World, name: string, printed: string): void {
  if (!world.store.sensors.includes(name)) world.store.sensors.push(name);
  world.signals[name] = printed;
}

describe('the beat', () => {
  it('decides on the first beat: its charge lands before the runner is called, the decision in one commit after', async () => {
    const world = makeWorld([noop]);
    withSensor(world, 'ci', '{"signal": "green"}');
    const report = await runBeat(world.ports, world.options);
    expect(report.decision.kind).toBe('move');
    expect(world.store.commits.map((c) => Object.keys(c.files))).toEqual([['budget.json'], expect.arrayContaining(['beat.json', 'snapshots/ci.json'])]);
    expect(world.store.files.get('snapshots/ci.json')).toContain('"green"');
  });

  it('an unchanged world makes no runner call and no commit', async () => {
    const world = makeWorld([noop, noop]);
    withSensor(world, 'ci', '{"signal": "green", "detail": "run 1"}');
    await runBeat(world.ports, world.options);
    world.signals.ci = '{"signal": "green", "detail": "run 2"}';
    const report = await runBeat(world.ports, { ...world.options, beat: 'b2' });
    expect(report.changed).toBe(false);
    expect(report.decision).toMatchObject({ kind: 'skipped', why: expect.stringContaining('no runner call') as string });
    expect(world.decider.prompts).toHaveLength(1);
    expect(world.store.commits).toHaveLength(2);
  });

  it('a changed signal is marked in the prompt', async () => {
    const world = makeWorld([noop, noop]);
    withSensor(world, 'ci', '{"signal": "green"}');
    withSensor(world, 'issues', '{"signal": 3}');
    await runBeat(world.ports, world.options);
    world.signals.ci = '{"signal": "red"}';
    const report = await runBeat(world.ports, { ...world.options, beat: 'b2' });
    expect(report.changedSignals).toEqual(['ci']);
    expect(world.decider.prompts[1]).toContain('### ci (changed)');
    expect(world.decider.prompts[1]).toContain('### issues\n');
  });

  it('a dry run decides but neither acts nor commits', async () => {
    const world = makeWorld(['{"type":"run","reason":"test","command":"npm test"}']);
    const report = await runBeat(world.ports, { ...world.options, dryRun: true });
    expect(report.decision.kind).toBe('move');
    expect(world.commands.runs).toEqual([]);
    expect(world.store.commits).toEqual([]);
  });

  it('a goal_write is recorded with the snapshots and the journal line in one commit', async () => {
    const world = makeWorld(['{"type":"goal_write","reason":"r","slug":"ship","body":"# Ship"}']);
    await runBeat(world.ports, world.options);
    const record = world.store.commits.at(-1);
    expect(Object.keys(record?.files ?? {}).sort()).toEqual(['beat.json', 'budget.json', 'goals/ship.md', 'runs/b1/output.1.txt', 'runs/b1/prompt.1.md', 'runs/b1/result.1.json']);
    expect(record?.journal).toHaveLength(1);
  });

  it('goal_archive of a missing goal fails and says so', async () => {
    const world = makeWorld(['{"type":"goal_archive","reason":"r","slug":"nope"}']);
    const report = await runBeat(world.ports, world.options);
    expect(report.journal[0]).toMatch(/\| failed: there is no goal "nope" to archive \|/);
  });

  it('an allowed run move executes its words without a shell, once', async () => {
    const world = makeWorld(['{"type":"run","reason":"r","command":"npm run \'lint:all\'"}', noop, noop]);
    await runBeat(world.ports, world.options);
    expect(world.commands.runs).toEqual([['npm', 'run', 'lint:all']]);
    // The output is shown in the next decision, which the run asks for, and then not again.
    await runBeat(world.ports, { ...world.options, beat: 'b2' });
    expect(world.decider.prompts[1]).toContain('output of npm run lint:all');
    await runBeat(world.ports, { ...world.options, beat: 'b3' });
    expect(world.decider.prompts).toHaveLength(2);
  });

  it('a run move outside allow is refused and nothing runs', async () => {
    const world = makeWorld(['{"type":"run","reason":"r","command":"npm publish"}']);
    const report = await runBeat(world.ports, world.options);
    expect(world.commands.runs).toEqual([]);
    expect(report.journal[0]).toMatch(/no allow pattern matches it.*\| refused \|/);
  });
});

describe('decide failures', () => {
  it('are recorded, backed off from, shown in the next prompt, and cleared by a good decision', async () => {
    const world = makeWorld(['nonsense', 'still nonsense', noop]);
    const first = await runBeat(world.ports, world.options);
    expect(first.decision.kind).toBe('failed');
    expect(world.store.journal[0]).toMatch(/\| decide \| expected exactly one JSON object.* \| failed \|/);

    later(world, 4);
    expect((await runBeat(world.ports, world.options)).decision).toMatchObject({ kind: 'skipped', why: expect.stringContaining('backing off until 2026-11-23T12:05:00Z') as string });
    later(world, 2);
    await runBeat(world.ports, world.options);
    expect(world.decider.prompts[1]).toMatch(/## Last decision failed\n\n1 decision\(s\) in a row failed/);

    // Two failures: the wait doubles.
    later(world, 9);
    expect((await runBeat(world.ports, world.options)).decision.kind).toBe('skipped');
    later(world, 2);
    const good = await runBeat(world.ports, world.options);
    expect(good.decision.kind).toBe('move');
    expect(world.store.files.get('beat.json')).not.toContain('failures');
  });

  it('a note from a person skips the backoff', async () => {
    const world = makeWorld(['nonsense', noop]);
    await runBeat(world.ports, world.options);
    const report = await runBeat(world.ports, { ...world.options, note: 'try again' });
    expect(report.decision.kind).toBe('move');
  });
});
