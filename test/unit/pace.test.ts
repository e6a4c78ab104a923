/**
 * A beat's writes to GitHub: the first few at once, the rest at GitHub's pace, one after another.
 */
import { describe, expect, it } from 'vitest';
import { NOTIFYING, pacedLimiter, WRITES } from '../../src/io/github/pace.ts';

/** A clock that moves only when the limiter sleeps, recording each wait. */
function fakeClock(): { now(): number; sleep(ms: number): Promise<void>; waits: number[] } {
  let time = 1_000_000;
  const waits: number[] = [];
  return {
    now: () => time,
    sleep: (ms) => {
      waits.push(ms);
      time += ms;
      return Promise.resolve();
    },
    waits,
  };
}

describe('the pace of writes', () => {
  it('lets the first of a burst go at once, then one every interval, in order', async () => {
    const clock = fakeClock();
    const limiter = pacedLimiter({ burst: 3, everyMs: 1000 }, clock).key('beat');
    const order: number[] = [];
    await Promise.all(Array.from({ length: 6 }, (_, i) => limiter.schedule({}, () => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(clock.waits).toEqual([1000, 1000, 1000]);
  });

  it('does not wait when the interval has passed on its own', async () => {
    const clock = fakeClock();
    const limiter = pacedLimiter({ burst: 1, everyMs: 1000 }, clock).key('beat');
    await limiter.schedule({}, () => undefined);
    await clock.sleep(5000);
    await limiter.schedule({}, () => undefined);
    expect(clock.waits).toEqual([5000]);
  });

  it('goes on after a job that failed', async () => {
    const limiter = pacedLimiter({ burst: 5, everyMs: 1000 }, fakeClock()).key('beat');
    await expect(limiter.schedule({}, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(limiter.schedule({}, () => 'next')).resolves.toBe('next');
  });

  it("keeps GitHub's pace past a beat's handful of writes: a second between writes, three between issues and comments", () => {
    expect(WRITES).toEqual({ burst: 10, everyMs: 1000 });
    expect(NOTIFYING).toEqual({ burst: 5, everyMs: 3000 });
  });
});
