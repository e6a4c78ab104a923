import { describe, expect, it } from 'vitest';
import { runBeat } from '../../src/beat/run.ts';
import { parseAsk } from '../../src/resources/asks/model.ts';
import type { Store } from '../../src/beat/ports.ts';
import { FakeGitHub, makeWorld, type World } from './fakes.ts';

/**
 * Exactly once, in the core, against the fake GitHub port: of two beats that read the same
 * approval, the one whose claim lands first runs the move, and the other finds its claim lost.
 * Deterministic: the second beat runs whole at the worst moment, right after the first one's
 * claim landed and before it ran the move, from the state both read.
 */
const gated = JSON.stringify({ type: 'run', command: 'make deploy', reason: 'ship it' });

function pendingAsk(world: World): { id: string; hash: string; issue: number } {
  const [, text] = [...world.store.files].find(([file]) => file.startsWith('asks/') && file !== 'asks/setup.md') ?? [];
  const parsed = parseAsk(text ?? '');
  if (!parsed.ok || parsed.ask.hash === undefined || parsed.ask.issue === undefined) throw new Error(`no pending ask: ${text ?? 'none'}`);
  return { id: parsed.ask.id, hash: parsed.ask.hash, issue: parsed.ask.issue };
}

/** The store as one beat sees it: loaded once, committed to the shared branch; `after` runs once a commit whose message matches lands. */
function readAt(store: Store, state: Awaited<ReturnType<Store['load']>>, after?: { message: RegExp; run: () => Promise<void> }): Store {
  let pending = after;
  return {
    seeded: store.seeded,
    load: () => Promise.resolve(state),
    async commit(record) {
      const landed = await store.commit(record);
      if (pending !== undefined && pending.message.test(record.message)) {
        const run = pending.run;
        pending = undefined;
        await run();
      }
      return landed;
    },
  };
}

describe('an approved move', () => {
  it('runs once when two beats read the same approval: the later claim is lost and said so', async () => {
    const world = makeWorld([gated]);
    const github = new FakeGitHub();
    Object.assign(world.ports, { github });
    world.signals.ci = '{"signal": "red"}';
    world.store.sensors = ['ci'];
    const asked = await runBeat(world.ports, { ...world.options, beat: 'b1' });
    expect(asked.decision).toMatchObject({ kind: 'move', outcome: { outcome: 'asked' } });
    const ask = pendingAsk(world);
    github.roles.set('maintainer', 'write');
    github.addComment(ask.issue, 'maintainer', `/approve ${ask.hash}`);
    world.clock.now = new Date('2026-11-23T12:05:00Z');

    const before = await world.store.load();
    let second: Awaited<ReturnType<typeof runBeat>> | undefined;
    const racer = async (): Promise<void> => {
      second = await runBeat({ ...world.ports, store: readAt(world.store, before) }, { ...world.options, beat: 'b3' });
    };
    await runBeat({ ...world.ports, store: readAt(world.store, before, { message: /executing ask/, run: racer }) }, { ...world.options, beat: 'b2' });

    expect(world.commands.runs).toEqual([['bash', '-c', 'make deploy']]);
    expect(world.store.journal.filter((line) => line.includes('| b2 | run (approved by @maintainer) |'))).toHaveLength(1);
    expect(second?.journal.some((line) => line.includes(`ask ${ask.id} changed on the branch while this beat read its approval`))).toBe(true);
    expect(world.store.journal.some((line) => line.includes('| b3 | run'))).toBe(false);
    // The issue is told once, after the record of the run is pushed.
    const done = github.comments.filter((c) => c.issue === ask.issue && c.body.includes('Done'));
    expect(done).toHaveLength(1);
    expect(parseAsk(world.store.files.get(`asks/${ask.id}.md`) ?? '')).toMatchObject({ ok: true, ask: { status: 'done', closed: true } });
  });
});
