import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { summaryMarkdown } from '../../src/beat/report.ts';
import { formatAsk, parseAsk, type Ask } from '../../src/resources/asks/model.ts';
import { FakeGitHub, makeWorld, type World } from './fakes.ts';

/**
 * An approved move whose beat died while it ran, against the fake GitHub port: while that
 * beat's run is alive its claim is left to it (and the beat says when it looks again); once
 * the run has finished the move is never run again by itself, and the person is asked again,
 * once.
 */
const gated = JSON.stringify({ type: 'run', command: 'make deploy', reason: 'ship it' });

function theAsk(world: World): { path: string; ask: Ask } {
  const [path, text] = [...world.store.files].find(([file]) => file.startsWith('asks/') && file !== 'asks/setup.md') ?? [];
  const parsed = parseAsk(text ?? '');
  if (path === undefined || !parsed.ok) throw new Error(`no ask: ${text ?? 'none'}`);
  return { path, ask: parsed.ask };
}

async function askedAndClaimed(): Promise<{ world: World; github: FakeGitHub; path: string; claimedAt: string }> {
  const world = makeWorld([gated]);
  const github = new FakeGitHub();
  Object.assign(world.ports, { github });
  world.signals.ci = '{"signal": "red"}';
  world.store.sensors = ['ci'];
  await runBeat(world.ports, { ...world.options, beat: 'b1' });
  const { path, ask } = theAsk(world);
  // Beat b2 of run 42 claimed the approved move and then died before it recorded an outcome.
  const claimedAt = '2026-11-23T12:05:00.000Z';
  world.store.files.set(path, formatAsk({ ...ask, status: 'executing', approved: { by: 'maintainer', at: claimedAt, comment: 7 }, claimedBy: { beat: 'b2', runId: '42', at: claimedAt } }));
  world.clock.now = new Date('2026-11-23T12:06:00Z');
  return { world, github, path, claimedAt };
}

describe('an approved move whose beat died while it ran', () => {
  it("is left to that beat while its run is alive, and the beat says when it looks again", async () => {
    const { world, github, path } = await askedAndClaimed();
    github.runs.set('42', 'running');
    const before = world.store.files.get(path);
    const report = await runBeat(world.ports, { ...world.options, beat: 'b3', runId: '43' });
    expect(world.store.files.get(path)).toBe(before);
    expect(world.commands.runs).toEqual([]);
    // The claim's age settles it at the latest: its time, the command timeout (1 s here) and five minutes.
    expect(report.lookAgain).toEqual([{ resource: 'asks', at: '2026-11-23T12:10:01.000Z' }]);
    expect(summaryMarkdown(report)).toContain("The asks wait for another beat's claim, settled by 2026-11-23T12:10:01.000Z");
  });

  it('once that run has finished, is never run again by itself: the person is asked again, once, under a new hash', async () => {
    const { world, github, path } = await askedAndClaimed();
    const issue = theAsk(world).ask.issue ?? 0;
    const firstHash = theAsk(world).ask.hash;
    github.runs.set('42', 'finished');
    const report = await runBeat(world.ports, { ...world.options, beat: 'b3', runId: '43' });
    expect(report.lookAgain).toBeUndefined();
    expect(world.commands.runs).toEqual([]);
    const again = parseAsk(world.store.files.get(path) ?? '');
    expect(again).toMatchObject({ ok: true, ask: { status: 'pending', round: 2 } });
    expect(again.ok && again.ask.hash).not.toBe(firstHash);
    expect(world.store.journal.filter((line) => line.includes('the approved move was interrupted; asked again'))).toHaveLength(1);

    // An old approval does not run it, and a later beat tells nobody a second time.
    github.roles.set('maintainer', 'write');
    github.addComment(issue, 'maintainer', `/approve ${firstHash ?? ''}`);
    world.clock.now = new Date('2026-11-23T12:20:00Z');
    await runBeat(world.ports, { ...world.options, beat: 'b4', runId: '44' });
    expect(world.commands.runs).toEqual([]);
    expect(github.comments.filter((c) => c.issue === issue && c.body.includes('was interrupted'))).toHaveLength(1);
  });

  it('where runs cannot be looked up, is settled by the claim age alone', async () => {
    const { world, path } = await askedAndClaimed();
    const young = await runBeat(world.ports, { ...world.options, beat: 'b3', runId: '43' });
    expect(young.lookAgain).toEqual([{ resource: 'asks', at: '2026-11-23T12:10:01.000Z' }]);
    expect(parseAsk(world.store.files.get(path) ?? '')).toMatchObject({ ok: true, ask: { status: 'executing' } });
    world.clock.now = new Date('2026-11-23T12:10:02Z');
    const old = await runBeat(world.ports, { ...world.options, beat: 'b4', runId: '44' });
    expect(old.lookAgain).toBeUndefined();
    expect(parseAsk(world.store.files.get(path) ?? '')).toMatchObject({ ok: true, ask: { status: 'pending', round: 2 } });
    expect(world.commands.runs).toEqual([]);
  });
});
