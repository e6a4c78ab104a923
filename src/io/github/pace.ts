import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How a beat's writes to GitHub are paced: the first `burst` go at once, then one every
 * `everyMs`. GitHub asks for a second between mutating requests, and more between ones that
 * notify people, when a client makes a large number of them; Octokit's throttling plugin paces
 * every one (a second between writes, three between issues and comments), which turned a beat
 * that asks, answers and closes into several seconds of waiting. A beat makes a handful of
 * writes; one that reconciles many asks at once still slows down to GitHub's pace.
 */
export interface Pace {
  readonly burst: number;
  readonly everyMs: number;
}

/** Writes: GitHub's one a second past the first ten. Issues and comments (they notify): one every three seconds past the first five. */
export const WRITES: Pace = { burst: 10, everyMs: 1000 };
export const NOTIFYING: Pace = { burst: 5, everyMs: 3000 };

/** The clock and the wait, so a test can run the pace without waiting for time to pass. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<unknown>;
}

const realClock: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

/**
 * A limiter in the shape the throttling plugin schedules writes through (`key(id).schedule(options,
 * job)`): jobs run one after another, each waiting its turn by the pace.
 */
export function pacedLimiter(pace: Pace, clock: Clock = realClock): { key(id: string): { schedule<T>(options: unknown, job: () => T | Promise<T>): Promise<T> } } {
  let started = 0;
  let last = Number.NEGATIVE_INFINITY;
  let queue: Promise<unknown> = Promise.resolve();
  const schedule = <T>(_options: unknown, job: () => T | Promise<T>): Promise<T> => {
    const turn = queue.then(async () => {
      started++;
      const wait = started > pace.burst ? last + pace.everyMs - clock.now() : 0;
      if (wait > 0) await clock.sleep(wait);
      last = clock.now();
    });
    const run = turn.then(job);
    queue = run.catch(() => undefined);
    return run;
  };
  return { key: () => ({ schedule }) };
}
